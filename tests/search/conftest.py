"""The search suite is a contract: every test runs once per engine, with the same expectations.

The Elasticsearch leg needs a server (KB_ELASTICSEARCH_URL); without one it is skipped, with its reason.
"""

from dataclasses import replace

import pytest

from django.conf import settings

from search import indexing, service, sync, views
from search.engines import get_database_engine

ES_SKIPPED = "KB_ELASTICSEARCH_URL n'est pas défini : volet Elasticsearch sauté (aucun serveur sur cette machine)"


@pytest.fixture(scope="module", params=["database", "elasticsearch"])
def engine(request):
    """The engine under test, explicitly passed to the search service."""
    if request.param == "elasticsearch":
        if not settings.KB_TEST_CLUSTER_URL:
            pytest.skip(ES_SKIPPED)
        from search.engines.elasticsearch import ElasticsearchEngine
        from search.engines.es.client import ClientConfig

        return ElasticsearchEngine(replace(ClientConfig.from_settings(), url=settings.KB_TEST_CLUSTER_URL))
    return get_database_engine()


@pytest.fixture(autouse=True)
def engine_in_use(engine, monkeypatch):
    """Sync, rebuilds, the page and the API all talk to the engine under test."""
    for module in (sync, indexing, service, views):
        monkeypatch.setattr(module, "get_engine", lambda: engine)
    return engine
