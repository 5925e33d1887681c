"""The reference a reader copies: rendered by citeproc-py in the project's French author-date style."""

import json
import warnings

import citeproc
import pytest
from citeproc.source.json import CiteProcJSON
from lxml import etree

from citations.formats import get_format
from citations.render import STYLE_PATH, reference_html, reference_text
from tests.citations.test_formats import NASTY, every_kind, nasty_entry

ARTICLE = {
    "type": "article-journal",
    "title": "Les coopératives d'habitants",
    "author": [
        {"family": "Moreau", "given": "Claire", "ORCID": "https://orcid.org/0000-0002-9724-4962"},
        {"family": "Le Goff", "given": "Anne"},
    ],
    "issued": {"date-parts": [[2009, 4, 1]]},
    "container-title": "RECMA",
    "volume": "88",
    "issue": "312",
    "page": "58-73",
    "DOI": "10.3917/recma.312.0058",
    "URL": "https://ressources.example/travaux/cooperatives/",
    "custom": {"kind": "research_paper", "hal_id": "hal-01234567"},
}


def test_the_style_is_valid_csl():
    schema = etree.RelaxNG(etree.parse(citeproc.SCHEMA_PATH))
    assert schema.validate(etree.parse(str(STYLE_PATH))), schema.error_log
    assert "AGPL-3.0-or-later" in STYLE_PATH.read_text()


def test_an_article_reads_as_in_a_french_bibliography():
    assert reference_text(ARTICLE) == (
        "MOREAU, Claire et LE GOFF, Anne, 2009. Les coopératives d'habitants. RECMA, vol.\u00a088, nᵒ\u00a0312, "
        "p.\u00a058-73. DOI\u00a0: https://doi.org/10.3917/recma.312.0058"
    )


def test_the_html_reference_sets_the_journal_in_italics_and_links_the_doi():
    html = reference_html(ARTICLE)
    assert "<i>RECMA</i>" in html
    assert '<a href="https://doi.org/10.3917/recma.312.0058">https://doi.org/10.3917/recma.312.0058</a>' in html


def test_without_a_doi_the_reference_gives_the_items_address():
    item = {**ARTICLE, "DOI": ""}
    assert reference_text(item).endswith("Disponible sur\u00a0: https://ressources.example/travaux/cooperatives/")


def test_a_book_title_is_in_italics_and_its_publisher_follows_its_place():
    book = {"type": "book", "title": "L'économie sociale", "author": [{"family": "Laville", "given": "Jean-Louis"}]}
    book |= {"issued": {"date-parts": [[2016]]}, "publisher": "Armand Colin", "publisher-place": "Paris"}
    assert reference_html(book) == "LAVILLE, Jean-Louis, 2016. <i>L'économie sociale</i>. Paris\u00a0: Armand Colin."


def test_a_chapter_is_in_its_book_with_its_pages_kept_on_one_line():
    chapter = {"type": "chapter", "title": "Les SCIC", "author": [{"family": "Martin", "given": "Camille"}]}
    chapter |= {"container-title": "Dictionnaire de l'ESS", "publisher": "PUR", "page": "101-120"}
    assert reference_html(chapter) == (
        "MARTIN, Camille, s.\u00a0d. Les SCIC. In\u00a0: <i>Dictionnaire de l'ESS</i>. PUR, "
        '<span class="cite__pages">p.\u00a0101-120</span>.'
    )


def test_an_item_without_authors_opens_on_its_title():
    answer = {"type": "report", "genre": "Réponse thématique", "title": "Se loger sans spéculer"}
    answer |= {"issued": {"date-parts": [[2024, 6, 1]]}, "publisher": "Centre de ressources ESS"}
    assert reference_text(answer) == "Se loger sans spéculer, 2024. Réponse thématique. Centre de ressources ESS."


def test_an_undated_item_says_so():
    assert reference_text({"type": "document", "title": "Actes"}) == "Actes, s.\u00a0d."


def test_an_organisation_is_cited_whole():
    note = {"type": "post-weblog", "title": "Compte rendu", "author": [{"literal": "Pôle Habitat coopératif"}]}
    assert reference_text(note).startswith("PÔLE HABITAT COOPÉRATIF, s.\u00a0d. Compte rendu.")


def test_a_talk_is_presented_at_its_study_day_and_a_study_day_gives_its_place():
    talk = {"type": "speech", "title": "Financer l'habitat", "author": [{"family": "Lebrun", "given": "Claire"}]}
    talk |= {"issued": {"date-parts": [[2003, 11, 21]]}, "event-title": "Habiter autrement", "event-place": "Rezé"}
    assert reference_html(talk) == (
        "LEBRUN, Claire, 2003. Financer l'habitat. Présenté à\u00a0: <i>Habiter autrement</i>. Rezé."
    )
    day = {"type": "event", "genre": "Journée d'étude", "title": "Habiter autrement", "event-place": "Rezé"}
    day |= {"issued": {"date-parts": [[2003, 11, 20], [2003, 11, 21]]}}
    assert reference_text(day) == "Habiter autrement, 2003. Journée d'étude. Rezé."


def test_a_title_ending_in_a_question_mark_takes_no_period():
    item = {"type": "report", "title": "Comment se loger ?", "author": [{"literal": "CRESS"}]}
    assert reference_text(item) == "CRESS, s.\u00a0d. Comment se loger ?"


def test_what_readers_typed_is_escaped_never_markup():
    item = {**ARTICLE, "title": "<script>alert(1)</script> & co", "author": [{"family": "<b>Evil</b>", "given": "Eve"}]}
    html = str(reference_html(item))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "&lt;B&gt;EVIL&lt;/B&gt;" in html


def test_a_broken_item_still_gives_its_title():
    item = {"type": "book", "title": "Sans date lisible", "issued": {"date-parts": [["vers 2000", "x", "y"]]}}
    assert "Sans date lisible" in reference_text(item)


def test_the_csl_json_export_is_accepted_and_rendered_by_citeproc_py():
    exported = json.loads(get_format("csljson").render([nasty_entry()]))
    with warnings.catch_warnings():
        # citeproc-py warns on variables it does not render (custom, ORCID); it must not fail on any.
        warnings.simplefilter("ignore")
        source = CiteProcJSON(exported)
    assert list(source) == ["kb-page-12"]
    text = reference_text(exported[0])
    assert text.startswith("LE GOFF, Anne, DE LA TOUR, Marie et RÉSEAU DES CRESS & CIE, 2024. L'ESS à Nantes")
    assert NASTY["container-title"] in text


@pytest.mark.django_db
def test_every_kind_is_rendered_from_its_exported_csl_json(site_tree):
    kinds = every_kind(site_tree)
    exported = json.loads(get_format("csljson").render(list(kinds.values())))
    for kind, item in zip(kinds, exported, strict=True):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            text = reference_text(item)
        assert item["title"] in text, kind
        assert text.endswith(item["URL"]) or "https://doi.org/" in text, kind
        assert "<i>" in reference_html(item) or item["type"] in {"speech", "article-journal"}, kind
