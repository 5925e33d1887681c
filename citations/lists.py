"""The items of a result list or of a selection, read from the stored search records in bulk.

A list never loads a page object: each item's CSL-JSON is in its record (citations.items), and every
item is checked against what the request may open now, whatever the list says it holds.
"""

import datetime
from dataclasses import dataclass, field

from search import service
from search.models import SearchRecord

from .items import compact, date_parts, entry

# A result list exports at most this many items, the first ones in result order.
MAX_EXPORTED = 1000
# What an export reads of the search page's address: the query, filters and sort, not the page shown.
NOT_SEARCH_PARAMETERS = ("format", "page", "page_size")
# Sources per query: well under the bound parameters every database accepts.
READ_BATCH = 500


@dataclass
class ListedItem:
    """One item of a list as its record stores it: what a list shows, and its CSL-JSON item."""

    source: str
    kind: str
    title: str
    url: str
    date: datetime.date | None
    authors: list = field(default_factory=list)
    citation: dict = field(default_factory=dict)

    def csl_item(self):
        """The stored CSL-JSON item; a record written before items were stored still cites its title and date."""
        if self.citation:
            return self.citation
        return compact(
            {"type": "document", "title": self.title, "issued": date_parts(self.date), "custom": {"kind": self.kind}}
        )


def stored_items(sources, viewer):
    """The items of `sources` that `viewer` may open now, in the order given, and how many were left out.

    Left out: what is unknown, unpublished since, or restricted to others; nothing of it is returned.
    """
    rows = {}
    for start in range(0, len(sources), READ_BATCH):
        chunk = sources[start : start + READ_BATCH]
        fields = ("source", "kind", "title", "url", "date", "access", "data__authors", "data__citation")
        for row in SearchRecord.objects.filter(source__in=chunk).values_list(*fields):
            rows[row[0]] = row
    items = []
    for source in sources:
        row = rows.get(source)
        if row is None or not viewer.can_open(row[5]):
            continue
        _source, kind, title, url, date, _access, authors, citation = row
        items.append(ListedItem(source, kind, title, url, date, authors or [], citation or {}))
    return items, len(sources) - len(items)


def result_items(search_request, viewer, engine=None):
    """The first MAX_EXPORTED items of a search for `viewer`, in result order, and the search's total."""
    sources, total = service.ranked_sources(search_request, viewer, MAX_EXPORTED, engine=engine)
    items, _gone = stored_items(sources, viewer)
    return items, total


def entries(items, base_url):
    """The CitationEntry of each item, its addresses made absolute on `base_url`."""
    return [entry(item.source, item.csl_item(), item.url, base_url) for item in items]
