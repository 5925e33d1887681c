"""KB_SEARCH_FLAVOUR: Elasticsearch or OpenSearch, each through its own client, and synonyms on each.

On OpenSearch a synonyms change takes a new index version (search.engines.es.flavours says why):
the stand-in below also answers the two reads the OpenSearch flavour adds, the server's identity
and the inline synonyms of the index in service.
"""

import json
import logging
import subprocess
import sys

import elasticsearch
import opensearchpy
import pytest

from django.conf import settings as django_settings

from search import sync
from search.engines import elasticsearch as cluster_engine
from search.engines import get_engine
from search.engines.es.client import WRITE_TIMEOUT, ClientConfig
from search.engines.es.flavours import confirm
from search.models import EngineStatus, PendingChange, Synonym

from .cluster import MemoryCluster, _error
from .conftest import engine_at

pytestmark = pytest.mark.django_db

SYNONYMS_SETTING = "index.analysis.filter.kb_synonyms.synonyms"
OPENSEARCH_ROOT = {"name": "node-1", "version": {"distribution": "opensearch", "number": "2.19.6"}}
ELASTICSEARCH_ROOT = {"name": "node-1", "version": {"number": "8.19.0", "build_flavor": "default"}}


class FlavouredCluster(MemoryCluster):
    """The in-memory cluster, with a root answer (GET /) and the inline synonyms of each version it created."""

    def __init__(self, root):
        super().__init__()
        self.root = root
        self.definitions = {}

    def answer(self, method, path, params, raw):
        segments = [s for s in path.split("/") if s]
        if method == "GET" and not segments:
            self.requests.append((method, path, params, raw))
            return 200, self.root
        if method == "GET" and segments[1:2] == ["_settings"]:
            self.requests.append((method, path, params, raw))
            return self._synonyms_setting(segments[0])
        if method == "PUT" and len(segments) == 1:
            self.definitions[segments[0]] = json.loads(raw)
        return super().answer(method, path, params, raw)

    def _synonyms_setting(self, name):
        index = self.resolve(name)
        if index not in self.indices:
            return 404, _error("index_not_found_exception", f"no such index [{name}]", 404)
        rules = self.definitions[index]["settings"]["analysis"]["filter"]["kb_synonyms"].get("synonyms")
        # OpenSearch leaves an empty list out of the settings it returns.
        return 200, {index: {"settings": {SYNONYMS_SETTING: rules} if rules else {}}}

    def synonyms_in_service(self):
        return self.definitions[self.aliases["kb-records"]]["settings"]["analysis"]["filter"]["kb_synonyms"]


@pytest.fixture
def opensearch(settings):
    settings.KB_SEARCH_FLAVOUR = "opensearch"
    running = FlavouredCluster(OPENSEARCH_ROOT).start()
    yield running
    running.stop()


@pytest.fixture
def engine(opensearch, settings, monkeypatch):
    """The OpenSearch engine serves: sync writes to it."""
    settings.KB_ELASTICSEARCH_URL = opensearch.url
    engine = engine_at(opensearch.url, retry_after=0)
    monkeypatch.setattr(sync, "get_engine", lambda: engine)
    return engine


def test_the_flavour_chooses_each_servers_own_client_and_an_engine_of_its_own(settings):
    settings.KB_ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    settings.KB_SEARCH_FLAVOUR = "elasticsearch"
    on_elasticsearch = get_engine()
    settings.KB_SEARCH_FLAVOUR = "opensearch"
    on_opensearch = get_engine()
    assert isinstance(on_elasticsearch.client, elasticsearch.Elasticsearch)
    assert isinstance(on_opensearch.client, opensearchpy.OpenSearch)
    assert on_opensearch is get_engine() and on_opensearch is not on_elasticsearch


def test_an_unknown_flavour_stops_the_site_at_start_with_its_reason():
    env = {"KB_SEARCH_FLAVOUR": "solr", "PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "kb.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
        check=False,
    )
    assert done.returncode != 0
    assert 'KB_SEARCH_FLAVOUR must be "elasticsearch" or "opensearch", not \'solr\'' in done.stderr


def opensearch_connection(client):
    return client.transport.connection_pool.connections[0]


def test_opensearch_searches_never_retry_and_wait_at_most_the_search_timeout_writes_may_wait_longer():
    config = ClientConfig(url="http://127.0.0.1:9200", flavour="opensearch", timeout=1.5)
    engine = cluster_engine.ElasticsearchEngine(config)
    assert (engine.client.transport.max_retries, engine.client.transport.retry_on_timeout) == (0, False)
    assert opensearch_connection(engine.client).timeout == 1.5
    assert opensearch_connection(engine.writer).timeout == WRITE_TIMEOUT


def test_opensearch_credentials_certificates_and_plain_json(monkeypatch):
    # Set for Elasticsearch 9; opensearch-py would then ask for Elasticsearch's media type.
    monkeypatch.setenv("ELASTIC_CLIENT_APIVERSIONING", "1")
    config = ClientConfig(
        url="https://os.example.org:9200", flavour="opensearch", username="kb", password="secret", verify_certs=False
    )
    connection = opensearch_connection(config.client())
    assert connection.headers["authorization"].startswith("Basic ")
    assert connection.headers["accept"] == "application/json"
    assert connection.host == "https://os.example.org:9200"
    assert connection.pool.cert_reqs == "CERT_NONE"
    with_key = ClientConfig(url="https://os.example.org:9200", flavour="opensearch", api_key="b3NfazNZ")
    assert opensearch_connection(with_key.client()).headers["authorization"] == "ApiKey b3NfazNZ"


def test_the_first_opensearch_version_holds_the_synonyms_inline_and_no_synonyms_set_is_asked_for(engine, opensearch):
    engine.index([])  # nothing to write: nothing sent
    assert opensearch.requests == []
    engine.put_synonyms()  # no version yet: nothing to change, the first one will take the rules
    engine.clear()
    rules = [", ".join(synonym.expression_list()) for synonym in Synonym.objects.order_by("pk")]
    assert opensearch.synonyms_in_service() == {"type": "synonym_graph", "synonyms": rules}
    assert not opensearch.calls(path="/_synonyms/.*")


def test_a_synonym_edited_on_opensearch_swaps_in_a_new_version_with_the_same_documents(engine, opensearch, publish):
    publish("Une SCOP du bâtiment")
    publish("Une ressourcerie")
    old = opensearch.aliases["kb-records"]
    documents = dict(opensearch.documents(old))

    Synonym.objects.create(expressions="ressourcerie\nrecyclerie")
    engine.put_synonyms()

    new = opensearch.aliases["kb-records"]
    assert new != old and old not in opensearch.indices
    assert "ressourcerie, recyclerie" in opensearch.synonyms_in_service()["synonyms"]
    assert opensearch.documents(new) == documents  # tokens and fingerprints included
    assert EngineStatus.objects.get(engine="elasticsearch").rebuilding_since is None


def test_a_synonyms_change_copies_the_version_in_service_and_leaves_its_gaps_to_repair(engine, opensearch, publish):
    kept, dropped = publish("Une ressourcerie"), publish("Une recyclerie")
    engine.remove([dropped.search_source])

    Synonym.objects.create(expressions="ressourcerie\nrecyclerie")
    engine.put_synonyms()

    assert set(opensearch.documents()) == {kept.search_source}


def test_unchanged_synonyms_take_no_new_version(engine, opensearch, publish):
    publish("Une ressourcerie")
    version = opensearch.aliases["kb-records"]
    engine.put_synonyms()
    assert opensearch.aliases["kb-records"] == version
    assert not opensearch.calls("PUT", r"/kb-records-v\d+")[1:]


def test_a_page_published_while_the_new_version_fills_reaches_it(engine, opensearch, publish, monkeypatch):
    publish("Une ressourcerie")
    indexed = cluster_engine.indexed_records
    published_meanwhile = []

    def indexed_then_a_publication(*args):
        yield from indexed(*args)
        published_meanwhile.append(publish("Publiée pendant le changement de synonymes"))

    monkeypatch.setattr(cluster_engine, "indexed_records", indexed_then_a_publication)
    Synonym.objects.create(expressions="ressourcerie\nrecyclerie")
    engine.put_synonyms()

    (page,) = published_meanwhile
    assert page.search_source in opensearch.documents()
    assert not PendingChange.objects.exists()


def test_elasticsearch_replaces_its_synonyms_set_in_place(cluster, settings):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    engine = engine_at(cluster.url)
    cluster.create_version("kb-records-v1", alias="kb-records")
    Synonym.objects.create(expressions="ressourcerie\nrecyclerie")
    engine.put_synonyms()
    assert {"ressourcerie, recyclerie"} <= {rule["synonyms"] for rule in cluster.synonyms["kb-records-synonyms"]}
    assert cluster.aliases["kb-records"] == "kb-records-v1"


@pytest.mark.parametrize(
    ("flavour", "root", "found"),
    [("elasticsearch", OPENSEARCH_ROOT, "opensearch"), ("opensearch", ELASTICSEARCH_ROOT, "elasticsearch")],
)
def test_a_server_of_the_other_product_is_named_in_a_warning(flavour, root, found, settings, caplog):
    settings.KB_SEARCH_FLAVOUR = flavour
    running = FlavouredCluster(root).start()
    try:
        engine = engine_at(running.url)
        with caplog.at_level(logging.WARNING, logger="search.engines.es.flavours"):
            confirm(engine.flavour, engine.client, running.url)
    finally:
        running.stop()
    assert f"KB_SEARCH_FLAVOUR={flavour} but the server at {running.url} is {found}" in caplog.text


def test_a_server_of_the_right_product_goes_unremarked(opensearch, caplog):
    engine = engine_at(opensearch.url)
    with caplog.at_level(logging.WARNING, logger="search.engines.es.flavours"):
        confirm(engine.flavour, engine.client, opensearch.url)
    assert caplog.text == ""
