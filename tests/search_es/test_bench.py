"""`make bench` times Elasticsearch beside the database engine when KB_ELASTICSEARCH_URL is set."""

import pytest

from search import bench
from search.engines.base import EngineResult

pytestmark = pytest.mark.django_db


class CountingEngine:
    """Stands for a search server: answers at once and counts what it was asked."""

    name = "elasticsearch"

    def __init__(self):
        self.searches = self.counts = 0

    def search(self, request, parsed, viewer):
        self.searches += 1
        return EngineResult(total=0, hits=[], facet_counts={})

    def match_count(self, parsed):
        self.counts += 1
        return 0


def test_without_elasticsearch_the_bench_times_the_database_engine_only():
    requests, service, floor, _wagtail, _peak, server_rows, _load, _postings = bench.run(repeat=1)
    assert server_rows == ()
    assert len(service.seconds) == len(requests) >= 50
    assert floor.seconds


def test_with_elasticsearch_the_bench_times_it_on_the_same_requests(monkeypatch):
    server = CountingEngine()
    monkeypatch.setattr(bench, "get_engine", lambda: server)
    requests, service, floor, _wagtail, _peak, (server_service, server_floor), _load, _postings = bench.run(repeat=1)
    assert len(server_service.seconds) == len(service.seconds) == len(requests)
    assert len(server_floor.seconds) == len(floor.seconds) == server.counts
    assert server.searches >= len(requests)


def test_the_report_gives_the_elasticsearch_rows_and_ratios():
    timings = [bench.Timings(label, [0.01, 0.02]) for label in ("(a) service", "(b) moteur nu", "(c) Wagtail")]
    server_rows = (bench.Timings("(a) service, Elasticsearch", [0.004]), bench.Timings("(b) Elasticsearch nu", [0.002]))
    text = bench.report([None] * 50, *timings, 1024, "900 fiches/s", 100_000, server_rows=server_rows)
    assert "(a) service, Elasticsearch" in text and "(b) Elasticsearch nu" in text
    assert "Elasticsearch (a)/(b) : médiane ×2.00" in text


def test_without_wagtail_the_bench_says_column_c_was_not_measured():
    requests, service, floor, wagtail, *_rest = bench.run(repeat=1, with_wagtail=False)
    assert not wagtail.seconds and len(service.seconds) == len(requests)
    text = bench.report(requests, service, floor, wagtail, 1024, "900 fiches/s", 100_000)
    assert "(c) Wagtail" in text and "non mesuré" in text
    assert "(a)/(c)" not in text and "(a)/(b)" in text
