"""The embedded engine: records in the database, full text in FTS5 (SQLite) or tsvector (PostgreSQL).

Django's ORM has no portable full-text search with column weights, phrase queries and
per-facet filtered counts, so the statements below are written by hand; every value
reaches them as a parameter and every query word is an analysed token ([0-9a-z]+).
"""

import logging

from django.db import connection, transaction

from ..analysis import analyze, words
from ..models import SearchFacet, SearchRecord
from ..query import FACETS
from .base import EngineHit, EngineResult
from .dialects import dialect_for

logger = logging.getLogger(__name__)

BATCH = 500


def analysed_text(record):
    """The four weighted fields, as analysed tokens, in the order the index declares them."""
    authors = " ".join(record.authors)
    attachments = "\n".join(page.text for page in record.attachments)
    return (
        " ".join(analyze(record.title)),
        " ".join(analyze(f"{record.abstract}\n{authors}\n{' '.join(record.keywords)}")),
        " ".join(analyze(record.body)),
        " ".join(analyze(attachments)),
    )


def title_words(record):
    return " ".join(words(record.title))


class DatabaseEngine:
    name = "database"

    def __init__(self):
        self.dialect = dialect_for(connection.vendor)

    # Writing

    def index(self, records):
        for start in range(0, len(records), BATCH):
            with transaction.atomic():
                self._index_batch(records[start : start + BATCH])

    def _index_batch(self, records):
        # Replace rather than update: a record's rows (facets, full text) are rewritten whole anyway.
        by_source = {r.source: r for r in records}
        self._delete(list(by_source))
        rows = []
        for record in by_source.values():
            data = record.as_json()
            rows.append(
                SearchRecord(
                    source=record.source,
                    kind=record.kind,
                    title=record.title,
                    url=record.url,
                    date=record.date,
                    access=record.access,
                    data=data,
                    fingerprint=record.fingerprint(data),
                )
            )
        SearchRecord.objects.bulk_create(rows, batch_size=BATCH)
        ids = dict(SearchRecord.objects.filter(source__in=by_source).values_list("source", "pk"))
        with connection.cursor() as cursor:
            # Tens of facet rows per record: plain executemany, without building model instances.
            cursor.executemany(
                "INSERT INTO search_searchfacet (record_id, facet, value) VALUES (%s, %s, %s)",
                [
                    (ids[source], facet, value[:120])
                    for source, record in by_source.items()
                    for facet, value in record.facet_values()
                ],
            )
        self.dialect.write_fulltext(
            [(ids[source], analysed_text(record), title_words(record)) for source, record in by_source.items()]
        )

    def _delete(self, sources):
        ids = list(SearchRecord.objects.filter(source__in=sources).values_list("pk", flat=True))
        if ids:
            self.dialect.delete_fulltext(ids)
            SearchFacet.objects.filter(record_id__in=ids).delete()
            SearchRecord.objects.filter(pk__in=ids).delete()

    def remove(self, sources):
        if not sources:
            return
        with transaction.atomic():
            self._delete(list(sources))

    def clear(self):
        with transaction.atomic():
            self.dialect.delete_fulltext(None)
            SearchFacet.objects.all().delete()
            SearchRecord.objects.all().delete()

    def fingerprints(self):
        return dict(SearchRecord.objects.values_list("source", "fingerprint"))

    # Reading

    def access_keys(self):
        """The distinct access keys, one index probe each: a handful of keys among 100,000 records.

        A plain DISTINCT walks the whole access index on every search; this loose index
        scan (the next key above the last one found) does the same work in a few probes.
        """
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH RECURSIVE k(access) AS ("
                " SELECT MIN(access) FROM search_searchrecord"
                " UNION ALL"
                " SELECT (SELECT MIN(access) FROM search_searchrecord WHERE access > k.access)"
                " FROM k WHERE k.access IS NOT NULL"
                ") SELECT access FROM k WHERE access IS NOT NULL"
            )
            return [row[0] for row in cursor.fetchall()]

    def search(self, request, parsed, viewer):
        allowed = viewer.allowed(self.access_keys())
        if not allowed:
            return EngineResult(total=0, hits=[], facet_counts={facet: {} for facet in FACETS})
        with connection.cursor() as cursor:
            base = self.dialect.prepare_base(cursor, parsed, allowed)
            filters = {facet: values for facet, values in request.filters.items() if values}
            total = self._count(cursor, base, filters)
            hits = self._hits(cursor, base, filters, request, parsed)
            facet_counts = self._all_facet_counts(cursor, base, filters)
        return EngineResult(total=total, hits=hits, facet_counts=facet_counts)

    def _filter_sql(self, filters, skip=None):
        clauses, params = [], []
        for facet, values in filters.items():
            if facet == skip:
                continue
            marks = ", ".join(["%s"] * len(values))
            clauses.append(
                f"b.id IN (SELECT record_id FROM search_searchfacet WHERE facet = %s AND value IN ({marks}))"
            )
            params.extend([facet, *values])
        return (" AND ".join(clauses) or "1=1"), params

    def _count(self, cursor, base, filters):
        where, params = self._filter_sql(filters)
        cursor.execute(f"SELECT COUNT(*) FROM ({base.sql}) b WHERE {where}", [*base.params, *params])
        return cursor.fetchone()[0]

    def _hits(self, cursor, base, filters, request, parsed):
        where, params = self._filter_sql(filters)
        order = {
            "relevance": "b.score DESC, r.date DESC, r.id DESC",
            "newest": "r.date IS NULL, r.date DESC, r.id DESC",
            "oldest": "r.date IS NULL, r.date ASC, r.id ASC",
        }[request.effective_sort(parsed)]
        cursor.execute(
            f"SELECT r.id, b.score FROM ({base.sql}) b JOIN search_searchrecord r ON r.id = b.id "
            f"WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",
            [*base.params, *params, request.page_size, request.offset],
        )
        ranked = cursor.fetchall()
        records = SearchRecord.objects.in_bulk([pk for pk, _score in ranked])
        return [EngineHit(record=records[pk].data, score=float(score or 0)) for pk, score in ranked if pk in records]

    def _all_facet_counts(self, cursor, base, filters):
        """Each facet counted over the matches filtered by the OTHER facets' selections.

        Facets without a selection share one pass over the fully filtered matches; each
        facet with a selection needs a pass of its own without its own filter.
        """
        counts = {facet: {} for facet in FACETS}
        shared = [facet for facet in FACETS if facet not in filters]
        if shared:
            for facet, value, count in self._count_pass(cursor, base, filters, shared):
                counts[facet][value] = count
        for facet in filters:
            rest = {f: v for f, v in filters.items() if f != facet}
            counts[facet] = {value: count for _f, value, count in self._count_pass(cursor, base, rest, [facet])}
        return counts

    def _count_pass(self, cursor, base, filters, facets):
        where, params = self._filter_sql(filters)
        cursor.execute(
            f"SELECT f.facet, f.value, COUNT(*) FROM ({base.sql}) b "
            f"JOIN search_searchfacet f ON f.record_id = b.id AND f.facet IN ({', '.join(['%s'] * len(facets))}) "
            f"WHERE {where} GROUP BY f.facet, f.value",
            [*base.params, *facets, *params],
        )
        return cursor.fetchall()

    def match_count(self, parsed):
        """The bare full-text match count, no access, facets or snippets: the engine's floor."""
        with connection.cursor() as cursor:
            return self.dialect.match_count(cursor, parsed)

    def autocomplete(self, prefix, viewer, limit=8):
        allowed = viewer.allowed(self.access_keys())
        folded = words(prefix)
        if not folded or not allowed:
            return []
        with connection.cursor() as cursor:
            return self.dialect.autocomplete(cursor, folded, allowed, limit)
