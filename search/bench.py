"""The search benchmark behind `make bench`: one run, one archive, every engine side by side.

Searches, on a fixed mix of requests: (a) the search service (facets and snippets on), (b) the
engine's bare full-text match count, (c) what Wagtail gives out of the box
(`Page.objects.live().search()`, the count and the first page of results, as a paginated Wagtail
search view does). (a) and (b) run on the database engine, and on the cluster too when
KB_ELASTICSEARCH_URL names one.
Writes: records built from the sources; the database engine's indexing; on the cluster, a bulk load
of the records the database engine holds, then the same load again as an alias-swap rebuild while
threads keep searching.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from django.core.management.base import CommandError
from django.db import OperationalError, connection
from django.http import QueryDict

from wagtail.models import Page

from . import indexing
from .access import Viewer
from .engines import columns, get_database_engine, get_engine
from .engines.base import EngineError
from .engines.es.mapping import document_record
from .models import SearchFacet, SearchRecord
from .params import parse_params
from .query import parse_query
from .service import search, synonyms

SINGLE_WORDS = [
    "coopérative", "habitat", "insertion", "mobilité", "solidaire", "association", "financement", "emploi",
    "commerce", "énergie", "santé", "culture", "agriculture", "logement", "territoire", "bénévoles",
]  # fmt: skip
SEVERAL_WORDS = [
    "coopérative d'habitants", "finances solidaires", "insertion par l'activité économique", "commerce équitable",
    "circuits courts alimentation", "économie sociale et solidaire", "mobilité rurale covoiturage",
    "habitat participatif Nantes", "emploi des jeunes quartier", "comment financer une coopérative d'habitants ?",
    "monnaie locale complémentaire", "épicerie solidaire quartier", "garage associatif", "tiers-lieu culturel",
]  # fmt: skip
PHRASES = [
    '"économie sociale"', '"habitat participatif"', '"commerce équitable"', '"finances solidaires"',
    '"chantier d\'insertion"', '"utilité sociale"', '"circuits courts"', '"intérêt général"',
]  # fmt: skip

WAGTAIL_CAP_SECONDS = 30
BULK_BATCH = 1000
# What a cluster rebuild is expected to sustain (issue 11).
BULK_GOAL = 2000


@dataclass
class Timings:
    label: str
    seconds: list = field(default_factory=list)
    timeouts: int = 0

    @property
    def median_ms(self):
        return statistics.median(self.seconds) * 1000 if self.seconds else float("nan")

    @property
    def p95_ms(self):
        if not self.seconds:
            return float("nan")
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


@dataclass
class EngineTimings:
    """One engine's row of the table: (a) through the search service, (b) its bare match count."""

    label: str
    service: Timings = field(default_factory=lambda: Timings("(a)"))
    floor: Timings = field(default_factory=lambda: Timings("(b)"))


@dataclass
class SearchRun:
    """Every search timing of one run, on the same requests."""

    requests: list
    database: EngineTimings
    postings: Timings
    wagtail: Timings
    server: EngineTimings | None = None
    peak: int = 0
    load: "ColumnLoad | None" = None


@dataclass
class ColumnLoad:
    """The database engine's columns: loaded from the database (no snapshot yet) in this process, then
    mapped from the snapshot by a fresh process, as a new web worker does, with that process's memory."""

    from_database: float
    from_snapshot: float
    size: int
    rss: int
    private: int
    rss_before: int = 0


# What a new web worker does: Django set up, the columns mapped from the snapshot, then a search
# over every record (its pages of the snapshot are then read, hence resident).
_FRESH_WORKER = """
import json, time, django
django.setup()
from django.http import QueryDict
from search.access import Viewer
from search.bench import process_memory
from search.engines import columns
from search.params import parse_params
from search.service import search
before = process_memory()[0]
started = time.perf_counter()
columns.warm_up(background=False)
seconds = time.perf_counter() - started
search(parse_params(QueryDict(""))[0], Viewer.anonymous())
print(json.dumps([seconds, before, *process_memory()]))
"""


def load_columns():
    shutil.rmtree(columns.snapshot_dir(), ignore_errors=True)
    columns.forget()
    started = time.perf_counter()
    columns.warm_up(background=False)
    from_database = time.perf_counter() - started
    size = columns.resident_bytes()
    if connection.in_atomic_block or getattr(connection, "is_in_memory_db", lambda: False)():
        return _remapped_here(from_database, size)
    try:
        done = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
            [sys.executable, "-c", _FRESH_WORKER], capture_output=True, text=True, check=True, timeout=300
        )
        seconds, before, rss, private = json.loads(done.stdout.strip().splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError) as error:
        raise CommandError(f"Le processus neuf n'a pas chargé les colonnes : {error}") from error
    return ColumnLoad(from_database, seconds, size, rss, private, before)


def _remapped_here(from_database, size):
    """A fresh process sees neither a database in memory nor an open transaction (the test suite has both):
    the columns are dropped and mapped again from the snapshot here instead, the nearest measure of a worker."""
    before = process_memory()[0]
    columns.forget()
    started = time.perf_counter()
    columns.warm_up(background=False)
    seconds = time.perf_counter() - started
    return ColumnLoad(from_database, seconds, size, *process_memory(), before)


def process_memory():
    """(resident, private) bytes of this process: the snapshot's pages count in the first, shared with
    every process that maps them; the second is what this process alone holds."""
    try:
        with open("/proc/self/smaps_rollup") as rollup:
            kilobytes = {line.split(":")[0]: int(line.split()[1]) for line in rollup if line.split()[-1] == "kB"}
    except OSError:
        return 0, 0
    return kilobytes["Rss"] * 1024, (kilobytes["Private_Clean"] + kilobytes["Private_Dirty"]) * 1024


@dataclass
class Throughput:
    """A write measured once: records, seconds, and the CPU it took here and, when known, on the cluster."""

    label: str
    records: int
    seconds: float
    cpu_here: float | None = None
    cpu_cluster: float | None = None
    goal: int | None = None

    @property
    def rate(self):
        return self.records / self.seconds if self.seconds else float("nan")


@dataclass
class SwapUnderLoad:
    """An alias-swap rebuild while threads kept searching: its load, and what the searches met."""

    load: Throughput
    threads: int
    searches: int
    failures: list


def server_engine():
    """The cluster engine when KB_ELASTICSEARCH_URL names one, else None."""
    engine = get_engine()
    return None if engine is get_database_engine() else engine


def query_mix():
    """At least 50 fixed requests: words, several words, phrases, filter-only, query + 2 filters."""
    poles = list(SearchFacet.objects.filter(facet="pole").values_list("value", flat=True).distinct()[:6])
    themes = list(SearchFacet.objects.filter(facet="theme").values_list("value", flat=True).distinct()[:6])
    places = ["52", "44", "244400404", "44109", "244400644", "49", "85", "72"]
    years = ["2004", "2007", "2012", "2019", "2023"]
    mix = [f"q={w}" for w in SINGLE_WORDS + SEVERAL_WORDS + PHRASES]
    for i in range(8):
        mix.append(f"pole={poles[i % len(poles)]}&year={years[i % len(years)]}" if poles else f"year={years[i % 5]}")
    mix += [f"territory={p}" for p in places[:4]]
    for i, word in enumerate(SINGLE_WORDS[:8]):
        extra = f"&pole={poles[i % len(poles)]}" if poles else ""
        second = f"&theme={themes[i % len(themes)]}" if themes else f"&year={years[i % 5]}"
        mix.append(f"q={word}&territory={places[i % len(places)]}{extra or second}")
    return [QueryDict(params) for params in mix]


@contextmanager
def statement_deadline(seconds):
    """Abort the database statement running past `seconds` (OperationalError), on SQLite or PostgreSQL.

    Wagtail's own search can take minutes per query on 100,000 pages; the bench
    caps it rather than wait, and says how many queries hit the cap.
    """
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        deadline = time.perf_counter() + seconds
        connection.connection.set_progress_handler(lambda: int(time.perf_counter() > deadline), 100_000)
        try:
            yield
        finally:
            connection.connection.set_progress_handler(None, 0)
    else:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [int(seconds * 1000)])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")


def _time_capped(function, timings, cap=WAGTAIL_CAP_SECONDS):
    """One timed run, counted as `cap` seconds (and as a timeout) when it does not finish in time."""
    started = time.perf_counter()
    try:
        with statement_deadline(cap):
            function()
    except OperationalError:
        timings.timeouts += 1
        timings.seconds.append(cap)
        return
    timings.seconds.append(time.perf_counter() - started)


def _time(function, repeat):
    best = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best.append(time.perf_counter() - started)
    return statistics.median(best)


def run(repeat=3, with_wagtail=True, server=None):
    """Time every request of the mix on the database engine, Wagtail's search and `server` (a cluster engine)."""
    database, groups, viewer = get_database_engine(), synonyms(), Viewer.anonymous()
    timings = SearchRun(
        requests=query_mix(),
        database=EngineTimings(f"base de données ({connection.vendor})"),
        postings=Timings("  (b′) listes de termes nues"),
        wagtail=Timings("(c) Wagtail"),
        server=EngineTimings(server.flavour.label) if server else None,
    )
    # Each process loads the database engine's columns once (then follows the change log): load them
    # before timing, and report what it took.
    timings.load = load_columns()
    engines = [(database, timings.database), *([(server, timings.server)] if server else [])]
    for params in timings.requests:
        request, _errors = parse_params(params)
        parsed = parse_query(request.q, groups)
        for engine, rows in engines:
            rows.service.seconds.append(_time(partial(search, request, viewer, engine=engine), repeat))
        if parsed.is_empty:
            continue
        for engine, rows in engines:
            rows.floor.seconds.append(_time(partial(engine.match_count, parsed), repeat))
        timings.postings.seconds.append(_time(partial(database.postings_match_count, parsed), repeat))
        if with_wagtail:
            _time_capped(partial(wagtail_search, request.q), timings.wagtail)
    timings.peak = peak_memory(timings.requests, viewer, database)
    return timings


def wagtail_search(q):
    results = Page.objects.live().search(q)
    results.count()
    list(results[:20])


def peak_memory(requests, viewer, engine):
    """The most memory one search (a) allocates, Python and numpy."""
    peak = 0
    tracemalloc.start()
    for params in requests:
        request, _errors = parse_params(params)
        tracemalloc.reset_peak()
        search(request, viewer, engine=engine)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    return peak


def build_from_sources():
    """Every record built from the sources, as {source: fingerprint}, and the time the building alone took."""
    records, fingerprints, seconds = indexing.all_records(), {}, 0.0
    cpu = time.process_time()
    while True:
        started = time.perf_counter()
        record = next(records, None)
        seconds += time.perf_counter() - started
        if record is None:
            break
        fingerprints[record.source] = record.fingerprint()
    cpu = time.process_time() - cpu
    return fingerprints, Throughput("fiches construites depuis les sources", len(fingerprints), seconds, cpu_here=cpu)


def rebuild_database(batch_size=BULK_BATCH):
    """The database engine rebuilt in place from the sources, as `kb_index rebuild` does it (the cluster apart)."""
    started, cpu = time.perf_counter(), time.process_time()
    builder, count = get_database_engine().begin_rebuild(), 0
    for batch in indexing.batches(indexing.all_records(), batch_size):
        builder.index(batch)
        count += len(batch)
    builder.finish()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Throughput("base de données : reconstruction depuis les sources", count, seconds, cpu_here=cpu)


def stored_batches(size=BULK_BATCH, limit=None):
    """The records the database engine holds, as built at their last write, batch by batch: no source is read."""
    rows = SearchRecord.objects.order_by("pk").values_list("data", flat=True)[:limit]
    # A stored record's JSON has the shape of the cluster's documents, tokens aside.
    return indexing.batches((document_record(data) for data in rows.iterator(chunk_size=size)), size)


def reindex_database_sample(size=5000):
    """The database engine re-indexing `size` records it already holds (sources unread)."""
    records = next(stored_batches(size=size, limit=size), [])
    started, cpu = time.perf_counter(), time.process_time()
    get_database_engine().index(records)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Throughput("base de données : réindexation de fiches déjà construites", len(records), seconds, cpu_here=cpu)


def load_cluster(server, label, goal=None):
    """A new version of the cluster's index filled with the database engine's records, then swapped in."""
    started, cpu, cluster_cpu = time.perf_counter(), time.process_time(), cluster_cpu_seconds(server)
    rebuild, count = server.begin_rebuild(), 0
    try:
        for batch in stored_batches():
            rebuild.index(batch)
            count += len(batch)
        rebuild.finish()
    except EngineError:
        rebuild.abort()
        raise
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    after = cluster_cpu_seconds(server)
    spent = after - cluster_cpu if None not in (after, cluster_cpu) else None
    return Throughput(label, count, seconds, cpu_here=cpu, cpu_cluster=spent, goal=goal)


def cluster_cpu_seconds(server):
    """CPU seconds the cluster's nodes have used since they started (None when the cluster does not say)."""
    try:
        stats = server.writer.nodes.stats(metric="process")
        return sum(node["process"]["cpu"]["total_in_millis"] for node in stats["nodes"].values()) / 1000
    except (*server.flavour.errors, KeyError, TypeError):
        return None


def swap_under_load(server, requests, threads=2):
    """`load_cluster` while `threads` threads search the cluster through the service, each request in turn.

    A search fails when it raises, or when its total differs from the one it had before the rebuild.
    """
    viewer = Viewer.anonymous()
    mix = [(params.urlencode(), parse_params(params)[0]) for params in requests]
    expected = [search(request, viewer, engine=server).total for _label, request in mix]
    done, failures, stop = [0] * threads, [], threading.Event()

    def keep_searching(thread):
        turn = thread
        while not stop.is_set():
            (label, request), total = mix[turn % len(mix)], expected[turn % len(mix)]
            try:
                found = search(request, viewer, engine=server).total
                if found != total:
                    failures.append(f"{label} : {found} résultats au lieu de {total}")
            except Exception as error:  # every failure counts, whatever its kind
                failures.append(f"{label} : {error}")
            done[thread] += 1
            turn += threads
        connection.close()

    searchers = [threading.Thread(target=keep_searching, args=(i,), daemon=True) for i in range(threads)]
    for searcher in searchers:
        searcher.start()
    try:
        load = load_cluster(server, f"{server.flavour.label} : reconstruction avec bascule d'alias")
    finally:
        stop.set()
        for searcher in searchers:
            searcher.join()
    return SwapUnderLoad(load, threads, sum(done), failures)


def report(timings, writes=(), swap=None, records=0, repeat=3, machine=None):
    """The run as one table of searches, rows per engine, then the writes: what `make bench` prints."""
    texts = len(timings.database.floor.seconds)
    passes = f"la médiane de {repeat} passages" if repeat > 1 else "un passage"
    lines = [
        f"Archive : {grouped(records)} fiches, {len(timings.requests)} requêtes dont {texts} avec texte ; "
        f"chaque temps est {passes} par requête ((c) : un passage, plafonné à {WAGTAIL_CAP_SECONDS} s).",
    ]
    if machine:
        lines.append(machine)
    lines += ["", *search_table(timings), "", *search_ratios(timings)]
    if writes:
        lines += ["", *write_table(writes, swap)]
    lines.append("")
    lines.append(
        f"Mémoire de pointe d'une recherche (a), allocations Python et numpy : {timings.peak / 1024 / 1024:.1f} Mo"
    )
    if timings.load:
        load = timings.load
        lines.append(
            f"Colonnes du moteur de base de données ({megabytes(load.size)} Mo) : chargées depuis la base en "
            f"{load.from_database * 1000:.0f} ms ; un processus neuf les projette depuis l'instantané en "
            f"{load.from_snapshot * 1000:.0f} ms, et tient ensuite {megabytes(load.rss)} Mo résidents "
            f"({megabytes(load.rss_before)} Mo avant), dont {megabytes(load.private)} Mo privés."
        )
    return "\n".join(lines)


def megabytes(size):
    return f"{size / 1024 / 1024:.1f}"


def grouped(number):
    """Thousands grouped the French way: 100 000."""
    return f"{number:,}".replace(",", "\u202f")


def times(numerator, denominator):
    ratio = numerator / denominator if denominator else float("nan")
    return f"×{ratio:.2f}"


def search_table(timings):
    head = f"{'recherche, en ms':<34}{'(a) service':>20}{'(b) moteur nu':>20}{'(a)/(b)':>16}"
    columns_ = f"{'':<34}" + f"{'médiane':>10}{'p95':>10}" * 2 + f"{'médiane':>8}{'p95':>8}"
    lines = [head, columns_]
    for rows in (timings.database, timings.server):
        if rows is None:
            continue
        service, floor = rows.service, rows.floor
        ratios = f"{times(service.median_ms, floor.median_ms):>8}{times(service.p95_ms, floor.p95_ms):>8}"
        lines.append(
            f"{rows.label:<34}{service.median_ms:>10.1f}{service.p95_ms:>10.1f}"
            f"{floor.median_ms:>10.1f}{floor.p95_ms:>10.1f}{ratios}"
        )
        if rows is timings.database and timings.postings.seconds:
            postings = timings.postings
            lines.append(f"{postings.label:<54}{postings.median_ms:>10.1f}{postings.p95_ms:>10.1f}")
    wagtail = timings.wagtail
    if wagtail.seconds:
        lines.append(f"{wagtail.label:<34}{wagtail.median_ms:>10.1f}{wagtail.p95_ms:>10.1f}")
    else:
        lines.append(f"{wagtail.label:<34}non mesuré (--sans-wagtail)")
    return lines


def search_ratios(timings):
    database, wagtail, server = timings.database.service, timings.wagtail, timings.server
    lines = ["(a)/(b) : objectif p95 ≤ ×3."]
    if timings.postings.seconds:
        postings = timings.postings
        lines.append(
            f"(a)/(b′), base de données : médiane {times(database.median_ms, postings.median_ms)}, "
            f"p95 {times(database.p95_ms, postings.p95_ms)} (pour information : (b′) lit les listes de termes par "
            "lesquelles le service trouve les mots isolés ; les phrases passent par le texte intégral dans les deux)."
        )
    if wagtail.seconds:
        lines.append(
            f"(a)/(c), base de données : médiane {times(database.median_ms, wagtail.median_ms)}, "
            f"p95 {times(database.p95_ms, wagtail.p95_ms)} (objectif : < ×1)."
        )
    if wagtail.timeouts:
        lines.append(
            f"(c) : {wagtail.timeouts} requête(s) sur {len(wagtail.seconds)} ont dépassé {WAGTAIL_CAP_SECONDS} s et "
            f"comptent pour {WAGTAIL_CAP_SECONDS} s : médiane et p95 de (c) sont des minorants."
        )
    if server:
        lines.append(
            f"(a) {server.label} / (a) base de données : "
            f"médiane {times(server.service.median_ms, database.median_ms)}, "
            f"p95 {times(server.service.p95_ms, database.p95_ms)}."
        )
    return lines


def write_table(writes, swap=None):
    lines = [
        f"{'écritures':<62}{'fiches':>9}{'durée (s)':>11}{'fiches/s':>10}{'CPU, ms par fiche : ici':>26}{'cluster':>9}"
    ]
    for write in writes:
        here, cluster = per_record(write.cpu_here, write.records), per_record(write.cpu_cluster, write.records)
        lines.append(
            f"{write.label:<62}{grouped(write.records):>9}{write.seconds:>11.1f}{write.rate:>10.0f}{here:>26}{cluster:>9}"
        )
    for write in writes:
        if write.goal:
            verdict = "atteint" if write.rate >= write.goal else "non atteint"
            lines.append(f"{write.label} : objectif ≥ {grouped(write.goal)} fiches/s, {verdict}.")
    if swap:
        lines.append(
            f"Pendant la reconstruction avec bascule d'alias ({swap.load.seconds:.1f} s), {swap.threads} fils ont "
            f"cherché sans arrêt : {grouped(swap.searches)} recherches, {len(swap.failures)} en échec (objectif : 0)."
        )
        lines += [f"  échec : {failure}" for failure in swap.failures[:5]]
    return lines


def per_record(seconds, records):
    """Milliseconds per record, or blank when unknown."""
    return f"{seconds / records * 1000:.2f}" if seconds is not None and records else ""


def machine_load(started_load):
    """The machine's load around the run: other processes sharing its CPU show in every time above."""
    return (
        f"Machine : {os.cpu_count()} cœurs, charge moyenne {started_load:.1f} au départ et {os.getloadavg()[0]:.1f} "
        "à la fin ; les temps portent la trace des autres processus qui s'y partagent le CPU."
    )


@dataclass
class GrowthRow:
    """One archive size of `make bench BENCH_SIZES=…`: what grows with the archive."""

    records: int
    p50_ms: float
    p95_ms: float
    rss: int
    private: int
    load_database: float
    load_snapshot: float
    rebuild_seconds: float
    rebuild_rate: float

    @classmethod
    def of(cls, records, timings, rebuilt):
        service, load = timings.database.service, timings.load
        return cls(
            records, service.median_ms, service.p95_ms, load.rss, load.private, load.from_database,
            load.from_snapshot, rebuilt.seconds if rebuilt else float("nan"), rebuilt.rate if rebuilt else float("nan"),
        )  # fmt: skip


def growth_table(rows):
    """The sizes side by side: how search time, memory, column loading and rebuilds grow with the archive."""
    lines = [
        f"{'fiches':>10}{'p50 (ms)':>10}{'p95 (ms)':>10}{'RSS (Mo)':>10}{'privé (Mo)':>12}"
        f"{'colonnes, base (s)':>20}{'instantané (ms)':>17}{'reconstruction (s)':>20}{'fiches/s':>10}"
    ]
    for row in sorted(rows, key=lambda row: row.records):
        lines.append(
            f"{grouped(row.records):>10}{row.p50_ms:>10.1f}{row.p95_ms:>10.1f}{megabytes(row.rss):>10}"
            f"{megabytes(row.private):>12}{row.load_database:>20.2f}{row.load_snapshot * 1000:>17.0f}"
            f"{row.rebuild_seconds:>20.1f}{row.rebuild_rate:>10.0f}"
        )
    return lines
