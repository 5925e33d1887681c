"""On a live OpenSearch node: why the flavour exists, and a synonyms change that never fails a search.

Runs when KB_ELASTICSEARCH_URL names an OpenSearch node and KB_SEARCH_FLAVOUR=opensearch (`make
cluster` prints both); each test works behind an alias of its own and drops it afterwards.
"""

import logging
import os
import threading
import uuid

import pytest

from search.access import Viewer
from search.engines.base import EngineError
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es.client import ClientConfig
from search.engines.es.flavours import confirm
from search.models import Synonym
from search.query import SearchRequest, parse_query
from search.records import Record

URL = os.environ.get("KB_ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not URL or os.environ.get("KB_SEARCH_FLAVOUR") != "opensearch",
        reason="KB_ELASTICSEARCH_URL et KB_SEARCH_FLAVOUR=opensearch ne désignent pas un nœud OpenSearch",
    ),
]
RECORDS = 300


def live_engine(flavour="opensearch"):
    alias = f"kb-live-{uuid.uuid4().hex[:8]}"
    return ElasticsearchEngine(ClientConfig(url=URL, flavour=flavour, index=alias, timeout=5.0), retry_after=0)


@pytest.fixture
def engine():
    engine = live_engine()
    yield engine
    engine.writer.indices.delete(index=f"{engine.alias}-v*", ignore_unavailable=True)


def test_the_elasticsearch_client_refuses_the_opensearch_node_and_says_so(caplog):
    engine = live_engine(flavour="elasticsearch")
    with pytest.raises(EngineError):
        engine.search(SearchRequest(q="habitat"), parse_query("habitat"), Viewer())
    with caplog.at_level(logging.WARNING, logger="search.engines.es.flavours"):
        confirm(engine.flavour, engine.client, URL)
    assert "KB_SEARCH_FLAVOUR=elasticsearch but the server" in caplog.text and "not Elasticsearch" in caplog.text


def ressourceries():
    return [
        Record(source=f"page:{n}", kind="practice_exchange", title=f"Une ressourcerie solidaire n° {n}", url=f"/r/{n}/")
        for n in range(RECORDS)
    ]


def by_hand(engine, word):
    """A query written for the cluster directly: the titles' search analyzer applies the index's synonyms."""
    answer = engine.writer.search(index=engine.alias, body={"query": {"match": {"title": word}}, "size": 0})
    return answer["hits"]["total"]["value"]


def test_a_synonyms_change_swaps_in_a_new_version_while_every_search_answers_in_full(engine):
    engine.index(ressourceries())
    before = engine.versions.current()
    assert by_hand(engine, "recyclerie") == 0

    outcomes, stop = [], threading.Event()

    def search_meanwhile():
        parsed = parse_query("ressourcerie")
        while not stop.is_set():
            try:
                outcomes.append(engine.search(SearchRequest(q="ressourcerie"), parsed, Viewer()).total)
            except EngineError as error:
                outcomes.append(error)

    reader = threading.Thread(target=search_meanwhile)
    reader.start()
    try:
        Synonym.objects.create(expressions="ressourcerie\nrecyclerie")
        engine.put_synonyms()
    finally:
        stop.set()
        reader.join()

    assert engine.versions.current() != before
    assert by_hand(engine, "recyclerie") == RECORDS
    assert len(outcomes) > 10
    assert set(outcomes) == {RECORDS}
