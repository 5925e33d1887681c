"""The search benchmark behind `make bench`: one run, one archive, three ways to search.

(a) the search service (facets and snippets on), (b) the engine's bare full-text
match count, (c) what Wagtail gives out of the box (`Page.objects.live().search()`,
the count and the first page of results, as a paginated Wagtail search view does).
(a) and (b) run on the database engine, and on Elasticsearch too when KB_ELASTICSEARCH_URL is set.
"""

import statistics
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import OperationalError, connection
from django.http import QueryDict

from wagtail.models import Page

from .access import Viewer
from .engines import columns, get_database_engine, get_engine
from .models import SearchFacet
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


WAGTAIL_CAP_SECONDS = 30


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


def run(repeat=3, log=print, with_wagtail=True):
    database, groups = get_database_engine(), synonyms()
    server = get_engine()
    server = None if server is database else server
    viewer = Viewer.anonymous()
    service, floor, wagtail = Timings("(a) service"), Timings("(b) moteur nu (FTS5)"), Timings("(c) Wagtail")
    postings_floor = Timings("(b′) listes de termes nues")
    server_service, server_floor = Timings("(a) service, Elasticsearch"), Timings("(b) Elasticsearch nu")
    peak = 0
    requests = query_mix()
    # Each process loads the database engine's columns once (then follows the change log): load them
    # before timing, and report what it took.
    columns.forget()
    started = time.perf_counter()
    search(parse_params(QueryDict(""))[0], viewer, engine=database)
    load = (time.perf_counter() - started, columns.resident_bytes())
    for params in requests:
        request, _errors = parse_params(params)
        parsed = parse_query(request.q, groups)
        service.seconds.append(_time(lambda request=request: search(request, viewer, engine=database), repeat))
        if server:
            server_service.seconds.append(_time(lambda request=request: search(request, viewer, engine=server), repeat))
        if parsed.is_empty:
            continue
        floor.seconds.append(_time(lambda parsed=parsed: database.match_count(parsed), repeat))
        postings_floor.seconds.append(_time(lambda parsed=parsed: database.postings_match_count(parsed), repeat))
        if server:
            server_floor.seconds.append(_time(lambda parsed=parsed: server.match_count(parsed), repeat))

        def wagtail_search(q=request.q):
            results = Page.objects.live().search(q)
            results.count()
            list(results[:20])

        if with_wagtail:
            _time_capped(wagtail_search, wagtail)
    tracemalloc.start()
    for params in requests:
        request, _errors = parse_params(params)
        tracemalloc.reset_peak()
        search(request, viewer, engine=database)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    server_rows = (server_service, server_floor) if server else ()
    return requests, service, floor, wagtail, peak, server_rows, load, postings_floor


def report(
    requests, service, floor, wagtail, peak, rebuild_rate, records, server_rows=(), load=None, postings_floor=None
):
    lines = [
        f"Moteur : {connection.vendor}, {records} fiches, {len(requests)} requêtes "
        f"({len(floor.seconds)} avec texte), médiane de 3 passages par requête ((c) : un passage, "
        f"plafonné à {WAGTAIL_CAP_SECONDS} s).",
        "",
        f"{'mesure':<36}{'médiane (ms)':>14}{'p95 (ms)':>12}",
    ]
    for timings in (service, floor, *([postings_floor] if postings_floor else []), wagtail, *server_rows):
        if timings.seconds:
            lines.append(f"{timings.label:<36}{timings.median_ms:>14.1f}{timings.p95_ms:>12.1f}")
        else:
            lines.append(f"{timings.label:<36}{'non mesuré (--sans-wagtail)':>26}")
    if wagtail.timeouts:
        lines.append(
            f"(c) : {wagtail.timeouts} requête(s) sur {len(wagtail.seconds)} ont dépassé {WAGTAIL_CAP_SECONDS} s et "
            f"comptent pour {WAGTAIL_CAP_SECONDS} s : médiane et p95 de (c) sont des minorants."
        )
    lines += [
        "",
        f"(a)/(b) : médiane ×{service.median_ms / floor.median_ms:.2f}, p95 ×{service.p95_ms / floor.p95_ms:.2f}"
        "  (objectif : p95 ≤ ×3)",
    ]
    if wagtail.seconds:
        lines.append(
            f"(a)/(c) : médiane ×{service.median_ms / wagtail.median_ms:.2f}, "
            f"p95 ×{service.p95_ms / wagtail.p95_ms:.2f}  (objectif : < ×1)"
        )
    if postings_floor and postings_floor.seconds:
        lines.append(
            f"(a)/(b′) : médiane ×{service.median_ms / postings_floor.median_ms:.2f}, "
            f"p95 ×{service.p95_ms / postings_floor.p95_ms:.2f}  (pour information : (b′) lit les listes de termes "
            "par lesquelles le service trouve les mots isolés ; les phrases passent par FTS5 dans les deux)"
        )
    if server_rows:
        server_service, server_floor = server_rows
        lines.append(
            f"Elasticsearch (a)/(b) : médiane ×{server_service.median_ms / server_floor.median_ms:.2f}, "
            f"p95 ×{server_service.p95_ms / server_floor.p95_ms:.2f} ; (a) Elasticsearch / (a) base de données : "
            f"p95 ×{server_service.p95_ms / service.p95_ms:.2f}"
        )
    lines += [
        f"Mémoire de pointe d'une recherche (a), allocations Python et numpy : {peak / 1024 / 1024:.1f} Mo",
        f"Réindexation (kb_index rebuild) : {rebuild_rate}",
    ]
    if load:
        lines.append(
            f"Colonnes du moteur en mémoire (une fois par processus) : chargées en {load[0] * 1000:.0f} ms, "
            f"{load[1] / 1024 / 1024:.1f} Mo"
        )
    return "\n".join(lines)
