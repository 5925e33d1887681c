"""The index variant on the server's own analysis: what an Elasticsearch without its optional modules accepts.

Elasticsearch's integration-test distribution holds the standard tokenizer and the lowercase, stop
and shingle filters, no more (test_live_elasticsearch.py shows it refusing the rest).
"""

import json

import pytest

from search.engines.es.flavours import FLAVOURS, ElasticsearchFlavour, ElasticsearchServerAnalysisFlavour
from search.engines.es.mapping import index_body
from search.engines.es.queries import records_search
from search.query import SearchRequest, parse_query

SERVER_FILTERS = {"lowercase", "stop", "shingle"}
RULES = [(1, ["SCOP", "société coopérative"])]


@pytest.fixture(scope="module")
def full():
    return index_body("kb-records-v1", FLAVOURS["elasticsearch"].synonyms_filter("kb-records-synonyms", RULES))


@pytest.fixture(scope="module")
def server():
    flavour = ElasticsearchServerAnalysisFlavour()
    synonyms = flavour.synonyms_filter("kb-records-synonyms", RULES)
    return index_body("kb-records-v1", synonyms, analysis=flavour.analysis)


def test_every_analyzer_and_normalizer_keeps_its_name_so_that_mapping_and_queries_stay_the_same(full, server):
    for kind in ("analyzer", "normalizer"):
        assert server["settings"]["analysis"][kind].keys() == full["settings"]["analysis"][kind].keys()


def test_only_the_servers_own_tokenizer_and_filters_are_named(server):
    analysis = server["settings"]["analysis"]
    assert "char_filter" not in analysis and "tokenizer" not in analysis
    defined = {name: definition["type"] for name, definition in analysis["filter"].items()}
    assert set(defined.values()) <= SERVER_FILTERS
    for definition in [*analysis["analyzer"].values(), *analysis["normalizer"].values()]:
        assert definition.get("tokenizer", "standard") == "standard"
        assert {defined.get(name, name) for name in definition.get("filter", [])} <= SERVER_FILTERS


def test_the_mapping_is_the_full_ones_but_for_the_autocomplete_field(full, server):
    autocomplete = server["mappings"]["properties"]["title"]["fields"].pop("autocomplete")
    assert autocomplete == {"type": "text", "analyzer": "kb_words"}
    assert full["mappings"]["properties"]["title"]["fields"].pop("autocomplete")["type"] == "search_as_you_type"
    assert server["mappings"] == full["mappings"]
    assert "search_as_you_type" not in json.dumps(server)


def test_searches_ask_for_no_correction_and_no_synonyms_set_is_sent(monkeypatch):
    flavour = ElasticsearchServerAnalysisFlavour()
    bodies = []
    monkeypatch.setattr(ElasticsearchFlavour, "search", lambda self, client, index, body, timeout: bodies.append(body))
    body = records_search(SearchRequest(q="habitat"), parse_query("habitat"), {"public"}).to_dict()
    assert "suggest" in body
    flavour.search(None, "kb-records", body, 1.0)
    assert "suggest" not in bodies[0] and bodies[0]["query"] == body["query"]
    flavour.put_synonyms(None, "kb-records-synonyms", RULES)  # no client: any request would fail
