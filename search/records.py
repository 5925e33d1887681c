"""The search record: what a content type tells the archive search about one item.

Content types build their own records (`Searchable.search_record`); the search app
stores, indexes and serves them without knowing any content model by name.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass

PUBLIC = "public"


@dataclass
class AttachmentPage:
    """One page of text of a document attached to an item (or of the document itself)."""

    document_id: int
    title: str
    url: str
    page: int
    text: str


@dataclass
class Record:
    source: str
    kind: str
    title: str
    url: str
    date: datetime.date | None = None
    authors: list[str] = field(default_factory=list)
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    body: str = ""
    attachments: list[AttachmentPage] = field(default_factory=list)
    # Facet values are stable keys (slugs, official codes); labels come from the vocabularies.
    poles: list[str] = field(default_factory=list)
    territories: list[str] = field(default_factory=list)
    territory_scope: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    access: str = PUBLIC
    # The item as citations, exports and harvesters read it (CSL-JSON, see citations.items): stored, never searched.
    citation: dict = field(default_factory=dict)

    @property
    def year(self):
        return self.date.year if self.date else None

    def facet_values(self):
        """(facet, value) pairs the record counts under: a territory counts under all its ancestors."""
        pairs = {("kind", self.kind)}
        pairs.update(("pole", v) for v in self.poles)
        pairs.update(("territory", v) for v in {*self.territories, *self.territory_scope})
        pairs.update(("theme", v) for v in self.themes)
        pairs.update(("tag", v) for v in self.tags)
        if self.year:
            pairs.add(("year", str(self.year)))
        return sorted(pairs)

    def as_json(self):
        # What dataclasses.asdict gives, without deep-copying every string: half of a cluster document's time.
        data = {name: plain(getattr(self, name)) for name in RECORD_FIELDS}
        data["date"] = self.date.isoformat() if self.date else None
        return data

    def fingerprint(self, data=None):
        payload = json.dumps(data or self.as_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()


RECORD_FIELDS = tuple(f.name for f in fields(Record))


def plain(value):
    """A record's value as JSON data: dataclasses become dicts, containers are copied, other values shared."""
    kind = type(value)
    if kind is dict:
        return {key: plain(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return kind(plain(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return value


def source_key(prefix, pk):
    return f"{prefix}:{pk}"


class Searchable:
    """Mixin for the models whose instances the archive search finds.

    `search_source_prefix` names the kind of source ("page", "document");
    `search_record()` returns the record, or None when the item must not be found
    (a draft, an unpublished page); `search_records()` yields every record, for rebuilds;
    `search_related_sources()` names the sources whose records read this item (a page: the
    documents it attaches), re-read whenever it changes.
    """

    search_source_prefix = ""

    def search_record(self):
        raise NotImplementedError

    def search_related_sources(self):
        return []

    @classmethod
    def search_records(cls):
        raise NotImplementedError

    @property
    def search_source(self):
        return source_key(self.search_source_prefix, self.pk)
