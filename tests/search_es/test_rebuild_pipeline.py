"""A rebuild keeps the cluster busy: each batch is sent while the next is built, and nothing is swapped in
before every batch is written; a request that fails on the way fails the rebuild and the alias stays.
After the swap, the old version goes once no search may still read it, or after SWAP_PATIENCE at most.

Against the in-memory stand-in (tests/search_es/cluster.py), with each flavour's client.
"""

import threading
import time

import pytest

from search.engines.base import EngineError
from search.engines.es import lifecycle
from search.records import Record

from .conftest import engine_at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("flavour")]


def batches(count=4, size=50):
    records = [
        Record(source=f"page:{n}", kind="practice_exchange", title=f"Une ressourcerie n° {n}", url=f"/r/{n}/")
        for n in range(count * size)
    ]
    return [records[start : start + size] for start in range(0, len(records), size)]


@pytest.fixture
def engine(cluster):
    cluster.create_version("kb-records-v1", alias="kb-records")
    return engine_at(cluster.url, retry_after=0)


@pytest.fixture
def slow_bulks(cluster, monkeypatch):
    """Bulk requests take a while on the stand-in; `slow_bulks.most` is how many it ever held at once."""
    answer, lock = cluster.answer, threading.Lock()
    state = type("Bulks", (), {"active": 0, "most": 0})()

    def slowly(method, path, params, raw):
        if not path.endswith("/_bulk"):
            return answer(method, path, params, raw)
        with lock:
            state.active += 1
            state.most = max(state.most, state.active)
        time.sleep(0.2)
        try:
            return answer(method, path, params, raw)
        finally:
            with lock:
                state.active -= 1

    monkeypatch.setattr(cluster, "answer", slowly)
    return state


def test_a_rebuild_keeps_requests_in_flight_and_swaps_once_every_batch_is_written(engine, cluster, slow_bulks):
    rebuild = engine.begin_rebuild()
    for batch in batches():
        rebuild.index(batch)
    rebuild.finish()

    assert slow_bulks.most == lifecycle.REBUILD_IN_FLIGHT
    new = cluster.aliases["kb-records"]
    assert new == rebuild.rebuild.name and len(cluster.documents(new)) == 200
    paths = [path for _method, path, _params, _body in cluster.requests]
    assert max(i for i, path in enumerate(paths) if path.endswith("/_bulk")) < paths.index("/_aliases")


def test_a_request_that_fails_in_flight_fails_the_rebuild_and_the_alias_stays(engine, cluster, slow_bulks):
    first, *others = batches()
    rebuild = engine.begin_rebuild()
    rebuild.index(first)
    cluster.stop()

    with pytest.raises(EngineError):
        for batch in others:
            rebuild.index(batch)
        rebuild.finish()
    rebuild.abort()

    assert cluster.aliases["kb-records"] == "kb-records-v1"
    assert ("POST", "/_aliases") not in [(method, path) for method, path, _params, _body in cluster.requests]


@pytest.fixture
def search_stats(cluster, monkeypatch):
    """The stand-in's nodes report `search_stats.queued` (popped per call, 0 once empty) in their search queue."""
    answer = cluster.answer
    state = type("Stats", (), {"queued": []})()

    def with_stats(method, path, params, raw):
        if path == "/_nodes/stats/thread_pool":
            cluster.requests.append((method, path, params, raw))
            queue = state.queued.pop(0) if state.queued else 0
            return 200, {"nodes": {"node-1": {"thread_pool": {"search": {"queue": queue, "active": 0}}}}}
        if path.endswith("/_stats/search"):
            cluster.requests.append((method, path, params, raw))
            idle = {"query_current": 0, "fetch_current": 0, "open_contexts": 0}
            return 200, {"_all": {"total": {"search": idle}}}
        return answer(method, path, params, raw)

    monkeypatch.setattr(cluster, "answer", with_stats)
    return state


def swap(engine):
    rebuild = engine.begin_rebuild()
    rebuild.index(batches(count=1)[0])
    rebuild.finish()


def test_the_old_version_goes_only_once_no_search_may_still_read_it(engine, cluster, search_stats):
    search_stats.queued = [3, 1]

    swap(engine)

    calls = [(method, path) for method, path, _params, _body in cluster.requests]
    polls = [i for i, (_method, path) in enumerate(calls) if path == "/_nodes/stats/thread_pool"]
    assert len(polls) == 3
    assert calls.index(("POST", "/_aliases")) < polls[0] and polls[-1] < calls.index(("DELETE", "/kb-records-v1"))


def test_a_swap_waits_for_searches_no_longer_than_its_patience(engine, cluster, search_stats, monkeypatch):
    monkeypatch.setattr(lifecycle, "SWAP_PATIENCE", 0.5)
    search_stats.queued = [1] * 1000

    started = time.monotonic()
    swap(engine)

    assert time.monotonic() - started < 5
    assert "kb-records-v1" not in cluster.indices
