"""On a live Elasticsearch 9 node: the cluster engine through the official client, as far as the node can host it.

Runs when KB_TEST_ELASTICSEARCH_URL names the node `make cluster-es` starts (Elasticsearch's
integration-test distribution, the only build Maven Central publishes); each test works behind an
alias of its own and drops it afterwards. That distribution is the server without its optional
modules (analysis-common, mapper-extras, reindex, lang-mustache, painless): the engine builds the
index on the server's own analysis (es.flavours.ElasticsearchServerAnalysisFlavour), and the tests
pin what the server answers to the full French index and to the synonyms-set API.
"""

import logging
import os
import threading
import time
import uuid
from collections import Counter

import elasticsearch
import pytest

from search import service
from search.access import Viewer
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es.client import ClientConfig
from search.engines.es.flavours import FLAVOURS, ElasticsearchServerAnalysisFlavour, confirm
from search.engines.es.mapping import ELISION, FRENCH_STEMMER, index_body
from search.models import Synonym
from search.query import SearchRequest, parse_query
from search.records import AttachmentPage, Record

URL = os.environ.get("KB_TEST_ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not URL,
        reason="KB_TEST_ELASTICSEARCH_URL n'est pas défini : aucun nœud Elasticsearch (make cluster-es en démarre un)",
    ),
]
RECORDS = 300
POLES = ("habitat", "mobilite", "emploi")
THEMES = ("se-loger", "creer-des-emplois")
COMPATIBLE = "application/vnd.elasticsearch+json; compatible-with=8"


def live_engine():
    alias = f"kb-live-{uuid.uuid4().hex[:8]}"
    config = ClientConfig(url=URL, flavour="elasticsearch", index=alias, timeout=5.0)
    return ElasticsearchEngine(config, retry_after=0, flavour=ElasticsearchServerAnalysisFlavour())


@pytest.fixture
def engine():
    engine = live_engine()
    yield engine
    # Deleting by wildcard is refused (action.destructive_requires_name): the versions by name.
    versions = list(engine.writer.indices.get(index=f"{engine.alias}-v*", expand_wildcards="all"))
    if versions:
        engine.writer.indices.delete(index=",".join(versions))


def ressourceries(count=RECORDS):
    return [
        Record(
            source=f"page:{n}",
            kind="practice_exchange",
            title=f"Une ressourcerie solidaire n° {n}",
            url=f"/r/{n}/",
            body="Un jardin partagé au pied de l'immeuble." if n % 10 == 0 else "Des objets réparés et revendus.",
            poles=[POLES[n % len(POLES)]],
            themes=[THEMES[n % len(THEMES)]],
        )
        for n in range(count)
    ]


def search(engine, q, **filters):
    return engine.search(SearchRequest(q=q, filters=filters), parse_query(q), Viewer())


def test_the_official_client_accepts_the_node_and_speaks_to_it_in_compatibility_mode(engine, monkeypatch, caplog):
    sent = []
    transport = engine.client.transport
    perform_request = transport.perform_request

    def recording(method, target, *, headers, **options):
        sent.append(headers.copy())
        return perform_request(method, target, headers=headers, **options)

    monkeypatch.setattr(transport, "perform_request", recording)
    answer = engine.client.cluster.health()
    assert answer.meta.headers["X-Elastic-Product"] == "Elasticsearch"
    assert sent[-1]["accept"] == COMPATIBLE
    assert answer.meta.headers["content-type"].replace(" ", "") == COMPATIBLE.replace(" ", "")
    ((node,),) = [engine.client.cat.nodes(h="version", format="json").body]
    assert node["version"].startswith("9.")
    # Without the rest-root module, GET / answers 405: the engine cannot read the server's name, and says nothing.
    with pytest.raises(elasticsearch.ApiError) as no_root:
        engine.client.info()
    assert no_root.value.meta.status == 405
    with caplog.at_level(logging.DEBUG, logger="search.engines.es.flavours"):
        confirm(engine.flavour, engine.client, URL)
    said = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "search.engines.es.flavours"]
    assert [level for level, _message in said] == [logging.DEBUG]
    assert "could not read the server's identity" in said[0][1]


def test_the_full_french_index_is_refused_for_want_of_analysis_common_and_mapper_extras(engine):
    full = index_body(f"{engine.alias}-vfull", FLAVOURS["elasticsearch"].synonyms_filter(f"{engine.alias}-syn", []))
    with pytest.raises(elasticsearch.BadRequestError) as refused:
        engine.writer.indices.create(index=f"{engine.alias}-vfull", body=full)
    assert refused.value.body["error"]["reason"] == "Unknown char_filter type [mapping] for [kb_apostrophes]"
    inline_synonyms = {"type": "synonym_graph", "synonyms": ["scop, société coopérative"]}
    for missing in (ELISION.get_definition(), "asciifolding", FRENCH_STEMMER.get_definition(), inline_synonyms):
        with pytest.raises(elasticsearch.BadRequestError):
            engine.writer.indices.analyze(body={"tokenizer": "standard", "filter": [missing], "text": "L'Économie"})
    with pytest.raises(elasticsearch.BadRequestError) as no_type:
        engine.writer.indices.create(
            index=f"{engine.alias}-vtype", body={"mappings": {"properties": {"t": {"type": "search_as_you_type"}}}}
        )
    reason = no_type.value.body["error"]["reason"]
    assert "mapper type [search_as_you_type] declared on field [t] does not exist" in reason


def test_the_engine_creates_the_server_analysis_variant_behind_its_alias(engine):
    engine.index(ressourceries(3))
    (version,) = engine.versions.current()
    title = engine.writer.indices.get_mapping(index=version)[version]["mappings"]["properties"]["title"]
    assert title["fields"]["autocomplete"] == {"type": "text", "analyzer": "kb_words"}

    def tokens(analyzer, text):
        answer = engine.writer.indices.analyze(index=engine.alias, analyzer=analyzer, text=text)
        return [token["token"] for token in answer["tokens"]]

    # The engine's tokens reach the index as search.analysis made them: matching is the database engine's.
    assert tokens("kb_tokens", "econom social solidair 2024") == ["econom", "social", "solidair", "2024"]
    # The readable text: lowercased, French stop words out; no elision, accent folding or stemming here.
    assert tokens("kb_french", "L'Économie des Jardins") == ["l'économie", "jardins"]


def test_a_bulk_of_several_hundred_records_is_all_searchable(engine):
    records = ressourceries()
    engine.index(records)
    assert engine.writer.count(index=engine.alias)["count"] == RECORDS
    assert engine.fingerprints() == {record.source: record.fingerprint(record.as_json()) for record in records}
    assert search(engine, "ressourcerie").total == RECORDS
    assert engine.autocomplete("ressourcerie sol", Viewer())[0][0].startswith("Une ressourcerie solidaire")


def test_a_rebuild_swaps_the_alias_while_every_search_answers_in_full(engine):
    records = ressourceries()
    engine.index(records)
    (before,) = engine.versions.current()
    outcomes, stop = [], threading.Event()

    def search_meanwhile():
        while not stop.is_set():
            try:
                outcomes.append(search(engine, "ressourcerie").total)
            except Exception as error:  # any failure counts as a failed search
                outcomes.append(error)

    reader = threading.Thread(target=search_meanwhile)
    reader.start()
    try:
        wait_for(lambda: len(outcomes) >= 3)
        rebuild = engine.begin_rebuild()
        started = len(outcomes)
        for start in range(0, RECORDS, 50):
            rebuild.index(records[start : start + 50])
        rebuild.finish()
        finished = len(outcomes)
        wait_for(lambda: len(outcomes) >= finished + 3)
    finally:
        stop.set()
        reader.join()

    (after,) = engine.versions.current()
    assert after == rebuild.rebuild.name != before
    assert not engine.writer.indices.exists(index=before)
    assert finished > started
    assert set(outcomes) == {RECORDS}


def wait_for(condition, seconds=30.0):
    ends = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < ends, "condition not met in time"
        time.sleep(0.05)


def test_facet_counts_ignore_their_own_filter_while_the_hits_obey_it(engine):
    records = ressourceries()
    engine.index(records)
    result = search(engine, "ressourcerie", pole=["habitat"])
    habitat = [record for record in records if "habitat" in record.poles]
    assert result.total == len(habitat)
    assert all(hit.record["poles"] == ["habitat"] for hit in result.hits)
    assert result.facet_counts["pole"] == dict(Counter(pole for record in records for pole in record.poles))
    assert result.facet_counts["theme"] == dict(Counter(theme for record in habitat for theme in record.themes))


def test_snippets_come_back_highlighted_from_the_fields_and_the_attached_pages(engine):
    report = Record(
        source="document:1",
        kind="document",
        title="Jardin des ressources",
        url="/documents/1/",
        attachments=[
            AttachmentPage(document_id=1, title="Compte rendu", url="/documents/1/", page=1, text="Sommaire."),
            AttachmentPage(document_id=1, title="Compte rendu", url="/documents/1/", page=3, text="Le jardin ouvre."),
        ],
    )
    engine.index([*ressourceries(20), report])
    result = search(engine, "jardin")
    assert result.total == 3
    snippets = {hit.record["source"]: hit.snippets for hit in result.hits}
    assert [(s.field, s.html) for s in snippets["page:10"]] == [
        ("body", "Un <mark>jardin</mark> partagé au pied de l&#x27;immeuble.")
    ]
    title, page = snippets["document:1"]
    assert (title.field, title.html) == ("title", "<mark>Jardin</mark> des ressources")
    assert (page.field, page.page, page.url) == ("attachment", 3, "/documents/1/#page=3")
    assert page.html == "Le <mark>jardin</mark> ouvre."


def test_a_search_asks_for_no_correction_the_node_could_not_keep_to_what_the_viewer_may_open(engine):
    engine.index(ressourceries(20))
    result = search(engine, "jardni")
    assert (result.total, result.suggestion) == (0, "")


def test_the_synonyms_set_api_answers_but_cannot_store_a_set_without_the_reindex_module(engine):
    synonyms_set = f"{engine.alias}-synonyms"
    with pytest.raises(elasticsearch.ApiError) as refused:
        FLAVOURS["elasticsearch"].put_synonyms(engine.writer, synonyms_set, [(1, ["ressourcerie", "recyclerie"])])
    assert refused.value.meta.status == 500
    # Replacing a set first deletes its rules by query, an action of the reindex module.
    reason = refused.value.body["error"]["reason"]
    assert reason == "failed to find action [indices:data/write/delete/byquery] to execute"
    with pytest.raises(elasticsearch.NotFoundError) as missing:
        engine.writer.synonyms.get_synonym(id=synonyms_set)
    assert missing.value.body["error"]["reason"] == f"synonyms set [{synonyms_set}] not found"


def test_synonyms_still_apply_through_the_service_and_a_change_needs_no_new_version(engine):
    engine.index(ressourceries(20))
    before = engine.versions.current()
    Synonym.objects.create(expressions="ressourcerie\nrecyclerie")
    engine.put_synonyms()
    assert engine.versions.current() == before
    assert service.search(SearchRequest(q="recyclerie"), engine=engine).total == 20
