"""The items of a feed: the newest hits of an anonymous archive search, with what readers show of each.

Feeds are shared and read without cookies, so they search as an anonymous visitor whoever asks.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import Truncator

from search import registry
from search.access import Viewer
from search.models import SearchRecord
from search.query import SearchRequest
from search.views import answer

FEED_SIZE = 30
DESCRIPTION_LENGTH = 1000
# The classifications a feed reader files an item under, as <category> labels.
CATEGORY_FACETS = ("pole", "theme", "tag")


@dataclass
class FeedEntry:
    """One item as a feed reader shows it; `url` is relative, made absolute on the request's host."""

    title: str
    url: str
    description: str
    published: datetime.datetime
    authors: list
    categories: list


def newest_entries(q, filters):
    """The FEED_SIZE newest items an anonymous visitor finds for this query and these filters.

    Undated items are left out: a feed is a chronology, and an undated item has no place in it (the
    search sorts them last; they stay in the search, the listings and the sitemap).
    """
    request = SearchRequest(q=q, filters=filters, sort="newest", page=1, page_size=FEED_SIZE)
    hits = [hit for hit in answer(request, Viewer.anonymous()).hits if hit.date]
    abstracts = abstracts_of([hit.id for hit in hits])
    labels = _labels(hits)
    return [
        FeedEntry(
            title=hit.title,
            url=hit.url,
            description=Truncator(abstracts.get(hit.id) or "").chars(DESCRIPTION_LENGTH),
            published=_midnight(hit.date),
            authors=hit.authors,
            categories=[labels[facet].get(v, v) for facet in CATEGORY_FACETS for v in getattr(hit, f"{facet}s")],
        )
        for hit in hits
    ]


def abstracts_of(sources):
    """{source: abstract}: the cited abstract when the item has one, else what its record searches as such."""
    rows = SearchRecord.objects.filter(source__in=sources).values_list(
        "source", "data__citation__abstract", "data__abstract"
    )
    return {source: cited or own or "" for source, cited, own in rows}


def _labels(hits):
    labels = {}
    for facet in CATEGORY_FACETS:
        values = {value for hit in hits for value in getattr(hit, f"{facet}s")}
        vocabulary = registry.vocabulary(facet)
        labels[facet] = {key: str(label) for key, label in (vocabulary.labels(values) if vocabulary else {}).items()}
    return labels


def _midnight(date):
    """The start of the item's day where the archive is: feeds want a moment, records know a day."""
    if isinstance(date, str):  # engines hand the record back as JSON
        date = datetime.date.fromisoformat(date)
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))
