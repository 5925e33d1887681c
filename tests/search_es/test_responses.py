"""Answers of Elasticsearch, shaped as its reference documents them, read into the service's EngineResult.

Each answer is wrapped in the DSL's own Response, around the very Search the engine would send.
"""

import pytest
from elasticsearch.dsl.response import Response

from search.engines.es.queries import (
    MARK_END,
    MARK_START,
    access_keys,
    access_keys_search,
    autocomplete_rows,
    autocomplete_search,
    records_search,
    result,
)
from search.query import FACETS, SearchRequest, parse_query
from search.records import Record

PDF = "/documents/4/actes-du-colloque.pdf"


def marked(word):
    return f"{MARK_START}{word}{MARK_END}"


def source(**fields):
    record = Record(
        source=fields.pop("source", "page:12"),
        kind="practice_exchange",
        title=fields.pop("title", "Bénévolat et gouvernance"),
        url="/echanges/benevolat/",
    )
    data = {**record.as_json(), **fields}
    return {**data, "year": None, "territory": data["territory_scope"], "fingerprint": "0" * 40}


def hit(_source, highlight=None, pages=(), score=7.5):
    """One hit as the search API returns it: _index, _id, _score, _source, highlight, inner_hits."""
    answer = {"_index": "kb-records-v20261124225800000000", "_id": _source["source"], "_score": score}
    answer["_source"] = _source
    if highlight:
        answer["highlight"] = highlight
    answer["inner_hits"] = {
        "pages": {
            "hits": {
                "total": {"value": len(pages), "relation": "eq"},
                "max_score": None,
                "hits": [
                    {
                        "_index": answer["_index"],
                        "_id": answer["_id"],
                        "_nested": {"field": "attachments", "offset": page["position"]},
                        "_score": None,
                        "_source": page,
                        "highlight": {"attachments.text": [fragment]},
                        "sort": [page["position"]],
                    }
                    for page, fragment in pages
                ],
            }
        }
    }
    return answer


def aggregations(counts=None):
    """Each facet: a filter aggregation holding a terms aggregation named "values"."""
    counts = counts or {}
    return {
        facet: {
            "doc_count": sum(counts.get(facet, {}).values()),
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": key, "doc_count": n} for key, n in counts.get(facet, {}).items()],
            },
        }
        for facet in FACETS
    }


def answer(hits, total=None, counts=None, suggest=None):
    body = {
        "took": 12,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": len(hits) if total is None else total, "relation": "eq"},
            "max_score": max((h["_score"] for h in hits), default=None),
            "hits": hits,
        },
        "aggregations": aggregations(counts),
    }
    if suggest is not None:
        body["suggest"] = suggest
    return body


def read(q, body, **request):
    search_request = SearchRequest(q=q, **request)
    parsed = parse_query(q)
    return result(Response(records_search(search_request, parsed, ["public"]), body), parsed)


def test_the_total_is_the_hits_total_and_hits_keep_their_order_and_score():
    first, second = source(source="page:1"), source(source="page:2")
    engine_result = read("gouvernance", answer([hit(first, score=9.0), hit(second, score=3.0)], total=57))
    assert engine_result.total == 57
    assert [(h.record["source"], h.score) for h in engine_result.hits] == [("page:1", 9.0), ("page:2", 3.0)]


def test_a_hit_gives_the_record_as_the_database_engine_stores_it():
    stored = source(
        poles=["habitat-cooperatif"],
        territories=["44109"],
        territory_scope=["244400404", "44", "44109", "52"],
        attachments=[{"position": 0, "document_id": 4, "title": "Actes", "url": PDF, "page": 1}],
    )
    (engine_hit,) = read("gouvernance", answer([hit(stored)])).hits
    assert set(engine_hit.record) == set(Record(source="", kind="", title="", url="").as_json())
    assert engine_hit.record["territories"] == ["44109"]
    assert engine_hit.record["attachments"] == [{"document_id": 4, "title": "Actes", "url": PDF, "page": 1, "text": ""}]


def test_a_hit_sorted_by_date_has_no_score():
    stored = hit(source(), score=None)
    stored["sort"] = [1559520000000, "page:12"]
    (engine_hit,) = read("gouvernance", answer([stored]), sort="newest").hits
    assert engine_hit.score == 0.0


def test_a_title_match_is_marked_in_the_whole_title():
    highlight = {"title": [f"Bénévolat et {marked('gouvernance')}"]}
    (engine_hit,) = read("gouvernance", answer([hit(source(), highlight)])).hits
    assert [(s.field, s.html) for s in engine_hit.snippets] == [("title", "Bénévolat et <mark>gouvernance</mark>")]


def test_each_field_that_matched_gives_its_snippet_title_first():
    stored = source(abstract="Une étude du bénévolat associatif.", body="Des bénévoles.")
    highlight = {
        "body": [f"Des {marked('bénévoles')}."],
        "title": [f"{marked('Bénévolat')} et gouvernance"],
        "abstract": [f"Une étude du {marked('bénévolat')} associatif."],
    }
    (engine_hit,) = read("bénévolat", answer([hit(stored, highlight)])).hits
    assert [s.field for s in engine_hit.snippets] == ["title", "abstract", "body"]
    assert engine_hit.snippets[1].html == "Une étude du <mark>bénévolat</mark> associatif."


def test_a_snippet_escapes_the_markup_of_the_source_as_the_database_engine_does():
    text = "<b>Permaculture</b> & jardins <script>x</script>"
    highlight = {"abstract": [f"<b>{marked('Permaculture')}</b> & jardins <script>x</script>"]}
    (engine_hit,) = read("permaculture", answer([hit(source(abstract=text), highlight)])).hits
    html = engine_hit.snippets[0].html
    assert html == "&lt;b&gt;<mark>Permaculture</mark>&lt;/b&gt; &amp; jardins &lt;script&gt;x&lt;/script&gt;"


def test_a_fragment_cut_from_a_longer_text_says_so():
    body = "Premier paragraphe sur autre chose.\n\nLes coopératives de quartier comptent sur leurs bénévoles. Suite."
    highlight = {"body": [f"Les {marked('coopératives')} de quartier comptent sur leurs bénévoles."]}
    (engine_hit,) = read("coopérative", answer([hit(source(body=body), highlight)])).hits
    assert engine_hit.snippets[0].html == "… Les <mark>coopératives</mark> de quartier comptent sur leurs bénévoles. …"


def test_a_matching_pdf_page_gives_its_page_number_and_a_link_to_that_page():
    page = {
        "position": 1,
        "document_id": 4,
        "title": "Actes",
        "url": PDF,
        "page": 2,
        "text": "Deuxième partie : la gouvernance partagée des tiers-lieux.",
    }
    fragment = f"Deuxième partie : la {marked('gouvernance')} {marked('partagée')} des tiers-lieux."
    (engine_hit,) = read('"gouvernance partagée"', answer([hit(source(), pages=[(page, fragment)])])).hits
    (attachment,) = [s for s in engine_hit.snippets if s.field == "attachment"]
    assert (attachment.page, attachment.url) == (2, f"{PDF}#page=2")
    assert "<mark>gouvernance</mark> <mark>partagée</mark>" in attachment.html


def test_several_matching_pages_give_one_snippet_each_up_to_the_limit():
    pages = [
        (
            {"position": n, "document_id": 4, "title": "Actes", "url": PDF, "page": n + 1, "text": "Une partie."},
            f"Une {marked('partie')}.",
        )
        for n in range(6)
    ]
    (engine_hit,) = read("partie", answer([hit(source(), pages=pages)])).hits
    assert [s.page for s in engine_hit.snippets] == [1, 2, 3, 4]


def test_a_hit_whose_only_match_is_its_title_also_shows_its_abstract():
    stored = source(abstract="Une étude du bénévolat associatif.")
    highlight = {"title": [f"Bénévolat et {marked('gouvernance')}"]}
    (engine_hit,) = read("gouvernance", answer([hit(stored, highlight)])).hits
    assert [(s.field, s.html) for s in engine_hit.snippets] == [
        ("title", "Bénévolat et <mark>gouvernance</mark>"),
        ("abstract", "Une étude du bénévolat associatif."),
    ]


def test_without_a_query_the_service_builds_the_snippets_itself():
    (engine_hit,) = read("", answer([hit(source(abstract="Un résumé."))])).hits
    assert engine_hit.snippets is None


def test_facet_counts_come_from_each_facets_filtered_terms_buckets():
    counts = {
        "kind": {"practice_exchange": 3, "document": 1},
        "territory": {"52": 4, "44": 3, "44109": 2},
        "year": {"2019": 2, "2004": 1},
    }
    engine_result = read("habitat", answer([], total=0, counts=counts), filters={"kind": ["document"]})
    assert engine_result.facet_counts == {
        "kind": {"practice_exchange": 3, "document": 1},
        "pole": {},
        "territory": {"52": 4, "44": 3, "44109": 2},
        "theme": {},
        "year": {"2019": 2, "2004": 1},
        "tag": {},
    }


def test_the_suggestion_is_the_best_collated_option():
    suggest = {
        "did_you_mean": [
            {
                "text": "coperative habitat",
                "offset": 0,
                "length": 18,
                "options": [
                    {"text": "coopérative habitat", "highlighted": "", "score": 0.41},
                    {"text": "cooperative habitat", "highlighted": "", "score": 0.12},
                ],
            }
        ]
    }
    assert read("coperative habitat", answer([], suggest=suggest)).suggestion == "coopérative habitat"


def test_no_option_no_suggestion():
    suggest = {"did_you_mean": [{"text": "habitat", "offset": 0, "length": 7, "options": []}]}
    assert read("habitat", answer([], suggest=suggest)).suggestion == ""
    assert read("habitat", answer([])).suggestion == ""


def test_autocomplete_rows_are_title_url_and_kind():
    body = answer(
        [
            {
                "_index": "kb-records-v1",
                "_id": "page:3",
                "_score": 2.1,
                "_source": {"title": "Économie de la fonctionnalité", "url": "/e/", "kind": "practice_exchange"},
            }
        ]
    )
    del body["aggregations"]
    rows = autocomplete_rows(Response(autocomplete_search(["econ"], ["public"], 8), body))
    assert rows == [("Économie de la fonctionnalité", "/e/", "practice_exchange")]


@pytest.mark.parametrize("keys", [["public"], ["groups:3", "login", "public"]])
def test_the_access_keys_are_the_buckets_of_the_access_terms(keys):
    body = {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 9, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {
            "access": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": key, "doc_count": 3} for key in keys],
            }
        },
    }
    assert access_keys(Response(access_keys_search(), body)) == keys
