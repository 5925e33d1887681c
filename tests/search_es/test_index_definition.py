"""The index settings and mapping, as the JSON Elasticsearch or OpenSearch receives, and the document of a record."""

import datetime

import pytest

from search.analysis import ELISIONS, STOP_WORDS, analyze
from search.engines.database import analysed_text
from search.engines.es.flavours import FLAVOURS
from search.engines.es.mapping import index_definition, record_document
from search.query import MAX_RESULT_WINDOW
from search.records import AttachmentPage, Record

RULES = [(1, ["SCOP", "société coopérative et participative"]), (2, ["IAE", "insertion par l'activité économique"])]


def definition(flavour):
    synonyms = FLAVOURS[flavour].synonyms_filter("kb-records-synonyms", RULES)
    return index_definition("kb-records-v1", synonyms, shards=3, replicas=1).to_dict()


@pytest.fixture(scope="module")
def body():
    return definition("elasticsearch")


@pytest.fixture(scope="module")
def analysis(body):
    return body["settings"]["analysis"]


@pytest.fixture(scope="module")
def properties(body):
    return body["mappings"]["properties"]


def chain(analysis, name):
    definition = analysis["analyzer"][name]
    return definition["tokenizer"], definition.get("char_filter", []), definition.get("filter", [])


def test_the_french_analyzer_is_elision_lowercase_asciifolding_french_stop_words_light_french_stemmer(analysis):
    tokenizer, char_filters, filters = chain(analysis, "kb_french")
    assert tokenizer == "standard"
    assert char_filters == ["kb_apostrophes"]
    assert filters == ["kb_elision", "lowercase", "asciifolding", "kb_french_stop", "kb_french_stemmer"]
    assert analysis["filter"]["kb_french_stemmer"] == {"type": "stemmer", "language": "light_french"}


def test_elision_removes_the_french_articles_whatever_their_case(analysis):
    elision = analysis["filter"]["kb_elision"]
    assert elision == {"type": "elision", "articles": sorted(ELISIONS), "articles_case": True}
    assert {"l", "d", "qu", "jusqu"} <= set(elision["articles"])


def test_the_stop_words_are_the_french_list_folded_as_the_database_engine_folds_it(analysis):
    stop = analysis["filter"]["kb_french_stop"]
    assert stop["type"] == "stop"
    assert stop["stopwords"] == sorted(STOP_WORDS)
    assert {"ete", "meme", "etaient"} <= set(stop["stopwords"])  # "été", "même": folded, since asciifolding runs first


def test_typographic_apostrophes_become_plain_ones_before_elision(analysis):
    assert analysis["char_filter"]["kb_apostrophes"] == {
        "type": "mapping",
        "mappings": ["’ => '", "‘ => '", "` => '", "ʼ => '"],
    }


def test_the_synonyms_apply_at_search_time_from_an_updateable_synonyms_set(analysis, properties):
    assert analysis["filter"]["kb_synonyms"] == {
        "type": "synonym_graph",
        "synonyms_set": "kb-records-synonyms",
        "updateable": True,
    }
    _tokenizer, _chars, filters = chain(analysis, "kb_french_synonyms")
    assert filters == ["kb_elision", "lowercase", "asciifolding", "kb_synonyms", "kb_french_stop", "kb_french_stemmer"]
    for field in ("title", "abstract", "body", "keywords", "authors"):
        assert properties[field] == {
            **properties[field],
            "analyzer": "kb_french",
            "search_analyzer": "kb_french_synonyms",
        }
    # An updateable filter may only sit in a search analyzer: no field indexes with it.
    indexing = [p.get("analyzer") for p in properties.values()]
    assert "kb_french_synonyms" not in indexing


def test_opensearch_holds_the_synonyms_inline_in_the_same_place_of_the_same_chain(body):
    opensearch = definition("opensearch")
    assert opensearch["settings"]["analysis"]["filter"]["kb_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["SCOP, société coopérative et participative", "IAE, insertion par l'activité économique"],
    }
    assert chain(opensearch["settings"]["analysis"], "kb_french_synonyms") == chain(
        body["settings"]["analysis"], "kb_french_synonyms"
    )


def test_both_flavours_receive_one_body_but_for_the_synonyms_filter():
    elasticsearch, opensearch = definition("elasticsearch"), definition("opensearch")
    for flavour_body in (elasticsearch, opensearch):
        del flavour_body["settings"]["analysis"]["filter"]["kb_synonyms"]
    assert opensearch == elasticsearch


def test_the_token_fields_take_the_database_engines_tokens_as_they_are(analysis, properties):
    assert analysis["analyzer"]["kb_tokens"] == {"type": "custom", "tokenizer": "whitespace"}
    assert properties["tokens"]["properties"] == {
        name: {"type": "text", "analyzer": "kb_tokens"} for name in ("title", "abstract", "body")
    }
    assert properties["attachments"]["properties"]["tokens"] == {"type": "text", "analyzer": "kb_tokens"}


def test_facets_filters_and_permissions_are_keywords(properties):
    for field in ("source", "kind", "poles", "territories", "territory_scope", "territory", "themes", "tags"):
        assert properties[field] == {"type": "keyword"}, field
    assert properties["access"] == {"type": "keyword"}
    assert properties["year"] == {"type": "keyword"}
    assert properties["date"] == {"type": "date", "format": "strict_date"}


def test_titles_have_search_as_you_type_for_autocomplete_and_shingles_for_suggestions(analysis, properties):
    subfields = properties["title"]["fields"]
    assert subfields["autocomplete"] == {"type": "search_as_you_type", "analyzer": "kb_words"}
    assert chain(analysis, "kb_words")[2] == ["kb_elision", "lowercase", "asciifolding"]
    assert subfields["shingles"] == {"type": "text", "analyzer": "kb_title_shingles"}
    assert chain(analysis, "kb_title_shingles")[2] == ["kb_elision", "lowercase", "kb_shingles"]
    assert analysis["filter"]["kb_shingles"] == {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 3}


def test_attachment_pages_are_nested_objects_that_know_their_document_and_page(properties):
    attachments = properties["attachments"]
    assert attachments["type"] == "nested"
    fields = attachments["properties"]
    assert fields["document_id"] == fields["page"] == fields["position"] == {"type": "integer"}
    assert fields["url"] == {"type": "keyword", "index": False}
    assert fields["text"]["analyzer"] == "kb_french"


def test_the_mapping_is_strict_and_keeps_the_tokens_out_of_the_stored_source(body):
    mappings = body["mappings"]
    assert mappings["dynamic"] == "strict"
    assert mappings["_source"] == {"excludes": ["tokens.*", "attachments.tokens"]}


def test_shards_replicas_and_the_result_window_come_from_the_settings(body):
    settings = body["settings"]
    assert (settings["number_of_shards"], settings["number_of_replicas"]) == (3, 1)
    assert settings["max_result_window"] == MAX_RESULT_WINDOW


RECORD = Record(
    source="page:7",
    kind="practice_exchange",
    title="L'économie sociale et solidaire à Rezé",
    url="/echanges/ess-reze/",
    date=datetime.date(2019, 6, 3),
    authors=["Camille Martin"],
    abstract="Des coopératives d'habitants.",
    keywords=["Habitat"],
    body="Les épiceries solidaires du quartier.",
    attachments=[
        AttachmentPage(document_id=4, title="Actes", url="/documents/4/actes.pdf", page=1, text="Sommaire."),
        AttachmentPage(document_id=4, title="Actes", url="/documents/4/actes.pdf", page=2, text="La gouvernance."),
    ],
    poles=["habitat-cooperatif"],
    territories=["44143"],
    territory_scope=["244400644", "44", "44143", "52"],
    themes=["se-loger"],
    tags=["scic"],
    access="groups:3",
)


def test_a_records_document_holds_the_tokens_the_database_engine_indexes():
    document = record_document(RECORD)
    title, abstract, body, _attachments = analysed_text(RECORD)
    assert document["tokens"] == {"title": title, "abstract": abstract, "body": body}
    assert document["tokens"]["title"] == "econom social solidair reze"
    assert [page["tokens"] for page in document["attachments"]] == [
        " ".join(analyze(p.text)) for p in RECORD.attachments
    ]


def test_a_records_document_counts_under_every_territory_and_its_year():
    document = record_document(RECORD)
    assert document["territory"] == ["244400644", "44", "44143", "52"]
    assert document["year"] == "2019"
    assert document["date"] == "2019-06-03"
    assert document["access"] == "groups:3"


def test_a_records_document_carries_the_record_and_its_fingerprint():
    document = record_document(RECORD)
    assert {key: document[key] for key in RECORD.as_json() if key != "attachments"} == {
        key: value for key, value in RECORD.as_json().items() if key != "attachments"
    }
    assert [page["position"] for page in document["attachments"]] == [0, 1]
    assert document["fingerprint"] == RECORD.fingerprint()


def test_every_field_of_a_document_is_in_the_strict_mapping(properties):
    document = record_document(RECORD)
    assert set(document) <= set(properties)
    assert set(document["attachments"][0]) <= set(properties["attachments"]["properties"])
    assert set(document["tokens"]) <= set(properties["tokens"]["properties"])


def test_a_record_without_a_date_has_no_year():
    document = record_document(Record(source="document:1", kind="document", title="Sans date", url="/d/1/"))
    assert document["date"] is None and document["year"] is None
