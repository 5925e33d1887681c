"""Term postings of the database engine: for each analysed term, the records holding it, field by field.

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

import numpy as np

from django.db import connection

logger = logging.getLogger(__name__)

FIELDS = ("title", "abstract", "body", "attachments")
MAX_TERM_LENGTH = 100
MERGE_AFTER = 32
_HEADER = np.dtype("<u4")
_IDS = np.dtype("<u4")


def record_terms(analysed_fields):
    """{term: [field index, ...]} for one record, from its analysed fields in FIELDS order."""
    terms = {}
    for position, text in enumerate(analysed_fields):
        for term in set(text.split()):
            if len(term) <= MAX_TERM_LENGTH:
                terms.setdefault(term, []).append(position)
    return terms


def pack(per_field):
    """Four sorted id lists as bytes: their four lengths, then the ids (unsigned 32-bit, little-endian)."""
    arrays = [_unsigned_32(ids) for ids in per_field]
    header = _unsigned_32([len(ids) for ids in arrays])
    return header.tobytes() + b"".join(ids.tobytes() for ids in arrays)


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


def unpack(data):
    """The four id arrays (int64) of a packed value."""
    buffer = memoryview(data)
    lengths = np.frombuffer(buffer[: 4 * len(FIELDS)], dtype=_HEADER)
    ids = np.frombuffer(buffer[4 * len(FIELDS) :], dtype=_IDS).astype(np.int64)
    bounds = [0, *np.cumsum(lengths, dtype=np.int64).tolist()]
    return [ids[bounds[i] : bounds[i + 1]] for i in range(len(FIELDS))]


def write(cursor, segment, records_terms):
    """Add one segment: `records_terms` is [(record id, {term: [field, ...]}), ...]."""
    by_term = {}
    for record_id, terms in records_terms:
        for term, fields in terms.items():
            per_field = by_term.setdefault(term, ([], [], [], []))
            for position in fields:
                per_field[position].append(record_id)
    cursor.executemany(
        "INSERT INTO search_searchpostings (term, segment, data) VALUES (%s, %s, %s)",
        [(term, segment, pack([sorted(ids) for ids in per_field])) for term, per_field in by_term.items()],
    )


def read(cursor, terms):
    """{term: four id arrays}, every segment of each term joined (ids may repeat across segments)."""
    terms = list(dict.fromkeys(terms))
    found = {term: [[] for _ in FIELDS] for term in terms}
    if not terms:
        return {}
    marks = ", ".join(["%s"] * len(terms))
    cursor.execute(f"SELECT term, data FROM search_searchpostings WHERE term IN ({marks})", terms)
    for term, data in cursor.fetchall():
        for position, ids in enumerate(unpack(data)):
            found[term][position].append(ids)
    empty = np.empty(0, dtype=np.int64)
    return {
        term: [np.concatenate(parts) if len(parts) > 1 else (parts[0] if parts else empty) for parts in per_field]
        for term, per_field in found.items()
    }


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
            per_field = [np.unique(ids) for ids in joined[term]]
            per_field = [ids[alive(ids)] for ids in per_field]
            if any(len(ids) for ids in per_field):
                rows.append((term, segment, pack(per_field)))
        cursor.executemany("INSERT INTO search_searchpostings (term, segment, data) VALUES (%s, %s, %s)", rows)
    logger.info("search postings: %d term(s) merged on %s", len(terms), connection.vendor)
    return len(terms)
