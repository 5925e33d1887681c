"""The bodies the engine sends for the contract cases, as Elasticsearch receives them (the DSL's to_dict())."""

import re

import pytest

from search.engines.es.queries import (
    access_keys_search,
    autocomplete_search,
    count_search,
    records_search,
)
from search.query import FACETS, MAX_RESULT_WINDOW, SearchRequest, analyse_synonyms, parse_query

ALLOWED = ["login", "public"]
SYNONYMS = analyse_synonyms(
    [["ESS", "économie sociale et solidaire"], ["SCOP", "société coopérative et participative"]]
)
WEIGHTED = ["tokens.title^3", "tokens.abstract^2", "tokens.body^1"]


def body(q="", allowed=ALLOWED, **request):
    search_request = SearchRequest(q=q, **request)
    return records_search(search_request, parse_query(q, SYNONYMS), allowed).to_dict()


def match(text, fields=WEIGHTED):
    return {
        "multi_match": {
            "query": text,
            "fields": fields,
            "type": "phrase",
            "analyzer": "kb_tokens",
            "tie_breaker": 1.0,
        }
    }


def text_clauses(sent):
    return sent["query"]["bool"]["must"][0]["bool"]


def test_a_word_is_its_analysed_token_on_the_weighted_fields_and_the_attachment_pages():
    clauses = text_clauses(body("Coopératives"))
    assert clauses["minimum_should_match"] == 1
    weighted, pages = clauses["should"]
    assert weighted == match("coperatif")
    assert pages["nested"]["path"] == "attachments"
    assert pages["nested"]["score_mode"] == "max"
    assert pages["nested"]["boost"] == 0.5
    assert pages["nested"]["query"] == {"bool": {"should": [match("coperatif", ["attachments.tokens"])]}}


def test_a_question_sends_its_content_words_and_its_auxiliary_verbs_weighed_down():
    clauses = text_clauses(body("Comment peut-on déclarer une association ?"))["should"]
    assert clauses[:3] == [{"bool": {"should": [match("peut")], "boost": 0.3}}, match("declar"), match("asoci")]


def test_ties_in_relevance_read_by_date_then_title_not_by_the_order_records_were_written():
    assert body("habitat")["sort"] == [
        "_score",
        {"date": {"order": "desc", "missing": "_last"}},
        {"title.sort": "asc"},
        {"source": "asc"},
    ]


def test_several_words_are_clauses_that_add_up_and_none_is_required():
    clauses = text_clauses(body("tontine microcrédit banlieue"))
    assert clauses["should"][:3] == [match("tontin"), match("microcredit"), match("banlieu")]
    assert clauses["minimum_should_match"] == 1


def test_a_quoted_phrase_is_a_phrase_of_tokens_elided_and_stop_words_dropped_as_the_database_engine_does():
    clauses = text_clauses(body('"le chantier d\'insertion"'))
    assert clauses["should"][0] == match("chanti insertion")


def test_an_acronym_matches_its_expansion_as_a_phrase_and_the_expansion_its_acronym():
    acronym = text_clauses(body("ESS"))["should"][0]
    expansion = text_clauses(body("économie sociale et solidaire"))["should"][0]
    assert acronym == expansion == {"bool": {"should": [match("ess"), match("econom social solidair")]}}


def test_an_excluded_word_is_excluded_from_every_field_and_every_page():
    sent = body("habitat -colocation")
    (excluded,) = sent["query"]["bool"]["must_not"]
    weighted, pages = excluded["bool"]["should"]
    assert weighted == match("coloc", ["tokens.title", "tokens.abstract", "tokens.body"])
    assert pages["nested"]["query"]["bool"]["should"] == [match("coloc", ["attachments.tokens"])]
    assert "inner_hits" not in pages["nested"]


def test_every_search_filters_on_the_access_keys_the_viewer_may_open():
    for sent in (body("habitat"), body(), body(filters={"pole": ["habitat"]})):
        assert sent["query"]["bool"]["filter"] == [{"terms": {"access": ALLOWED}}]


def test_filters_apply_to_hits_in_post_filter_and_each_facet_counts_within_the_other_filters():
    sent = body("habitat", filters={"pole": ["habitat", "emploi"], "territory": ["44"], "year": ["2019"]})
    assert sent["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"poles": ["habitat", "emploi"]}},
                {"terms": {"territory": ["44"]}},
                {"terms": {"year": ["2019"]}},
            ]
        }
    }
    aggs = sent["aggs"]
    assert list(aggs) == list(FACETS)
    assert aggs["pole"]["filter"] == {
        "bool": {"filter": [{"terms": {"territory": ["44"]}}, {"terms": {"year": ["2019"]}}]}
    }
    assert aggs["territory"]["filter"] == {
        "bool": {"filter": [{"terms": {"poles": ["habitat", "emploi"]}}, {"terms": {"year": ["2019"]}}]}
    }
    assert len(aggs["kind"]["filter"]["bool"]["filter"]) == 3


def test_facets_count_keyword_values_and_years_in_buckets():
    aggs = body("habitat")["aggs"]
    assert aggs["kind"] == {"filter": {"match_all": {}}, "aggs": {"values": {"terms": {"field": "kind", "size": 100}}}}
    fields = {facet: aggs[facet]["aggs"]["values"]["terms"]["field"] for facet in FACETS}
    assert fields == {
        "kind": "kind",
        "pole": "poles",
        "territory": "territory",
        "theme": "themes",
        "year": "year",
        "tag": "tags",
    }
    assert sum(aggs[facet]["aggs"]["values"]["terms"]["size"] for facet in FACETS) <= 65_536


def test_the_three_sort_orders_break_ties_by_title():
    by_title = [{"title.sort": "asc"}, {"source": "asc"}]
    assert body("habitat", sort="newest")["sort"] == [{"date": {"order": "desc", "missing": "_last"}}, *by_title]
    assert body("habitat", sort="oldest")["sort"] == [{"date": {"order": "asc", "missing": "_last"}}, *by_title]


def test_filters_without_a_query_sort_newest_first_and_match_everything_the_viewer_may_open():
    sent = body(filters={"pole": ["habitat"]})
    assert sent["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert sent["query"] == {"bool": {"filter": [{"terms": {"access": ALLOWED}}]}}
    assert "highlight" not in sent and "suggest" not in sent


def test_pages_are_windows_of_hits_with_an_exact_total():
    sent = body("habitat", page=3, page_size=20)
    assert (sent["from"], sent["size"]) == (40, 20)
    assert sent["track_total_hits"] is True


def test_deep_pages_stay_under_max_result_window():
    sent = body("habitat", page=500, page_size=25)
    assert sent["from"] + sent["size"] <= MAX_RESULT_WINDOW
    beyond = body("habitat", page=10**6, page_size=100)
    assert beyond["from"] + beyond["size"] <= MAX_RESULT_WINDOW


def test_highlights_mark_the_query_tokens_in_title_abstract_and_body():
    highlight = body("coopératives d'habitants")["highlight"]
    assert highlight["type"] == "unified"
    assert highlight["encoder"] == "default"  # the engine escapes the text itself, as the database engine does
    assert highlight["fragment_size"] == 180
    assert highlight["fields"] == {
        "title": {"highlight_query": {"terms": {"title": ["coperatif", "habitant"]}}, "number_of_fragments": 0},
        "abstract": {"highlight_query": {"terms": {"abstract": ["coperatif", "habitant"]}}, "number_of_fragments": 1},
        "body": {"highlight_query": {"terms": {"body": ["coperatif", "habitant"]}}, "number_of_fragments": 1},
    }


def test_matching_pages_come_back_as_inner_hits_in_page_order_with_their_highlight():
    pages = text_clauses(body("gouvernance"))["should"][-1]["nested"]["inner_hits"]
    assert pages["name"] == "pages"
    assert pages["size"] == 4
    assert pages["sort"] == [{"attachments.position": "asc"}]
    assert pages["highlight"]["fields"]["attachments.text"]["highlight_query"] == {
        "terms": {"attachments.text": ["gouvernanc"]}
    }


def test_hits_leave_the_text_of_attachment_pages_out_of_the_source():
    assert body("habitat")["_source"] == {"excludes": ["attachments.text"]}


def test_a_query_asks_the_phrase_suggester_for_a_correction_the_viewer_may_use():
    suggest = body("coperative", allowed=["public"])["suggest"]["did_you_mean"]
    assert suggest["text"] == "coperative"
    phrase = suggest["phrase"]
    assert phrase["field"] == "title.shingles"
    assert phrase["direct_generator"] == [{"field": "title.shingles", "suggest_mode": "always", "min_word_length": 4}]
    collate = phrase["collate"]
    assert collate["prune"] is False
    assert collate["query"]["source"]["bool"]["filter"] == {"terms": {"access": ["public"]}}
    assert collate["query"]["source"]["bool"]["must"]["multi_match"]["query"] == "{{suggestion}}"


def test_autocomplete_asks_for_titles_with_every_word_the_last_as_a_prefix_the_viewer_may_open():
    sent = autocomplete_search(["jardins", "part"], ["public"], 8).to_dict()
    assert sent["query"] == {
        "bool": {
            "must": [
                {
                    "multi_match": {
                        "query": "jardins part",
                        "type": "bool_prefix",
                        "operator": "and",
                        "fields": ["title.autocomplete", "title.autocomplete._2gram", "title.autocomplete._3gram"],
                    }
                }
            ],
            "filter": [{"terms": {"access": ["public"]}}],
        }
    }
    assert sent["size"] == 8
    assert sent["_source"] == ["title", "url", "kind"]
    assert sent["sort"] == ["_score", {"date": {"order": "desc", "missing": "_last"}}]


def test_the_bare_count_for_the_benchmark_is_the_text_query_alone():
    sent = count_search(parse_query("habitat")).to_dict()
    assert sent["size"] == 0 and sent["track_total_hits"] is True
    assert "filter" not in sent["query"]["bool"]


def test_the_access_keys_are_the_terms_of_the_access_field():
    assert access_keys_search().to_dict() == {
        "aggs": {"access": {"terms": {"field": "access", "size": 10_000}}},
        "size": 0,
    }


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Économie", "economie"),
        ("ÉCONOMIE", "économie"),
        ("l'habitat", "habitat"),
        ("d’insertion", "insertion"),
        ("coopératives", "coopérative"),
        ("solidaires", "solidaire"),
        ("associative", "associatif"),
        ("énergies", "energie"),
    ],
)
def test_french_forms_send_the_same_query_as_on_the_database_engine(written, typed):
    assert body(written)["query"] == body(typed)["query"]


def test_engine_syntax_and_sql_reach_elasticsearch_as_plain_tokens_only():
    sent = body('NOT "habitat AND (coop* OR scic^2)" ; DROP TABLE x -- 50%_')
    queries = [clause for clause in text_clauses(sent)["should"] if "multi_match" in clause]
    assert len(queries) >= 4
    for clause in queries:
        assert re.fullmatch(r"[0-9a-z ]+", clause["multi_match"]["query"])
