"""Term postings of the database engine: for each analysed term, the records holding it, field by field,
with how often it occurs there (what BM25F needs besides the fields' lengths).

Why not ask FTS5 or tsvector which records match? They answer one row at a time: a common
word in a 100,000-record archive is 90,000 rows to carry from the database into Python,
several times longer than the match itself, before any facet is counted. A packed list
is read as one value and used as an array at once (numpy), which is what lets the engine
count facets and rank every match rather than a sample of them.

The full-text index stays the reference: phrases (word positions), exclusions of phrases
and autocomplete still go through it, and `kb_index check` compares records, not postings.

One row per term and segment: a write adds a segment for the terms its records hold, and
`merge` folds them into one row per term, dropping records that are gone. Rebuilds end with
a merge; the sync merges once enough segments have piled up (MERGE_AFTER writes).
"""

import logging
import sys
from array import array
from collections import Counter
from itertools import pairwise

import numpy as np

from django.db import connection

logger = logging.getLogger(__name__)

FIELDS = ("title", "abstract", "body", "attachments")
MAX_TERM_LENGTH = 100
MERGE_AFTER = 32
_HEADER = np.dtype("<u4")
_IDS = np.dtype("<u4")
_TFS = np.dtype("<u2")
MAX_OCCURRENCES = 65_535


def record_terms(analysed_fields):
    """{term: [(field index, occurrences), ...]} for one record, from its analysed fields in FIELDS order."""
    terms = {}
    for position, text in enumerate(analysed_fields):
        for term, count in Counter(text.split()).items():
            if len(term) <= MAX_TERM_LENGTH:
                terms.setdefault(term, []).append((position, count))
    return terms


def pack(per_field, frequencies=None):
    """Four sorted id lists and their occurrences as bytes: the four lengths, the ids (unsigned 32-bit),
    then the occurrences (unsigned 16-bit, capped), all little-endian. No `frequencies`: one each."""
    arrays = [_unsigned_32(ids) for ids in per_field]
    header = _unsigned_32([len(ids) for ids in arrays])
    if frequencies is None:
        frequencies = [[1] * len(ids) for ids in arrays]
    counts = [_unsigned_16(tfs) for tfs in frequencies]
    return header.tobytes() + b"".join(ids.tobytes() for ids in arrays) + b"".join(tfs.tobytes() for tfs in counts)


_OUT_OF_RANGE = "Identifiant de fiche hors de l'intervalle des listes de termes (0 à 2³²−1)."


def _unsigned_32(ids):
    """Numpy arrays (merges) through numpy; plain lists (thousands of short ones per write) through
    array.array, which packs them without numpy's cost per call."""
    if isinstance(ids, np.ndarray):
        if len(ids) and (ids.min() < 0 or ids.max() >= 2**32):
            raise ValueError(_OUT_OF_RANGE)
        return ids.astype(_IDS)
    try:
        packed = array("I", ids)
    except OverflowError as error:
        raise ValueError(_OUT_OF_RANGE) from error
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def _unsigned_16(counts):
    """Occurrences capped at 65,535: far past where BM25 saturates."""
    if isinstance(counts, np.ndarray):
        return np.minimum(counts, MAX_OCCURRENCES).astype(_TFS)
    packed = array("H", [min(count, MAX_OCCURRENCES) for count in counts])
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def unpack(data):
    """The four id arrays (int64) of a packed value."""
    return [ids for ids, _tfs in unpack_frequencies(data)]


def unpack_frequencies(data):
    """The four (ids, occurrences) pairs of a packed value: int64 ids, float32 occurrences.

    Values written before occurrences were kept (search migration 0005) count one per record.
    """
    buffer = memoryview(data)
    lengths = np.frombuffer(buffer[: 4 * len(FIELDS)], dtype=_HEADER)
    total = int(lengths.sum())
    start = 4 * len(FIELDS)
    ids = np.frombuffer(buffer[start : start + 4 * total], dtype=_IDS).astype(np.int64)
    rest = buffer[start + 4 * total :]
    tfs = np.frombuffer(rest, dtype=_TFS).astype(np.float32) if len(rest) else np.ones(total, dtype=np.float32)
    bounds = [0, *np.cumsum(lengths, dtype=np.int64).tolist()]
    return [(ids[bounds[i] : bounds[i + 1]], tfs[bounds[i] : bounds[i + 1]]) for i in range(len(FIELDS))]


def write(cursor, segment, records_terms):
    """Add one segment: `records_terms` is [(record id, {term: [(field, occurrences), ...]}), ...]."""
    by_term = {}
    for record_id, terms in records_terms:
        for term, fields in terms.items():
            per_field = by_term.setdefault(term, ([[], [], [], []], [[], [], [], []]))
            for position, count in fields:
                per_field[0][position].append(record_id)
                per_field[1][position].append(count)
    cursor.executemany(
        "INSERT INTO search_searchpostings (term, segment, data) VALUES (%s, %s, %s)",
        [(term, segment, pack(*_sorted_by_id(ids, tfs))) for term, (ids, tfs) in by_term.items()],
    )


def _sorted_by_id(per_field_ids, per_field_tfs):
    """Records usually come in id order already; sort only the fields that do not."""
    for position, ids in enumerate(per_field_ids):
        if any(a > b for a, b in pairwise(ids)):
            pairs = sorted(zip(ids, per_field_tfs[position], strict=True))
            per_field_ids[position] = [i for i, _ in pairs]
            per_field_tfs[position] = [t for _, t in pairs]
    return per_field_ids, per_field_tfs


class Accumulator:
    """The postings of many records gathered in memory, written as one segment: how a rebuild fills the table.

    A segment per batch of 500 meant packing every term again for each batch, then merging them all at the
    end; here each (term, field) pair is an array the records append to, packed once.
    """

    # About 6 bytes per entry in the arrays: past this many (some 150 MB) they are written as a segment.
    FLUSH_ENTRIES = 25_000_000

    def __init__(self):
        self.terms = {}
        self.entries = 0

    def add(self, record_id, fields):
        """One record's analysed fields (four token lists, in FIELDS order); records come in increasing id order."""
        terms = self.terms
        for position, tokens in enumerate(fields):
            counts = Counter(tokens)
            self.entries += len(counts)
            for term, count in counts.items():
                entry = terms.get(term)
                if entry is None:
                    if len(term) > MAX_TERM_LENGTH:
                        continue
                    entry = terms[term] = [array("I") for _ in FIELDS] + [array("H") for _ in FIELDS]
                entry[position].append(record_id)
                entry[position + 4].append(count if count < MAX_OCCURRENCES else MAX_OCCURRENCES)

    @property
    def full(self):
        return self.entries >= self.FLUSH_ENTRIES

    def flush(self, cursor, segment):
        """Write what was gathered as one segment and start afresh."""
        rows = []
        for term, arrays in self.terms.items():
            if sys.byteorder == "big":
                for packed in arrays:
                    packed.byteswap()
            header = array("I", [len(ids) for ids in arrays[:4]])
            if sys.byteorder == "big":
                header.byteswap()
            rows.append((term, segment, header.tobytes() + b"".join(packed.tobytes() for packed in arrays)))
            if len(rows) == 2000:
                cursor.executemany(_INSERT, rows)
                rows = []
        cursor.executemany(_INSERT, rows)
        self.terms, self.entries = {}, 0


_INSERT = "INSERT INTO search_searchpostings (term, segment, data) VALUES (%s, %s, %s)"


def read(cursor, terms):
    """{term: four (ids, occurrences) pairs}, every segment of each term joined (ids may repeat across segments)."""
    terms = list(dict.fromkeys(terms))
    found = {term: [[] for _ in FIELDS] for term in terms}
    if not terms:
        return {}
    marks = ", ".join(["%s"] * len(terms))
    cursor.execute(f"SELECT term, data FROM search_searchpostings WHERE term IN ({marks})", terms)
    for term, data in cursor.fetchall():
        for position, pair in enumerate(unpack_frequencies(data)):
            found[term][position].append(pair)
    return {term: [_joined(parts) for parts in per_field] for term, per_field in found.items()}


_EMPTY = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32))


def _joined(parts):
    if not parts:
        return _EMPTY
    if len(parts) == 1:
        return parts[0]
    return np.concatenate([ids for ids, _ in parts]), np.concatenate([tfs for _, tfs in parts])


def delete_all(cursor):
    cursor.execute("DELETE FROM search_searchpostings")


def merge(cursor, segment, alive):
    """Fold every term's segments into one row, without the records that are gone.

    `alive(ids)` says which ids still exist (a boolean array). Returns the number of terms rewritten.
    """
    cursor.execute("SELECT term FROM search_searchpostings GROUP BY term HAVING COUNT(*) > 1")
    terms = [row[0] for row in cursor.fetchall()]
    for start in range(0, len(terms), 200):
        chunk = terms[start : start + 200]
        joined = read(cursor, chunk)
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(f"DELETE FROM search_searchpostings WHERE term IN ({marks})", chunk)
        rows = []
        for term in chunk:
            per_field = []
            for ids, tfs in joined[term]:
                ids, first = np.unique(ids, return_index=True)
                keep = alive(ids)
                per_field.append((ids[keep], tfs[first][keep]))
            if any(len(ids) for ids, _tfs in per_field):
                rows.append((term, segment, pack([i for i, _ in per_field], [t for _, t in per_field])))
        cursor.executemany("INSERT INTO search_searchpostings (term, segment, data) VALUES (%s, %s, %s)", rows)
    logger.info("search postings: %d term(s) merged on %s", len(terms), connection.vendor)
    return len(terms)
