"""When the cluster is unreachable, silent or answers an error, searches answer from the database in time.

Every test runs with each flavour's client (Elasticsearch's, OpenSearch's).
"""

import time

import pytest

from django.urls import reverse

from search.access import Viewer
from search.engines.base import EngineError
from search.models import EngineStatus
from search.query import SearchRequest, parse_query

from .conftest import MARGIN, TIMEOUT, engine_at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("flavour")]

DEFAULT_TIMEOUT = 2.0


def timed(function, *args):
    started = time.perf_counter()
    try:
        return function(*args), time.perf_counter() - started
    except EngineError as error:
        return error, time.perf_counter() - started


def search(engine, q="coopérative"):
    return engine.search(SearchRequest(q=q), parse_query(q), Viewer())


def test_a_closed_port_fails_at_once_as_an_engine_error(closed_url):
    outcome, elapsed = timed(search, engine_at(closed_url))
    assert isinstance(outcome, EngineError)
    assert elapsed < TIMEOUT


def test_a_cluster_that_never_answers_fails_when_the_timeout_is_up(silent_url):
    outcome, elapsed = timed(search, engine_at(silent_url))
    assert isinstance(outcome, EngineError)
    assert TIMEOUT * 0.9 <= elapsed < TIMEOUT + MARGIN


def test_a_cluster_answering_an_error_is_an_engine_error(cluster):
    outcome, _elapsed = timed(search, engine_at(cluster.url))  # no index behind the alias: 404
    assert isinstance(outcome, EngineError)
    assert cluster.calls("POST", "/kb-records/_search")


def test_after_a_failure_the_cluster_is_left_alone_for_a_while_then_called_again(silent_url):
    now = [1000.0]
    engine = engine_at(silent_url, retry_after=30)
    engine.health.clock = lambda: now[0]
    timed(search, engine)

    outcome, elapsed = timed(search, engine)
    assert isinstance(outcome, EngineError) and "suspendu" in str(outcome)
    assert elapsed < 0.2

    now[0] += 31
    outcome, elapsed = timed(search, engine)
    assert isinstance(outcome, EngineError) and elapsed >= TIMEOUT * 0.9


def test_a_failure_is_recorded_for_every_process_and_so_is_the_next_answer(cluster):
    engine = engine_at(cluster.url, retry_after=0)
    cluster.stop()
    timed(search, engine)
    status = EngineStatus.objects.get(engine="elasticsearch")
    assert status.failing
    assert "Connection" in status.error

    cluster.start()
    cluster.create_version("kb-records-v1", alias="kb-records")
    assert not isinstance(timed(engine.access_keys)[0], EngineError)
    assert not EngineStatus.objects.get(engine="elasticsearch").failing


@pytest.fixture
def cooperative(publish):
    return publish("Une coopérative d'habitants", body="Un habitat partagé.")


def test_the_search_page_answers_from_the_database_when_the_port_is_closed(client, closed_url, settings, cooperative):
    settings.KB_ELASTICSEARCH_URL, settings.KB_SEARCH_TIMEOUT = closed_url, DEFAULT_TIMEOUT
    started = time.perf_counter()
    response = client.get("/recherche/", {"q": "coopérative"})
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    assert elapsed < DEFAULT_TIMEOUT
    assert response.context["response"].fallback is True
    assert response.context["response"].engine == "database"
    assert [hit.title for hit in response.context["response"].hits] == ["Une coopérative d'habitants"]
    assert "Recherche de secours : le moteur principal ne répond pas" in response.content.decode()


def test_the_search_page_answers_from_the_database_when_the_cluster_never_answers(
    client, silent_url, settings, cooperative
):
    settings.KB_ELASTICSEARCH_URL, settings.KB_SEARCH_TIMEOUT = silent_url, TIMEOUT
    started = time.perf_counter()
    response = client.get(reverse("search:page"), {"q": "coopérative"})
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    assert elapsed < TIMEOUT + MARGIN
    assert [hit.title for hit in response.context["response"].hits] == ["Une coopérative d'habitants"]
    assert response.context["response"].fallback is True


def test_the_api_says_which_engine_answered_and_that_it_was_a_fallback(client, closed_url, settings, cooperative):
    settings.KB_ELASTICSEARCH_URL = closed_url
    data = client.get(reverse("search:api"), {"q": "coopérative"}).json()
    assert (data["engine"], data["fallback"]) == ("database", True)
    assert [hit["title"] for hit in data["hits"]] == ["Une coopérative d'habitants"]


def test_the_api_answers_from_the_database_when_the_cluster_answers_an_error(client, cluster, settings, cooperative):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    cluster.indices.clear()
    cluster.aliases.clear()  # the alias is gone: every search is a 404
    data = client.get(reverse("search:api"), {"q": "coopérative"}).json()
    assert (data["engine"], data["fallback"], data["total"]) == ("database", True, 1)


def test_autocomplete_answers_from_the_database_when_the_cluster_fails(client, silent_url, settings, cooperative):
    settings.KB_ELASTICSEARCH_URL, settings.KB_SEARCH_TIMEOUT = silent_url, TIMEOUT
    started = time.perf_counter()
    data = client.get(reverse("search:autocomplete"), {"q": "coop"}).json()
    assert time.perf_counter() - started < TIMEOUT + MARGIN
    assert [row["title"] for row in data["results"]] == ["Une coopérative d'habitants"]


def test_without_elasticsearch_the_database_engine_answers_and_it_is_no_fallback(client, settings, cooperative):
    settings.KB_ELASTICSEARCH_URL = ""
    data = client.get(reverse("search:api"), {"q": "coopérative"}).json()
    assert (data["engine"], data["fallback"], data["total"]) == ("database", False, 1)
