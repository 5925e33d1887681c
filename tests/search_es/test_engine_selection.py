"""KB_ELASTICSEARCH_URL chooses the engine; the database engine stays the default and the fallback."""

import pytest

from search import indexing
from search.engines import get_database_engine, get_engine
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es.client import ClientConfig

pytestmark = pytest.mark.django_db


def test_without_a_url_the_database_engine_serves_alone(settings):
    settings.KB_ELASTICSEARCH_URL = ""
    assert get_engine() is get_database_engine()
    assert indexing.engines() == [get_database_engine()]


def test_a_url_selects_elasticsearch_and_the_database_engine_is_still_written(settings):
    settings.KB_ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    engine = get_engine()
    assert isinstance(engine, ElasticsearchEngine)
    assert engine is get_engine()  # one engine (one connection pool) per configuration
    assert indexing.engines() == [get_database_engine(), engine]


def test_the_engine_reads_its_settings_from_the_environment_settings(settings):
    settings.KB_ELASTICSEARCH_URL = "https://es.example.org:9200"
    settings.KB_ELASTICSEARCH_INDEX = "kb-test-records"
    settings.KB_ELASTICSEARCH_API_KEY = "a2V5OnNlY3JldA=="
    settings.KB_ELASTICSEARCH_CA_CERTS = ""
    settings.KB_ELASTICSEARCH_VERIFY_CERTS = False
    settings.KB_SEARCH_TIMEOUT = 1.5
    settings.KB_ELASTICSEARCH_SHARDS, settings.KB_ELASTICSEARCH_REPLICAS = 3, 1
    engine = ElasticsearchEngine()
    assert engine.alias == "kb-test-records"
    assert engine.versions.synonyms_set == "kb-test-records-synonyms"
    assert (engine.versions.shards, engine.versions.replicas) == (3, 1)
    assert engine.config.timeout == 1.5
    assert engine.client._headers["authorization"].startswith("ApiKey ")
    assert engine.client.transport.node_pool.all()[0].config.verify_certs is False


def test_searches_never_retry_and_wait_at_most_the_search_timeout():
    client = ClientConfig(url="http://127.0.0.1:9200", timeout=2.0, username="kb", password="secret").client()
    assert (client._request_timeout, client._max_retries, client._retry_on_timeout) == (2.0, 0, False)
    assert client._headers["authorization"].startswith("Basic ")


def test_the_default_search_timeout_is_two_seconds():
    assert ClientConfig(url="http://127.0.0.1:9200").timeout == 2.0
