"""`make bench` puts the cluster beside the database engine: searches on the same requests, one row per engine,
then the writes (records built, bulk load, alias-swap rebuild while searches go on).

The live tests run when KB_ELASTICSEARCH_URL names a node (`make cluster` prints the settings), on a small
archive behind an alias of their own, dropped afterwards.
"""

import os
import uuid
from io import StringIO

import pytest

from django.core.management import call_command
from django.db import connection
from django.http import QueryDict

from search import bench
from search.engines import get_database_engine
from search.engines.base import EngineResult
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es.client import ClientConfig
from search.records import Record

pytestmark = pytest.mark.django_db

URL = os.environ.get("KB_ELASTICSEARCH_URL", "")
FLAVOUR = os.environ.get("KB_SEARCH_FLAVOUR", "elasticsearch")
live = pytest.mark.skipif(
    not URL,
    reason="KB_ELASTICSEARCH_URL ne désigne aucun nœud : les lignes du cluster ne sont pas mesurées "
    "(make cluster en démarre un et affiche les réglages)",
)


class CountingFlavour:
    label = "OpenSearch"


class CountingEngine:
    """Stands for a search server: answers at once and counts what it was asked."""

    name = "elasticsearch"
    flavour = CountingFlavour()

    def __init__(self):
        self.searches = self.counts = 0

    def search(self, request, parsed, viewer):
        self.searches += 1
        return EngineResult(total=0, hits=[], facet_counts={})

    def match_count(self, parsed):
        self.counts += 1
        return 0


def test_without_a_cluster_the_bench_times_the_database_engine_only():
    timings = bench.run(repeat=1)
    assert timings.server is None
    assert len(timings.database.service.seconds) == len(timings.requests) >= 50
    assert timings.database.floor.seconds


def test_with_a_cluster_the_bench_times_it_on_the_same_requests():
    server = CountingEngine()
    timings = bench.run(repeat=1, server=server)
    assert len(timings.server.service.seconds) == len(timings.database.service.seconds) == len(timings.requests)
    assert len(timings.server.floor.seconds) == len(timings.database.floor.seconds) == server.counts
    assert server.searches >= len(timings.requests)


def searches(server=True):
    def rows(label, service, floor):
        return bench.EngineTimings(label, bench.Timings("(a)", service), bench.Timings("(b)", floor))

    return bench.SearchRun(
        requests=[None] * 50,
        database=rows("base de données (sqlite)", [0.010, 0.030], [0.005, 0.010]),
        postings=bench.Timings("  (b′) listes de termes nues", [0.004]),
        wagtail=bench.Timings("(c) Wagtail", [0.100, 0.200]),
        server=rows("OpenSearch", [0.008, 0.012], [0.002, 0.004]) if server else None,
    )


def row(text, label):
    """The cells after `label` in the table's row for it (columns are apart by spaces, thousands by a thin one)."""
    (line,) = [line for line in text.splitlines() if line.startswith(f"{label}  ")]
    return [cell for cell in line[len(label) :].split(" ") if cell]


def test_the_report_puts_each_engine_on_one_row_with_its_medians_p95_and_ratios():
    text = bench.report(searches(), records=100_000)
    assert row(text, "base de données (sqlite)") == ["20.0", "30.0", "7.5", "10.0", "×2.67", "×3.00"]
    assert row(text, "OpenSearch") == ["10.0", "12.0", "3.0", "4.0", "×3.33", "×3.00"]
    assert "(a) OpenSearch / (a) base de données : médiane ×0.50, p95 ×0.40." in text
    assert "Archive : 100\u202f000 fiches, 50 requêtes" in text


def test_the_report_gives_the_writes_with_the_bulk_goal_and_the_searches_made_during_the_swap():
    built = bench.Throughput("fiches construites depuis les sources", 100_000, 400.0, cpu_here=300.0)
    bulk = bench.Throughput("OpenSearch : chargement en masse", 100_000, 80.0, 60.0, 120.0, goal=2000)
    swap = bench.SwapUnderLoad(bench.Throughput("OpenSearch : bascule", 100_000, 100.0), 2, 1234, [])
    text = bench.report(searches(), [built, bulk, swap.load], swap, records=100_000)
    assert row(text, "fiches construites depuis les sources") == ["100\u202f000", "400.0", "250", "3.00"]
    assert row(text, "OpenSearch : chargement en masse") == ["100\u202f000", "80.0", "1250", "0.60", "1.20"]
    assert "OpenSearch : chargement en masse : objectif ≥ 2\u202f000 fiches/s, non atteint." in text
    assert "(100.0 s), 2 fils ont cherché sans arrêt : 1\u202f234 recherches, 0 en échec" in text


def test_a_failed_search_during_the_swap_is_counted_and_shown():
    swap = bench.SwapUnderLoad(bench.Throughput("OpenSearch : bascule", 10, 1.0), 2, 40, ["q=habitat : 0 résultats"])
    text = bench.report(searches(), [swap.load], swap, records=10)
    assert "40 recherches, 1 en échec (objectif : 0)" in text
    assert "  échec : q=habitat : 0 résultats" in text


def test_without_wagtail_the_bench_says_column_c_was_not_measured():
    timings = bench.run(repeat=1, with_wagtail=False)
    assert not timings.wagtail.seconds and len(timings.database.service.seconds) == len(timings.requests)
    text = bench.report(timings, records=100_000)
    assert "(c) Wagtail" in text and "non mesuré" in text
    assert "(a)/(c)" not in text and "(a)/(b)" in text


def test_records_built_from_the_sources_are_counted_and_timed(publish):
    publish("Une ressourcerie")
    fingerprints, built = bench.build_from_sources()
    assert built.records == len(fingerprints) == 1
    assert fingerprints == get_database_engine().fingerprints()


# On a live node


def archive(count):
    return [
        Record(source=f"page:{n}", kind="practice_exchange", title=f"Une ressourcerie solidaire n° {n}", url=f"/r/{n}/")
        for n in range(count)
    ]


@pytest.fixture
def cluster_engine(settings):
    alias = f"kb-bench-test-{uuid.uuid4().hex[:8]}"
    settings.KB_ELASTICSEARCH_URL, settings.KB_SEARCH_FLAVOUR, settings.KB_ELASTICSEARCH_INDEX = URL, FLAVOUR, alias
    settings.KB_SEARCH_TIMEOUT = 10.0
    engine = ElasticsearchEngine(ClientConfig.from_settings(), retry_after=0)
    yield engine
    engine.writer.indices.delete(index=f"{alias}-v*", ignore_unavailable=True)


@live
def test_the_cluster_is_loaded_with_the_records_the_database_engine_holds(cluster_engine):
    get_database_engine().index(archive(1200))
    load = bench.load_cluster(cluster_engine, "chargement", goal=bench.BULK_GOAL)
    assert load.records == 1200 and load.rate > 0
    assert cluster_engine.writer.count(index=cluster_engine.alias)["count"] == 1200
    assert load.cpu_cluster is not None


# Requests that find something: a search that finds nothing reads the database engine's titles for a
# suggestion, and the searching threads cannot read what the test's own transaction wrote there.
FINDING = [QueryDict("q=ressourcerie"), QueryDict("q=solidaires"), QueryDict("")]


@live
def test_an_alias_swap_under_searches_fails_none_of_them(cluster_engine):
    get_database_engine().index(archive(1200))
    bench.load_cluster(cluster_engine, "chargement")
    (before,) = cluster_engine.versions.current()
    swap = bench.swap_under_load(cluster_engine, FINDING, threads=2)
    assert swap.failures == [] and swap.searches > 0
    assert cluster_engine.versions.current() != [before]


@live
def test_kb_bench_prints_the_cluster_rows_beside_the_database_engine(cluster_engine, settings, publish, monkeypatch):
    settings.KB_ELASTICSEARCH_URL = ""  # published with the database engine alone, as the bench archive was
    for title in ("Une ressourcerie solidaire", "Une coopérative solidaire", "Un garage solidaire"):
        publish(title)
    settings.KB_ELASTICSEARCH_URL = URL
    monkeypatch.setattr(bench, "query_mix", lambda: FINDING)
    output = StringIO()
    call_command("kb_bench", records=3, repeat=1, with_wagtail=False, threads=2, stdout=output)
    text = output.getvalue()
    label = cluster_engine.flavour.label
    assert len(row(text, label)) == 6 and len(row(text, f"base de données ({connection.vendor})")) == 6
    assert f"(a) {label} / (a) base de données : médiane ×" in text
    assert row(text, "fiches construites depuis les sources")[0] == "3"
    assert row(text, f"{label} : chargement en masse de fiches déjà construites")[0] == "3"
    assert "2 fils ont cherché sans arrêt" in text and ", 0 en échec (objectif : 0)." in text
