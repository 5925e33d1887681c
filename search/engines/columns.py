"""The records' columns held in each process's memory: who may see them, their date, their facet values.

Counting facets in SQL meant a GROUP BY over every (record, value) row of the matches: a
million rows for a broad query on 100,000 records, a quarter of a second. Held as arrays
indexed by record id, the same counts are one gather and one bincount (a few milliseconds),
and filters, access and date sorting are array operations too.

The arrays follow the database through search_searchchange: every write of the database
engine adds a row (records added, records removed) in the same transaction. Before each
search a process reads the rows after the last one it applied and applies them; when that
row is gone (pruned, or rolled back and its number reused) it reloads everything.

A full load from the database takes seconds on a large archive, so each one is also saved as
a snapshot (one .npy file per array, memory-mapped copy-on-write by the processes that load it,
see `snapshot_dir`): a fresh process maps the latest snapshot in milliseconds, checks that its
change is still in search_searchchange, and applies the changes written since. `warm_up` loads
them at process start (gunicorn's post_worker_init hook), before any reader asks.
"""

import datetime
import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from django.conf import settings
from django.db import DatabaseError, connection

from ..analysis import fold
from ..query import FACETS

logger = logging.getLogger(__name__)

KEEP_CHANGES = 2_000
_EPOCH = datetime.date(1, 1, 1).toordinal()
_lock = threading.Lock()
_by_database = {}


def parse_ids(text):
    """Comma-separated ids (group_concat / string_agg) as an int64 array."""
    if not text:
        return np.empty(0, dtype=np.int64)
    return np.array(text.split(","), dtype=np.int64) if len(text) < 64 else np.fromstring(text, sep=",", dtype=np.int64)


def aggregate_ids(expression):
    """The SQL that joins ids with commas in one value, in this database's dialect."""
    if connection.vendor == "postgresql":
        return f"string_agg(({expression})::text, ',')"
    return f"group_concat({expression}, ',')"


class FacetColumn:
    """(record, value) pairs of one facet, values coded as small integers."""

    def __init__(self):
        self.values = []
        self.codes = {}
        self.records = np.empty(0, dtype=np.int64)
        self.value_codes = np.empty(0, dtype=np.int32)

    def code(self, value):
        code = self.codes.get(value)
        if code is None:
            code = self.codes[value] = len(self.values)
            self.values.append(value)
        return code

    def extend(self, records, value_codes):
        self.records = np.concatenate((self.records, np.asarray(records, dtype=np.int64)))
        self.value_codes = np.concatenate((self.value_codes, np.asarray(value_codes, dtype=np.int32)))

    def sort(self):
        """Order the pairs by record: counting then reads the mask in order, twice as fast on 400,000 pairs.
        Later writes append records with higher ids, so the order mostly holds without sorting again."""
        order = np.argsort(self.records, kind="stable")
        self.records, self.value_codes = self.records[order], self.value_codes[order]

    def keep(self, keep):
        self.records, self.value_codes = self.records[keep], self.value_codes[keep]

    def having(self, values):
        """A boolean array over the pairs: those whose value is one of `values`."""
        codes = [self.codes[v] for v in values if v in self.codes]
        return np.isin(self.value_codes, codes)

    def counts(self, mask):
        """{value: count} over the records where `mask` is true."""
        selected = self.value_codes[mask[self.records]]
        counts = np.bincount(selected, minlength=len(self.values))
        return {self.values[code]: int(counts[code]) for code in np.flatnonzero(counts)}


_RECORD_COLUMNS = "id, access, date, title, title_length, abstract_length, body_length, attachments_length"
FIELD_COUNT = 4  # search.engines.postings.FIELDS


class Columns:
    """Arrays indexed by record id: alive, access (coded), date (ordinal, 0 when unknown), the title's
    sort key, the weighted fields' lengths, and the facet pairs."""

    def __init__(self):
        self.size = 0
        self.alive = np.zeros(0, dtype=bool)
        self.access = np.zeros(0, dtype=np.int16)
        self.date = np.zeros(0, dtype=np.int32)
        self.title_key = np.zeros(0, dtype=np.int64)
        self.lengths = np.zeros((FIELD_COUNT, 0), dtype=np.float32)
        self.access_names = []
        self.facets = {facet: FacetColumn() for facet in FACETS}
        self.change = None  # (id, stamp) of the last change applied
        self.dead_pairs = 0
        self._access_keys = None
        self._length_norms = None

    # Keeping in step

    def refresh(self, cursor):
        """Apply the changes written since the last one seen; reload everything when that one is gone."""
        rows = []
        if self.change is None:
            load_snapshot(self, cursor)
        if self.change is not None:
            cursor.execute(
                "SELECT id, stamp, kind, added, removed FROM search_searchchange WHERE id >= %s ORDER BY id",
                [self.change[0]],
            )
            rows = cursor.fetchall()
        if not rows or tuple(rows[0][:2]) != self.change:
            cursor.execute("SELECT id, stamp FROM search_searchchange ORDER BY id DESC LIMIT 1")
            self._reload(cursor, cursor.fetchone())
            return
        for row in rows[1:]:
            change_id, stamp, kind, added, removed = row
            if kind == "clear":
                self._reload(cursor, row)
                return
            self._apply(cursor, _json(added), _json(removed))
            self.change = (change_id, stamp)

    def _reload(self, cursor, last):
        started = time.perf_counter()
        self.__init__()
        cursor.execute("SELECT MAX(id) FROM search_searchrecord")
        self._grow((cursor.fetchone()[0] or 0) + 1)
        cursor.execute(f"SELECT {_RECORD_COLUMNS} FROM search_searchrecord")
        self._set_records(cursor.fetchall())
        for facet in FACETS:
            cursor.execute(
                f"SELECT value, {aggregate_ids('record_id')} FROM search_searchfacet WHERE facet = %s GROUP BY value",
                [facet],
            )
            column = self.facets[facet]
            records, codes = [], []
            for value, ids in cursor.fetchall():
                records.append(parse_ids(ids))
                codes.append(np.full(len(records[-1]), column.code(value), dtype=np.int32))
            # One concatenation per facet: one per value copied the column over again, a thousand times for tags.
            if records:
                column.extend(np.concatenate(records), np.concatenate(codes))
            column.sort()
        self.change = (last[0], last[1]) if last else None
        save_snapshot(self)
        logger.info(
            "search columns: %d records loaded in %.2f s on %s",
            int(self.alive.sum()),
            time.perf_counter() - started,
            connection.vendor,
        )

    def _apply(self, cursor, added, removed):
        self._access_keys = None
        self._length_norms = None
        # A reload reads the last change before the records: a write committed in between is in the
        # arrays already, and its change comes round again. Record ids are never reused (a rollback
        # that frees one changes the stamps, hence a reload), so a live id here was loaded already.
        added = [i for i in added if i >= self.size or not self.alive[i]]
        removed = [i for i in removed if i < self.size]
        if removed:
            pairs = sum(len(c.records) for c in self.facets.values())
            self.dead_pairs += len(removed) * pairs // max(1, int(self.alive.sum()))
            self.alive[removed] = False
        if added:
            marks = ", ".join(["%s"] * len(added))
            cursor.execute(f"SELECT MAX(id) FROM search_searchrecord WHERE id IN ({marks})", added)
            self._grow((cursor.fetchone()[0] or 0) + 1)
            cursor.execute(f"SELECT {_RECORD_COLUMNS} FROM search_searchrecord WHERE id IN ({marks})", added)
            self._set_records(cursor.fetchall())
            cursor.execute(
                f"SELECT record_id, facet, value FROM search_searchfacet WHERE record_id IN ({marks})", added
            )
            pairs = {facet: ([], []) for facet in FACETS}
            for record_id, facet, value in cursor.fetchall():
                if facet in pairs:
                    pairs[facet][0].append(record_id)
                    pairs[facet][1].append(self.facets[facet].code(value))
            for facet, (records, codes) in pairs.items():
                self.facets[facet].extend(records, codes)
        if self.dead_pairs > sum(len(c.records) for c in self.facets.values()) // 2:
            for column in self.facets.values():
                column.keep(self.alive[column.records])
            self.dead_pairs = 0

    def _grow(self, size):
        if size <= self.size:
            return
        size = max(size, int(self.size * 1.25))
        for name in ("alive", "access", "date", "title_key"):
            old = getattr(self, name)
            new = np.zeros(size, dtype=old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)
        lengths = np.zeros((FIELD_COUNT, size), dtype=np.float32)
        lengths[:, : self.size] = self.lengths
        self.lengths = lengths
        self.size = size

    def _set_records(self, rows):
        if not rows:
            return
        codes = {name: i for i, name in enumerate(self.access_names)}
        ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        access = np.empty(len(rows), dtype=np.int16)
        dates = np.zeros(len(rows), dtype=np.int32)
        title_keys = np.fromiter((title_key(row[3]) for row in rows), dtype=np.int64, count=len(rows))
        lengths = np.array([row[4:] for row in rows], dtype=np.float32).T
        for i, (_id, key, date, *_rest) in enumerate(rows):
            code = codes.get(key)
            if code is None:
                code = codes[key] = len(self.access_names)
                self.access_names.append(key)
            access[i] = code
            if date is not None:
                dates[i] = _ordinal(date) - _EPOCH + 1
        self.alive[ids] = True
        self.access[ids] = access
        self.date[ids] = dates
        self.title_key[ids] = title_keys
        self.lengths[:, ids] = lengths

    # Reading

    def access_keys(self):
        """The access keys some live record has (kept until the records change)."""
        if self._access_keys is None:
            present = np.bincount(self.access[self.alive], minlength=len(self.access_names))
            self._access_keys = [self.access_names[code] for code in np.flatnonzero(present)]
        return self._access_keys

    def length_norms(self, weights, slopes):
        """Per field, weight / ((1 - b) + b × length / mean length) for every record: BM25F's
        normalisation, computed once until the records change."""
        if self._length_norms is None:
            alive = max(1, int(np.count_nonzero(self.alive)))
            norms = np.empty_like(self.lengths)
            for f, (weight, slope) in enumerate(zip(weights, slopes, strict=True)):
                mean = max(1.0, float(self.lengths[f][self.alive].sum()) / alive)
                norms[f] = weight / ((1 - slope) + slope * self.lengths[f] / mean)
            self._length_norms = norms
        return self._length_norms

    def visible(self, allowed):
        """A boolean array: records alive and readable with one of the `allowed` access keys."""
        allowed = set(allowed)
        readable = np.array([name in allowed for name in self.access_names] or [False])
        return self.alive & readable[self.access]

    def within(self, ids):
        """Ids as an array, without those this process does not hold (written after its last refresh)."""
        ids = np.asarray(ids, dtype=np.int64)
        return ids[(ids >= 0) & (ids < self.size)]


def title_key(title):
    """The first seven letters of a title, folded, as an integer: ties in the ranking read alphabetically,
    whatever order the records were written in."""
    # Folding the first few characters is enough, and much cheaper than folding a whole long title.
    return int.from_bytes(fold((title or "")[:24]).encode("ascii", "ignore")[:7].ljust(7, b"\0"), "big")


def _ordinal(date):
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    return date.toordinal()


def _json(value):
    if isinstance(value, str):
        return json.loads(value)
    return value or []


def forget():
    """Drop what this process holds: the next search loads the columns anew."""
    with _lock:
        _by_database.clear()


def resident_bytes():
    """Memory held by this process's columns, all databases."""
    with _lock:
        return sum(
            c.alive.nbytes
            + c.access.nbytes
            + c.date.nbytes
            + c.title_key.nbytes
            + c.lengths.nbytes
            + sum(f.records.nbytes + f.value_codes.nbytes for f in c.facets.values())
            for c in _by_database.values()
        )


@contextmanager
def current(cursor):
    """This process's columns for the database in use, brought up to date and held for one search.

    The lock keeps a thread from reading arrays another thread is bringing up to date.
    """
    key = (connection.alias, connection.settings_dict.get("NAME"))
    with _lock:
        columns = _by_database.get(key)
        if columns is None:
            columns = _by_database[key] = Columns()
        columns.refresh(cursor)
        yield columns


# Snapshots

_ARRAYS = ("alive", "access", "date", "title_key", "lengths")


def snapshot_dir():
    """Where the snapshots of this database's columns are kept: KB_SEARCH_COLUMNS_DIR, or the temporary
    directory, in a folder named after the database (the processes of one machine share it)."""
    base = getattr(settings, "KB_SEARCH_COLUMNS_DIR", None) or Path(tempfile.gettempdir()) / "kb-search-columns"
    database = connection.settings_dict
    name = f"{connection.vendor}|{database.get('NAME')}|{database.get('HOST')}|{database.get('PORT')}"
    return Path(base) / hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()[:16]


def _snapshot_arrays(columns):
    arrays = {name: getattr(columns, name) for name in _ARRAYS}
    for facet, column in columns.facets.items():
        arrays[f"{facet}.records"] = column.records
        arrays[f"{facet}.codes"] = column.value_codes
    return arrays


def save_snapshot(columns):
    """Write `columns` as the latest snapshot; a failure only costs the next process a full load."""
    if columns.change is None:
        return
    folder = snapshot_dir()
    tag = f"{columns.change[0]}-{columns.change[1]}"
    meta = {
        "change": list(columns.change),
        "size": columns.size,
        "access_names": columns.access_names,
        "values": {facet: column.values for facet, column in columns.facets.items()},
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, array in _snapshot_arrays(columns).items():
            np.save(folder / f"{tag}.{name}.npy", np.ascontiguousarray(array))
        pointer = folder / f"current.json.{os.getpid()}.{threading.get_ident()}"
        pointer.write_text(json.dumps(meta))
        os.replace(pointer, folder / "current.json")
        # A process that mapped older files keeps them until it lets them go.
        for old in folder.glob("*.npy"):
            if not old.name.startswith(f"{tag}."):
                old.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("search columns: snapshot not saved in %s: %s", folder, error)


def load_snapshot(columns, cursor):
    """Map the latest snapshot into `columns` when its change is still in the log; True when it did."""
    folder = snapshot_dir()
    try:
        meta = json.loads((folder / "current.json").read_text())
        change = (int(meta["change"][0]), str(meta["change"][1]))
        cursor.execute("SELECT id, stamp FROM search_searchchange WHERE id = %s", [change[0]])
        if cursor.fetchone() != change:
            return False
        tag = f"{change[0]}-{change[1]}"
        arrays = {name: _map(folder / f"{tag}.{name}.npy") for name in _snapshot_arrays(columns)}
    except (OSError, ValueError, KeyError, TypeError) as error:
        logger.info("search columns: no usable snapshot in %s (%s)", folder, error)
        return False
    for name in _ARRAYS:
        setattr(columns, name, arrays[name])
    for facet, column in columns.facets.items():
        column.records, column.value_codes = arrays[f"{facet}.records"], arrays[f"{facet}.codes"]
        column.values = list(meta["values"][facet])
        column.codes = {value: code for code, value in enumerate(column.values)}
    columns.size, columns.access_names, columns.change = int(meta["size"]), list(meta["access_names"]), change
    return True


def _map(path):
    """Copy-on-write: pages stay shared between processes until one applies a change to them."""
    try:
        return np.load(path, mmap_mode="c", allow_pickle=False)
    except ValueError:  # numpy cannot map an empty array
        return np.load(path, allow_pickle=False)


def warm_up(background=True):
    """Load this process's columns now, in a thread of their own by default, so that no reader waits for them.

    For gunicorn's post_worker_init hook (the worker has loaded Django by then), or any process about to serve searches.
    """

    def load():
        started = time.perf_counter()
        try:
            with connection.cursor() as cursor, current(cursor):
                pass
        except DatabaseError as error:
            logger.warning("search columns: not loaded at start (%s); the first search will load them", error)
            return
        finally:
            if background:
                connection.close()
        logger.info("search columns: warmed up in %.2f s", time.perf_counter() - started)

    if not background:
        load()
        return None
    thread = threading.Thread(target=load, name="search-columns-warm-up", daemon=True)
    thread.start()
    return thread
