"""oai_dc from a record's CSL-JSON item: what BASE, Isidore or HAL read of each field."""

import pytest

from oai import dublincore

PAPER = {
    "source": "page:12",
    "kind": "research_paper",
    "title": "Les coopératives d'habitants",
    "url": "/recherche/cooperatives/",
    "date": "2024-05-02",
    "authors": ["Awa Diallo"],
    "keywords": ["Habitat"],
    "poles": [],
    "themes": [],
    "territories": [],
    "citation": {
        "type": "article-journal",
        "title": "Les coopératives d'habitants en Loire-Atlantique",
        "author": [
            {"family": "Diallo", "given": "Awa", "ORCID": "https://orcid.org/0000-0002-1825-0097"},
            {"literal": "Réseau des SCIC"},
        ],
        "issued": {"date-parts": [[2024, 5]]},
        "container-title": "RECMA",
        "volume": "12",
        "issue": "3",
        "page": "45-60",
        "DOI": "10.3917/recma.371.0045",
        "language": "fr",
        "keyword": "habitat participatif, coopérative",
        "abstract": "Une enquête auprès de douze coopératives.",
        "publisher": "Éditions de l'ESS",
        "custom": {"kind": "research_paper", "pdf_url": "/documents/7/article.pdf", "hal_id": "hal-01234567"},
    },
}


@pytest.fixture
def paper(db):
    return dublincore.values(dublincore.describe(PAPER), "https://ess-nantes.example/oai/")


def test_the_csl_item_is_read_before_the_record(paper):
    assert paper["title"] == ["Les coopératives d'habitants en Loire-Atlantique"]
    assert paper["creator"] == ["Diallo, Awa", "Réseau des SCIC"]
    assert paper["date"] == ["2024-05"]
    assert paper["description"] == ["Une enquête auprès de douze coopératives."]
    assert paper["subject"] == ["habitat participatif", "coopérative"]


def test_addresses_are_absolute_and_identifiers_resolvable(paper):
    assert paper["identifier"] == [
        "https://ess-nantes.example/recherche/cooperatives/",
        "https://doi.org/10.3917/recma.371.0045",
        "https://hal.science/hal-01234567",
    ]
    assert paper["relation"] == ["https://ess-nantes.example/documents/7/article.pdf"]


def test_type_source_language_and_access(paper):
    assert paper["type"] == ["info:eu-repo/semantics/article", "travail de recherche"]
    assert paper["source"] == ["RECMA, vol. 12, n° 3, p. 45-60"]
    assert paper["language"] == ["fr"]
    assert paper["publisher"] == ["Éditions de l'ESS"]
    assert paper["rights"] == ["info:eu-repo/semantics/openAccess"]


@pytest.mark.parametrize(
    ("csl_type", "genre", "kind", "expected"),
    [
        ("thesis", "Thèse de doctorat", "research_paper", "doctoralThesis"),
        ("thesis", "Mémoire", "research_paper", "masterThesis"),
        ("report", "Document de travail", "research_paper", "workingPaper"),
        ("chapter", "", "research_paper", "bookPart"),
        ("event", "Journée d'étude", "study_day", "conferenceObject"),
        ("webpage", "Cours du DU ESS", "course", "lecture"),
        ("post-weblog", "Note de pôle", "pole_note", "other"),
    ],
)
def test_each_kind_has_its_eu_repo_type(csl_type, genre, kind, expected):
    assert dublincore.eu_repo_type({"type": csl_type, "genre": genre}, kind) == expected


def test_a_record_without_csl_item_falls_back_on_its_own_fields(db):
    bare = {key: value for key, value in PAPER.items() if key != "citation"}
    dc = dublincore.values(dublincore.describe(bare), "https://ess-nantes.example/oai/")
    assert dc["title"] == ["Les coopératives d'habitants"]
    assert dc["creator"] == ["Awa Diallo"]
    assert dc["date"] == ["2024-05-02"]
    assert dc["subject"] == ["Habitat"]


def test_characters_xml_forbids_are_dropped_not_fatal(db):
    dirty = {**PAPER, "citation": {**PAPER["citation"], "title": "Texte\x0c copié\x00 d'un PDF"}}
    element = dublincore.element(dublincore.describe(dirty), "https://ess-nantes.example/oai/")
    assert element.findtext("{http://purl.org/dc/elements/1.1/}title") == "Texte copié d'un PDF"
