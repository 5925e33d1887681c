"""Fixtures of the cluster engine's own tests: local stand-ins (test_live_opensearch.py alone needs a node).

`cluster` is an in-memory cluster on a local port (tests/search_es/cluster.py); `closed_url`
points at a port nothing listens on; `silent_url` at a socket that accepts and never answers.
The engine talks to them as Elasticsearch unless a test asks for `flavour`: then it runs once
per flavour, each through its own client.
"""

import pytest

from django.conf import settings
from django.test import TestCase

from kb.factories import PracticeExchangeIndexPageFactory, PracticeExchangePageFactory
from kb.models import HomePage
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es.client import ClientConfig

from .cluster import MemoryCluster, SilentServer, closed_port

TIMEOUT = 1.0
# What a fallback may take besides the timeout: the database search itself, on a slow CI machine.
MARGIN = 1.5


@pytest.fixture(autouse=True)
def stand_ins_only(settings):
    """Whatever cluster the run's environment names: these tests reach only the stand-ins they point at.

    Those answer as Elasticsearch does, behind the default alias.
    """
    settings.KB_ELASTICSEARCH_URL = ""
    settings.KB_ELASTICSEARCH_INDEX = "kb-records"
    settings.KB_SEARCH_FLAVOUR = "elasticsearch"


@pytest.fixture(params=["elasticsearch", "opensearch"])
def flavour(request, settings):
    """Each flavour's client against the same stand-ins: errors, timeouts, bulk answers and aliases."""
    settings.KB_SEARCH_FLAVOUR = request.param
    return request.param


@pytest.fixture
def cluster():
    running = MemoryCluster().start()
    yield running
    running.stop()


@pytest.fixture
def closed_url():
    return f"http://127.0.0.1:{closed_port()}"


@pytest.fixture
def silent_url():
    server = SilentServer()
    yield server.url
    server.close()


def engine_at(url, **options):
    """An engine of its own (no shared state with other tests) for a cluster at `url`, of the flavour in use."""
    return ElasticsearchEngine(ClientConfig(url=url, flavour=settings.KB_SEARCH_FLAVOUR, timeout=TIMEOUT), **options)


@pytest.fixture
def practice_index(db):
    return PracticeExchangeIndexPageFactory(parent=HomePage.objects.get())


@pytest.fixture
def publish(practice_index):
    """Publish a practice exchange and run the after-commit sync, as a real commit would."""

    def publish(title, body="Un récit."):
        with TestCase.captureOnCommitCallbacks(execute=True):
            page = PracticeExchangePageFactory(
                parent=practice_index,
                title=title,
                summary="",
                context=f"<p>{body}</p>",
                actions="<p>Actions.</p>",
                live=False,
            )
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish
