"""The embedded engine: records in the database, full text in FTS5 (SQLite) or tsvector (PostgreSQL).

A search runs in three parts:
- which records match, and how well: term postings read as packed arrays (postings.py),
  and the full-text index for phrases, which need word positions;
- who may see them, the filters, the facet counts and the sort: arrays held in memory and
  kept in step with every write (columns.py);
- the page of hits: its records, read by id.

Django's ORM has no portable full-text search with phrase queries, so the statements below
are written by hand; every value reaches them as a parameter and every query word is an
analysed token ([0-9a-z]+).

Relevance is BM25F (Robertson and Zaragoza's simple form): for each part of the query (a
word, a phrase, or a synonym group) the occurrences in each field are weighted (WEIGHTS),
divided by the field's length against its mean (LENGTH_SLOPES), added up, saturated once
(tf / (K1 + tf)) and multiplied by the part's idf and weight (search.query: question words
weigh little). A part counts at most its idf, so an item holding more of the query's words
ranks first; a word many times in a short field beats a word once in a long one. Exact ties
read by date (newest first), then by title, never by the order the records were written in.
"""

import hashlib
import json
import logging
import math
import secrets

import numpy as np

from django.db import connection, transaction
from django.utils import timezone

from ..analysis import analyze, words
from ..models import SearchChange, SearchFacet, SearchRecord
from ..query import FACETS
from . import columns, postings
from .base import EngineHit, EngineResult
from .dialects import _marks, dialect_for

logger = logging.getLogger(__name__)

# postings.FIELDS: title, abstract (with authors and keywords), body, attachments. Chosen on
# `make relevance` among round values, keeping title > abstract > body > attachments; a title
# weighed far above the body (10 to 1) ranked worse on both public sets.
WEIGHTS = (3.0, 2.0, 1.0, 0.5)
# How much a field's length weighs against its mean (BM25's b): titles and abstracts are short and
# even, a long body or PDF dilutes a word more.
LENGTH_SLOPES = (0.5, 0.5, 0.75, 0.75)
K1 = 1.2
BATCH = 500


def analysed_tokens(record):
    """The four weighted fields as lists of analysed tokens, in the order the index declares them."""
    authors = " ".join(record.authors)
    attachments = "\n".join(page.text for page in record.attachments)
    return (
        analyze(record.title),
        analyze(f"{record.abstract}\n{authors}\n{' '.join(record.keywords)}"),
        analyze(record.body),
        analyze(attachments),
    )


def analysed_text(record):
    """The four weighted fields, as analysed tokens joined by spaces."""
    return tuple(" ".join(tokens) for tokens in analysed_tokens(record))


def title_words(record):
    return " ".join(words(record.title))


class DatabaseEngine:
    name = "database"

    def __init__(self):
        self.dialect = dialect_for(connection.vendor)

    # Writing

    def begin_rebuild(self):
        """Empty the engine and fill it again in bulk (`kb_index rebuild`): see Rebuild."""
        return Rebuild(self)

    def index(self, records, merge=True):
        """Write records (replacing those of the same sources); `merge=False` leaves postings to merge() later."""
        for start in range(0, len(records), BATCH):
            with transaction.atomic():
                self._index_batch(records[start : start + BATCH])
        if merge and records and self._writes_since_merge() >= postings.MERGE_AFTER:
            self.merge()

    def _index_batch(self, records):
        # Replace rather than update: a record's rows (facets, full text, postings) are rewritten whole anyway.
        by_source = {r.source: r for r in records}
        removed = self._delete(list(by_source))
        written = self._write(by_source.values())
        with connection.cursor() as cursor:
            change = self._log(SearchChange.WRITE, added=[pk for pk, _tokens in written], removed=removed)
            postings.write(
                cursor, change, [(pk, postings.record_terms([" ".join(t) for t in tokens])) for pk, tokens in written]
            )

    def _write(self, records):
        """Insert the records, their facets and their full text; returns [(id, analysed tokens)] in id order.

        Plain executemany rather than bulk_create: the record's JSON is serialised once, for its
        fingerprint and its row alike, and no model instance is built.
        """
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        rows, analysed = [], {}
        for record in records:
            tokens = analysed[record.source] = analysed_tokens(record)
            # Record.fingerprint's payload, which `kb_index check` compares with.
            data = json.dumps(record.as_json(), sort_keys=True, ensure_ascii=False)
            fingerprint = hashlib.sha1(data.encode(), usedforsecurity=False).hexdigest()
            date = connection.ops.adapt_datefield_value(record.date)
            lengths = [len(field) for field in tokens]
            rows.append(
                (
                    record.source,
                    record.kind,
                    record.title,
                    record.url,
                    date,
                    record.access,
                    data,
                    fingerprint,
                    now,
                    *lengths,
                )
            )
        by_source = {record.source: record for record in records}
        with connection.cursor() as cursor:
            cursor.executemany(self.dialect.INSERT_RECORD, rows)
            ids = sorted(self._ids(cursor, list(by_source)))
            cursor.executemany(
                "INSERT INTO search_searchfacet (record_id, facet, value) VALUES (%s, %s, %s)",
                [(pk, facet, value[:120]) for pk, source in ids for facet, value in by_source[source].facet_values()],
            )
        self.dialect.write_fulltext(
            [(pk, [" ".join(t) for t in analysed[source]], title_words(by_source[source])) for pk, source in ids]
        )
        return [(pk, analysed[source]) for pk, source in ids]

    @staticmethod
    def _ids(cursor, sources):
        """[(id, source)] of the records just written."""
        found = []
        for start in range(0, len(sources), BATCH):
            chunk = sources[start : start + BATCH]
            cursor.execute(f"SELECT id, source FROM search_searchrecord WHERE source IN ({_marks(chunk)})", chunk)
            found += cursor.fetchall()
        return found

    def _delete(self, sources):
        ids = list(SearchRecord.objects.filter(source__in=sources).values_list("pk", flat=True))
        if ids:
            self.dialect.delete_fulltext(ids)
            SearchFacet.objects.filter(record_id__in=ids).delete()
            SearchRecord.objects.filter(pk__in=ids).delete()
        return ids

    def _log(self, kind, added=(), removed=()):
        """Note a write for the other processes' columns (see columns.py); returns its number."""
        change = SearchChange.objects.create(
            stamp=secrets.token_hex(16), kind=kind, added=list(added), removed=list(removed)
        )
        SearchChange.objects.filter(pk__lte=change.pk - columns.KEEP_CHANGES).delete()
        return change.pk

    def _writes_since_merge(self):
        last = (
            SearchChange.objects.exclude(kind=SearchChange.WRITE).order_by("-pk").values_list("pk", flat=True).first()
        )
        return SearchChange.objects.filter(kind=SearchChange.WRITE, pk__gt=last or 0).count()

    def merge(self):
        """Fold the postings' segments into one per term, without the records that are gone."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns.aggregate_ids('id')} FROM search_searchrecord")
            live = columns.parse_ids(cursor.fetchone()[0])
            exists = np.zeros(int(live.max()) + 2 if len(live) else 1, dtype=bool)
            exists[live] = True
            change = self._log(SearchChange.MERGE)
            return postings.merge(cursor, change, lambda ids: exists[np.minimum(ids, len(exists) - 1)])

    def optimize(self):
        """After a rebuild: postings merged, and the full-text index compacted (see the dialects)."""
        self.merge()
        with connection.cursor() as cursor:
            self.dialect.optimize(cursor)

    def remove(self, sources):
        if not sources:
            return
        with transaction.atomic():
            removed = self._delete(list(sources))
            if removed:
                self._log(SearchChange.WRITE, removed=removed)

    def clear(self):
        with transaction.atomic():
            self.dialect.delete_fulltext(None)
            SearchFacet.objects.all().delete()
            SearchRecord.objects.all().delete()
            with connection.cursor() as cursor:
                postings.delete_all(cursor)
            self._log(SearchChange.CLEAR)

    def fingerprints(self):
        return dict(SearchRecord.objects.values_list("source", "fingerprint"))

    # Reading

    def access_keys(self):
        """The distinct access keys, one index probe each: a handful of keys among 100,000 records.

        A plain DISTINCT walks the whole access index; this loose index scan (the next key
        above the last one found) does the same work in a few probes.
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
        with connection.cursor() as cursor, columns.current(cursor) as held:
            allowed = viewer.allowed(held.access_keys())
            if not allowed:
                return EngineResult(total=0, hits=[], facet_counts={facet: {} for facet in FACETS})
            matches = held.visible(allowed)
            score = None
            if not parsed.is_empty:
                score = self._score(cursor, held, parsed.should)
                matches &= score > 0
            if parsed.must_not:
                matches &= ~self._union(cursor, held, parsed.must_not)
            filters = {facet: values for facet, values in request.filters.items() if values}
            selected = {facet: self._selected(held, facet, values) for facet, values in filters.items()}
            hits_mask = matches.copy()
            for mask in selected.values():
                hits_mask &= mask
            total = int(np.count_nonzero(hits_mask))
            ranked = self._page(held, hits_mask, score, request.effective_sort(parsed), request)
            facet_counts = {}
            for facet in FACETS:
                if facet in selected:
                    # Each facet is counted under the other facets' selections, not its own.
                    mask = matches.copy()
                    for other, other_mask in selected.items():
                        if other != facet:
                            mask &= other_mask
                else:
                    mask = hits_mask
                facet_counts[facet] = held.facets[facet].counts(mask)
        data = dict(SearchRecord.objects.filter(pk__in=[pk for pk, _score in ranked]).values_list("pk", "data"))
        hits = [EngineHit(record=data[pk], score=score) for pk, score in ranked if pk in data]
        return EngineResult(total=total, hits=hits, facet_counts=facet_counts)

    def _score(self, cursor, held, clauses):
        """Each record's BM25F relevance (0 where nothing matched), summed over the query's clauses."""
        found = postings.read(cursor, [token for clause in clauses for token in clause.tokens])
        norms = held.length_norms(WEIGHTS, LENGTH_SLOPES)
        alive = int(np.count_nonzero(held.alive))
        score = np.zeros(held.size, dtype=np.float64)
        for clause in clauses:
            frequency = None
            for alternative in clause.alternatives:
                if len(alternative) == 1:
                    weighted = self._weighted_frequency(held, norms, found[alternative[0]])
                else:
                    weighted = self._phrase_frequency(cursor, held, norms, alternative, found)
                # Synonyms are one clause: the record counts under its best-represented expression.
                frequency = weighted if frequency is None else np.maximum(frequency, weighted)
            df = int(np.count_nonzero((frequency > 0) & held.alive))
            if df:
                idf = math.log(1 + (alive - df + 0.5) / (df + 0.5))
                score += (idf * clause.weight) * (frequency / (K1 + frequency))
        return score

    @staticmethod
    def _weighted_frequency(held, norms, per_field):
        """Σ over fields of occurrences × weight / length normalisation, for every record."""
        frequency = np.zeros(held.size, dtype=np.float32)
        for position, (ids, tfs) in enumerate(per_field):
            if len(ids) and ids.max() >= held.size:
                keep = ids < held.size
                ids, tfs = ids[keep], tfs[keep]
            frequency[ids] += tfs * norms[position][ids]
        return frequency

    def _phrase_frequency(self, cursor, held, norms, phrase, found):
        """A phrase is where the full-text index finds it; in each field holding all its words it
        occurs as often as its rarest word there (positions are not kept in the postings)."""
        frequency = np.zeros(held.size, dtype=np.float32)
        exact = held.within(self.dialect.phrase_ids(cursor, phrase))
        if not len(exact):
            return frequency
        least = np.full((len(WEIGHTS), len(exact)), np.inf, dtype=np.float32)
        for token in set(phrase):
            for position, (ids, tfs) in enumerate(found[token]):
                dense = np.zeros(held.size, dtype=np.float32)
                keep = ids < held.size
                dense[ids[keep]] = tfs[keep]
                least[position] = np.minimum(least[position], dense[exact])
        least[np.isinf(least)] = 0
        weighted = (least * norms[:, exact]).sum(axis=0)
        # A phrase found across lines of one field but in no field whole still counts once, as an attachment.
        weighted[weighted == 0] = norms[-1][exact][weighted == 0]
        frequency[exact] = weighted
        return frequency

    def _union(self, cursor, held, clauses):
        """The records matching any of `clauses` (what a -word or -"phrase" excludes), as a boolean array."""
        excluded = np.zeros(held.size, dtype=bool)
        single = [a[0] for clause in clauses for a in clause.alternatives if len(a) == 1]
        for per_field in postings.read(cursor, single).values():
            for ids, _tfs in per_field:
                excluded[held.within(ids)] = True
        for clause in clauses:
            for alternative in clause.alternatives:
                if len(alternative) > 1:
                    excluded[held.within(self.dialect.phrase_ids(cursor, alternative))] = True
        return excluded

    @staticmethod
    def _selected(held, facet, values):
        """Records holding one of the facet's selected values (values of one facet combine with OR)."""
        column = held.facets[facet]
        mask = np.zeros(held.size, dtype=bool)
        mask[column.records[column.having(values)]] = True
        return mask

    @staticmethod
    def _page(held, mask, score, sort, request):
        """[(record id, score)] of the requested page, in order; ties go to the newest, then by title.

        Only the records that can reach the page are sorted: argpartition finds them in linear time.
        """
        ids = np.flatnonzero(mask)
        dates = held.date[ids].astype(np.int64)
        if sort == "relevance":
            points = np.rint(score[ids] * 10_000).astype(np.int64)
            key = (points << 20) | dates  # dates are day numbers below 2**20 (year 2870)
        elif sort == "newest":
            key = dates
        else:
            key = -np.where(dates == 0, 1 << 21, dates)  # oldest first, undated last
        need = request.offset + request.page_size
        if need < len(ids):
            kth = np.partition(key, len(key) - need)[len(key) - need]
            keep = key >= kth
            ids, key = ids[keep], key[keep]
        # Highest key first, then titles A to Z; the id only separates records identical in all of these.
        order = np.lexsort((ids, held.title_key[ids], -key))[request.offset : need]
        return [(int(pk), float(score[pk]) if score is not None else 0.0) for pk in ids[order]]

    def match_count(self, parsed):
        """The bare full-text match count, no access, facets or snippets: the engine's floor."""
        with connection.cursor() as cursor:
            return self.dialect.match_count(cursor, parsed)

    def postings_match_count(self, parsed):
        """The same matches counted from the term postings: what single words cost this engine, for the bench."""
        with connection.cursor() as cursor, columns.current(cursor) as held:
            return int(np.count_nonzero(self._union(cursor, held, parsed.should) & held.alive))

    def autocomplete(self, prefix, viewer, limit=8):
        allowed = viewer.allowed(self.access_keys())
        folded = words(prefix)
        if not folded or not allowed:
            return []
        with connection.cursor() as cursor:
            return self.dialect.autocomplete(cursor, folded, allowed, limit)


class Rebuild:
    """The database engine emptied, then filled batch by batch, its postings gathered in memory and
    written once at the end (postings.Accumulator), its full-text index compacted.

    Searches meanwhile see the records written so far, found by their facets and phrases; single
    words find them once the postings are written. On SQLite the batches skip the sync to disk,
    as a rebuild that dies is run again from the sources anyway.
    """

    def __init__(self, engine):
        self.engine = engine
        self.postings = postings.Accumulator()
        engine.clear()
        self.engine.dialect.begin_bulk()

    def index(self, records):
        with transaction.atomic():
            written = self.engine._write({r.source: r for r in records}.values())
            self.engine._log(SearchChange.WRITE, added=[pk for pk, _tokens in written])
        for pk, tokens in written:
            self.postings.add(pk, tokens)
        if self.postings.full:
            self._flush()

    def _flush(self):
        with transaction.atomic(), connection.cursor() as cursor:
            self.postings.flush(cursor, self.engine._log(SearchChange.WRITE))

    def finish(self):
        try:
            self._flush()
            self.engine.optimize()
        finally:
            self.engine.dialect.end_bulk()
        # Loaded once here and saved as a snapshot: the processes that search map it instead of loading.
        columns.forget()
        with connection.cursor() as cursor, columns.current(cursor):
            pass

    def abort(self):
        self.engine.dialect.end_bulk()
