"""The database engine's own tables checked against its records: full text, term postings and facet values.

A logical restore (dumpdata/loaddata) brings the records back without the full-text rows, which no
model holds; comparing records with their sources cannot see that, comparing these tables can.

What is compared, per record (cheap enough for `kb_index check` on 100,000 records):
- full text: a row exists, its analysed title is the record's, and each other field holds as many
  tokens as the record's stored length (SQLite), or holds tokens exactly when that length is not zero
  (PostgreSQL, whose tsvector keeps distinct lexemes, not counts);
- postings: the occurrences listed for a record add up, field by field, to at most its length and
  are there wherever the length is not zero (terms over 100 characters are not listed);
- facets: the (facet, value) rows are those its stored record names.
Postings of records that are gone are not a fault: they are harmless and the next merge drops them.
"""

import datetime
import json
from dataclasses import dataclass, field

import numpy as np

from django.db import connection

from ..analysis import analyze, words
from ..records import RECORD_FIELDS, Record
from . import postings

FIELD_LENGTHS = ("title_length", "abstract_length", "body_length", "attachments_length")
BATCH = 1000


@dataclass
class TableReport:
    """One table's faults, as record ids: no row for a record, a row for no record, a row that differs."""

    table: str
    expected: int = 0
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    stale: list = field(default_factory=list)

    @property
    def problems(self):
        return len(self.missing) + len(self.extra) + len(self.stale)


@dataclass
class StoredRecord:
    title: str
    lengths: tuple
    data: dict | None = None


def verify():
    """A report per table of the database engine, for the records it holds now."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, title, {', '.join(FIELD_LENGTHS)} FROM search_searchrecord")
        records = {row[0]: StoredRecord(row[1], tuple(row[2:])) for row in cursor.fetchall()}
        fulltext = _sqlite_fulltext if connection.vendor == "sqlite" else _postgresql_fulltext
        return [*fulltext(cursor, records), _postings(cursor, records), _facets(cursor, records)]


def sources_to_reindex(reports):
    """The sources whose records a repair writes again: those missing from a table or differing there."""
    ids = sorted({pk for report in reports for pk in (*report.missing, *report.stale)})
    sources = set()
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            cursor.execute(f"SELECT source FROM search_searchrecord WHERE id IN ({_marks(chunk)})", chunk)
            sources.update(row[0] for row in cursor.fetchall())
    return sources


def drop_extra(reports):
    """Delete the full-text rows that belong to no record (SQLite keeps them in tables of their own)."""
    from .dialects import dialect_for

    extra = sorted({pk for report in reports if report.table.endswith("_fts") for pk in report.extra})
    if extra:
        dialect_for(connection.vendor).delete_fulltext(extra)
    return len(extra)


def _marks(values):
    return ", ".join(["%s"] * len(values))


def _token_count(column):
    # Analysed text is tokens joined by single spaces: counted in SQL, so the text never leaves the database.
    return f"CASE WHEN {column} = '' THEN 0 ELSE length({column}) - length(replace({column}, ' ', '')) + 1 END"


def _sqlite_fulltext(cursor, records):
    counts = ", ".join(_token_count(column) for column in ("abstract", "body", "attachments"))
    cursor.execute(f"SELECT rowid, title, {counts} FROM search_fts")
    text = TableReport("search_fts", expected=len(records))
    seen = set()
    for pk, title, *lengths in cursor.fetchall():
        seen.add(pk)
        record = records.get(pk)
        if record is None:
            text.extra.append(pk)
        elif title != " ".join(analyze(record.title)) or tuple(lengths) != record.lengths[1:]:
            text.stale.append(pk)
    text.missing = sorted(records.keys() - seen)
    cursor.execute("SELECT rowid, words FROM search_title_fts")
    titles = TableReport("search_title_fts", expected=len(records))
    seen = set()
    for pk, title_words in cursor.fetchall():
        seen.add(pk)
        record = records.get(pk)
        if record is None:
            titles.extra.append(pk)
        elif title_words != " ".join(words(record.title)):
            titles.stale.append(pk)
    titles.missing = sorted(records.keys() - seen)
    return [text, titles]


def _postgresql_fulltext(cursor, records):
    """The vectors live on the record rows: a record lacks them (NULL) or they differ, never one too many.

    Titles are compared whole, by PostgreSQL's own parsing of the words the engine gave it; the other
    fields (weights B to D) by whether they hold anything."""
    text = TableReport("search_searchrecord.search_vector", expected=len(records))
    titles = TableReport("search_searchrecord.title_vector", expected=len(records))
    ids = sorted(records)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        cursor.execute(
            "SELECT r.id, r.search_vector IS NULL, r.title_vector IS NULL,"
            " ts_filter(r.search_vector, '{a}') = setweight(to_tsvector('simple', t.analysed), 'A'),"
            " length(ts_filter(r.search_vector, '{b}')) > 0, length(ts_filter(r.search_vector, '{c}')) > 0,"
            " length(ts_filter(r.search_vector, '{d}')) > 0, r.title_vector = to_tsvector('simple', t.words)"
            " FROM search_searchrecord r"
            " JOIN unnest(%s::bigint[], %s::text[], %s::text[]) AS t(id, analysed, words) ON t.id = r.id",
            [
                chunk,
                [" ".join(analyze(records[pk].title)) for pk in chunk],
                [" ".join(words(records[pk].title)) for pk in chunk],
            ],
        )
        for pk, no_text, no_title, same_title, *held in cursor.fetchall():
            lengths = records[pk].lengths[1:]
            if no_text:
                text.missing.append(pk)
            elif not same_title or tuple(held[:3]) != tuple(length > 0 for length in lengths):
                text.stale.append(pk)
            if no_title:
                titles.missing.append(pk)
            elif not held[3]:
                titles.stale.append(pk)
    return [text, titles]


def _postings(cursor, records):
    """Occurrences per record and field, summed over every term's segments in a few array operations."""
    report = TableReport("search_searchpostings", expected=len(records))
    size = max(records, default=0) + 1
    totals = np.zeros((len(postings.FIELDS), size), dtype=np.float64)
    cursor.execute("SELECT data FROM search_searchpostings")
    while rows := cursor.fetchmany(5000):
        per_field = [([], []) for _ in postings.FIELDS]
        for (data,) in rows:
            for position, (ids, tfs) in enumerate(postings.unpack_frequencies(bytes(data))):
                per_field[position][0].append(ids)
                per_field[position][1].append(tfs)
        for position, (ids, tfs) in enumerate(per_field):
            if ids:
                ids, tfs = np.concatenate(ids), np.concatenate(tfs)
                keep = ids < size
                totals[position] += np.bincount(ids[keep], weights=tfs[keep], minlength=size)
    for pk, record in records.items():
        listed = totals[:, pk]
        expected = np.array(record.lengths, dtype=np.float64)
        if not listed.any() and expected.any():
            report.missing.append(pk)
        elif (listed > expected).any() or ((listed == 0) & (expected > 0)).any():
            report.stale.append(pk)
    return report


def _facets(cursor, records):
    """Read a thousand records at a time: 100,000 records hold millions of facet rows."""
    report = TableReport("search_searchfacet", expected=len(records))
    cursor.execute(
        "SELECT DISTINCT record_id FROM search_searchfacet"
        " WHERE record_id NOT IN (SELECT id FROM search_searchrecord) ORDER BY record_id"
    )
    report.extra = [row[0] for row in cursor.fetchall()]
    ids = sorted(records)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        stored = {}
        cursor.execute(
            f"SELECT record_id, facet, value FROM search_searchfacet WHERE record_id IN ({_marks(chunk)})", chunk
        )
        for pk, facet, value in cursor.fetchall():
            stored.setdefault(pk, set()).add((facet, value))
        cursor.execute(f"SELECT id, {_facet_fields()} FROM search_searchrecord WHERE id IN ({_marks(chunk)})", chunk)
        for pk, values in cursor.fetchall():
            values = json.loads(values) if isinstance(values, str) else values
            expected = expected_facets(dict(zip(FACET_FIELDS, values, strict=True)))
            found = stored.get(pk)
            if found is None and expected:
                report.missing.append(pk)
            elif (found or set()) != expected:
                report.stale.append(pk)
    return report


FACET_FIELDS = ("kind", "date", "poles", "territories", "territory_scope", "themes", "tags")


def _facet_fields():
    """Only what facets read from the stored record, in one parse: its text and attachments stay in the database."""
    if connection.vendor == "postgresql":
        paths = ", ".join(f"data->'{name}'" for name in FACET_FIELDS)
        return f"jsonb_build_array({paths})"
    paths = ", ".join(f"'$.{name}'" for name in FACET_FIELDS)
    return f"json_extract(data, {paths})"


def expected_facets(data):
    """The (facet, value) rows a stored record counts under, as the engine writes them."""
    data = {
        name: json.loads(value) if isinstance(value, str) and value[:1] == "[" else value
        for name, value in data.items()
    }
    date = datetime.date.fromisoformat(data["date"]) if data.get("date") else None
    known = {
        name: value or [] for name, value in data.items() if name in RECORD_FIELDS and name not in ("kind", "date")
    }
    record = Record(source="", kind=data["kind"], title="", url="", date=date, **known)
    return {(facet, value[:120]) for facet, value in record.facet_values()}
