"""Exports a researcher imports elsewhere: each format read back by an independent parser gives the same fields."""

import csv
import datetime
import io
import json

import pytest
import rispy
from pybtex.database import parse_string
from pylatexenc.latex2text import LatexNodes2Text

from citations.formats import FORMATS, UnknownFormat, format_for_extension, get_format
from citations.items import entry
from kb.factories import PoleNotePageFactory, PracticeExchangePageFactory, ThematicAnswerPageFactory
from resources.factories import (
    ArchiveDocumentFactory,
    CoursePageFactory,
    LessonPageFactory,
    ResearchPaperPageFactory,
)
from studydays.factories import SpeakerFactory, StudyDayPageFactory

BASE = "https://ressources.example/"
NASTY = {
    "type": "article-journal",
    "title": "L'ESS à Nantes : « 50 % » & {LaTeX}, #1 $ _x_ ~ \\ ?",
    "author": [
        {"family": "Le Goff", "given": "Anne", "ORCID": "https://orcid.org/0000-0002-1825-0097"},
        {"family": "de La Tour", "given": "Marie"},
        {"literal": "Réseau des CRESS & Cie"},
    ],
    "issued": {"date-parts": [[2024, 5, 2]]},
    "container-title": "RECMA : Revue internationale de l'économie sociale",
    "volume": "12",
    "issue": "3",
    "page": "12-34",
    "DOI": "10.3917/recma_2024.012",
    "language": "fr",
    "keyword": "habitat, « coopératives », 100 %",
    "abstract": "Un résumé sur deux lignes\navec des {accolades} et 5 $.",
    "custom": {"kind": "research_paper", "hal_id": "hal-01234567", "pdf_url": "/documents/7/texte.pdf"},
}
NASTY_URL = "/travaux-de-recherche/l-ess-a-nantes/?vue=1&page=2#resume"


def nasty_entry(**changes):
    return entry("page:12", {**NASTY, **changes}, NASTY_URL, BASE)


def latex(value):
    """What a LaTeX document prints for a BibTeX value (pylatexenc, another reader than ours)."""
    return LatexNodes2Text().latex_to_text(value)


def bibtex_entry(text, key="kb-page-12"):
    return parse_string(text, "bibtex").entries[key]


# Every kind of item as its content type cites itself (built by the factories, no hand-written item).


def every_kind(site_tree):
    """{kind: CitationEntry} for each kind of archive item, as the item pages and downloads build them."""
    speaker = SpeakerFactory(name="Anne Le Goff", orcid="0000-0002-1825-0097")
    talk = {"title": "Financer l'habitat", "speakers": [speaker], "abstract": "Les montages.", "slides": None}
    session = {"title": "Matin", "day": None, "start_time": None, "end_time": None, "chair": None}
    day = StudyDayPageFactory(
        parent=site_tree.study_day_index,
        title="Habiter autrement",
        end_date=datetime.date(2003, 11, 21),
        poles=[site_tree.pole],
        programme=[("session", {**session, "talks": [{**talk, "video_url": ""}]})],
    )
    course = CoursePageFactory(parent=site_tree.course_index, title="Histoire de l'ESS")
    papers = {
        paper_type: ResearchPaperPageFactory(
            parent=site_tree.research_index,
            title=f"Travail {paper_type}",
            paper_type=paper_type,
            authors=[{"name": "Claire Moreau", "orcid": "0000-0002-9724-4962"}, "Réseau Cocagne"],
            venue="RECMA",
            place="Nantes",
            pages="58-73",
            doi="10.3917/recma.312.0058",
        )
        for paper_type in ["article", "these", "memoire", "rapport", "chapitre", "ouvrage", "communication"]
    }
    pages = {
        **{f"research_paper/{paper_type}": paper for paper_type, paper in papers.items()},
        "study_day": day,
        "practice_exchange": PracticeExchangePageFactory(parent=site_tree.practice_index, poles=[site_tree.pole]),
        "thematic_answer": ThematicAnswerPageFactory(parent=site_tree.answer_index, poles=[site_tree.pole]),
        "pole_note": PoleNotePageFactory(parent=site_tree.pole_section, poles=[site_tree.pole]),
        "course": course,
        "lesson": LessonPageFactory(parent=course, title="Séance 1"),
    }
    entries = {kind: entry(page.search_source, page.citation_item(), page.url, BASE) for kind, page in pages.items()}
    [(talk_id, talk_item)] = day.talk_citation_items()
    entries["talk"] = entry(f"{day.search_source}:talk:{talk_id}", talk_item, f"{day.url}#talk-{talk_id}", BASE)
    for name, filename in [("document", "actes.pdf"), ("dataset", "budget.csv")]:
        document = ArchiveDocumentFactory(filename=filename, publication_date=datetime.date(2012, 1, 5))
        entries[name] = entry(document.search_source, document.citation_item(), document.url, BASE)
    return entries


@pytest.fixture
def kinds(site_tree):
    return every_kind(site_tree)


EXPECTED_TYPES = {
    # kind: (BibTeX entry type, RIS type)
    "research_paper/article": ("article", "JOUR"),
    "research_paper/these": ("phdthesis", "THES"),
    "research_paper/memoire": ("mastersthesis", "THES"),
    "research_paper/rapport": ("techreport", "RPRT"),
    "research_paper/chapitre": ("incollection", "CHAP"),
    "research_paper/ouvrage": ("book", "BOOK"),
    "research_paper/communication": ("inproceedings", "CPAPER"),
    "study_day": ("misc", "CONF"),
    "talk": ("misc", "SLIDE"),
    "practice_exchange": ("techreport", "RPRT"),
    "thematic_answer": ("techreport", "RPRT"),
    "pole_note": ("misc", "BLOG"),
    "course": ("misc", "ELEC"),
    "lesson": ("misc", "ELEC"),
    "document": ("misc", "GEN"),
    "dataset": ("misc", "DATA"),
}


@pytest.mark.django_db
def test_every_kind_is_exported_in_every_format_with_its_type(kinds):
    assert set(kinds) == set(EXPECTED_TYPES)
    for kind, cited in kinds.items():
        bib_type, ris_type = EXPECTED_TYPES[kind]
        bib = bibtex_entry(get_format("bibtex").render([cited]), cited.key)
        assert bib.type == bib_type, kind
        assert latex(bib.fields["title"]) == cited.item["title"], kind
        assert bib.fields["url"] == cited.item["URL"], kind
        [ris] = rispy.loads(get_format("ris").render([cited]))
        assert (ris["type_of_reference"], ris["id"], ris["title"]) == (ris_type, cited.key, cited.item["title"]), kind
        assert json.loads(get_format("csljson").render([cited])) == [cited.item], kind
        [row] = list(csv.DictReader(io.StringIO(get_format("csv").render([cited]).lstrip("\ufeff")), delimiter=";"))
        assert (row["Clé"], row["Titre"], row["Adresse"]) == (cited.key, cited.item["title"], cited.item["URL"]), kind


@pytest.mark.django_db
def test_a_whole_list_exports_each_item_once_in_order(kinds):
    entries = list(kinds.values())
    for export_format in FORMATS.values():
        text = export_format.render([*entries, entries[0]])
        assert text.count(entries[0].key) == text.count(entries[1].key) >= 1, export_format.name
    assert list(parse_string(get_format("bibtex").render(entries), "bibtex").entries) == [e.key for e in entries]
    assert [record["id"] for record in rispy.loads(get_format("ris").render(entries))] == [e.key for e in entries]


@pytest.mark.django_db
def test_a_talk_is_cited_at_its_study_day_with_its_speaker_and_orcid(kinds):
    talk = kinds["talk"]
    bib = bibtex_entry(get_format("bibtex").render([talk]), talk.key)
    assert [str(person) for person in bib.persons["author"]] == ["Le Goff, Anne"]
    assert bib.fields["author+an:orcid"] == '1="0000-0002-1825-0097"'
    assert latex(bib.fields["howpublished"]) == latex(bib.fields["eventtitle"]) == "Habiter autrement"
    [ris] = rispy.loads(get_format("ris").render([talk]))
    assert ris["secondary_title"] == "Habiter autrement"
    assert ris["notes"] == ["ORCID Le Goff, Anne\u00a0: https://orcid.org/0000-0002-1825-0097"]
    assert ris["urls"] == [talk.item["URL"]] and "#talk-" in talk.item["URL"]


# Round trips of a nasty item through independent parsers.


def test_bibtex_reads_back_every_field_with_pybtex():
    cited = nasty_entry()
    bib = bibtex_entry(get_format("bibtex").render([cited]))
    assert bib.type == "article"
    assert latex(bib.fields["title"]) == NASTY["title"]
    authors = [
        (latex(" ".join(p.prelast_names + p.last_names)), latex(" ".join(p.first_names))) for p in bib.persons["author"]
    ]
    assert authors == [("Le Goff", "Anne"), ("de La Tour", "Marie"), ("Réseau des CRESS & Cie", "")]
    assert bib.fields["author+an:orcid"] == '1="0000-0002-1825-0097"'
    assert (bib.fields["year"], bib.fields["month"]) == ("2024", "May")
    assert latex(bib.fields["journal"]) == NASTY["container-title"]
    assert (bib.fields["volume"], bib.fields["number"], bib.fields["pages"]) == ("12", "3", "12--34")
    assert bib.fields["doi"] == NASTY["DOI"]
    assert bib.fields["url"] == BASE.rstrip("/") + NASTY_URL
    assert bib.fields["hal_id"] == "hal-01234567"
    assert latex(bib.fields["keywords"]) == NASTY["keyword"]
    assert latex(bib.fields["abstract"]) == "Un résumé sur deux lignes avec des {accolades} et 5 $."
    assert (bib.fields["language"], bib.fields["langid"]) == ("fr", "french")


def test_bibtex_protects_capitals_and_braces_an_organisation_whole():
    text = get_format("bibtex").render([nasty_entry()])
    assert "title = {{L'ESS} à {Nantes} : « 50 \\% » \\& {\\{LaTeX\\},} \\#1" in text
    assert "{Réseau des CRESS \\& Cie}" in text


def test_bibtex_keeps_a_value_with_unpaired_braces_readable_and_the_next_entry_whole():
    cited = entry("page:13", {**NASTY, "title": "Une accolade { seule", "abstract": "Et } une autre"}, "/x/", BASE)
    entries = parse_string(get_format("bibtex").render([cited, nasty_entry()]), "bibtex").entries
    # BibTeX counts escaped braces too: an unpaired one is written as the character LaTeX names.
    assert entries["kb-page-13"].fields["title"] == "{Une} accolade \\textbraceleft{} seule"
    assert entries["kb-page-13"].fields["abstract"] == "Et \\textbraceright{} une autre"
    assert latex(entries["kb-page-12"].fields["title"]) == NASTY["title"]


def test_ris_reads_back_every_field_with_rispy():
    [ris] = rispy.loads(get_format("ris").render([nasty_entry()]))
    assert ris["type_of_reference"] == "JOUR"
    assert ris["title"] == NASTY["title"]
    assert ris["authors"] == ["Le Goff, Anne", "de La Tour, Marie", "Réseau des CRESS & Cie"]
    assert (ris["year"], ris["date"]) == ("2024", "2024/05/02/")
    assert ris["secondary_title"] == NASTY["container-title"]
    assert (ris["volume"], ris["number"], ris["start_page"], ris["end_page"]) == ("12", "3", "12", "34")
    assert ris["doi"] == NASTY["DOI"]
    assert ris["urls"] == [BASE.rstrip("/") + NASTY_URL]
    assert ris["file_attachments1"] == "https://ressources.example/documents/7/texte.pdf"
    assert ris["accession_number"] == "hal-01234567"
    assert ris["keywords"] == ["habitat", "« coopératives »", "100 %"]
    assert ris["abstract"] == "Un résumé sur deux lignes avec des {accolades} et 5 $."
    assert ris["language"] == "fr"
    assert ris["notes"] == ["ORCID Le Goff, Anne\u00a0: https://orcid.org/0000-0002-1825-0097"]


def test_ris_lines_end_as_the_specification_says():
    text = get_format("ris").render([nasty_entry()])
    assert text.startswith("TY  - JOUR\r\n")
    assert "\r\nER  - \r\n" in text


def test_a_date_without_day_or_month_is_written_as_far_as_known():
    cited = nasty_entry(issued={"date-parts": [[2024]]})
    [ris] = rispy.loads(get_format("ris").render([cited]))
    assert (ris["year"], ris["date"]) == ("2024", "2024///")
    assert "month" not in bibtex_entry(get_format("bibtex").render([cited])).fields


def test_csl_json_is_a_json_array_of_the_items_with_their_addresses():
    export_format = get_format("csljson")
    assert export_format.content_type == "application/vnd.citationstyles.csl+json; charset=utf-8"
    [item] = json.loads(export_format.render([nasty_entry()]))
    assert item["id"] == "kb-page-12"
    assert item["URL"] == BASE.rstrip("/") + NASTY_URL
    assert item["custom"]["pdf_url"] == "https://ressources.example/documents/7/texte.pdf"
    assert item["author"] == NASTY["author"]


def test_csv_opens_in_a_french_spreadsheet():
    text = get_format("csv").render([nasty_entry()])
    assert text.startswith("\ufeffClé;Nature;Genre;Type;Titre;Auteurs;ORCID;Date;")
    [row] = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert row["Nature"] == "Travail de recherche"
    assert row["Titre"] == NASTY["title"]
    assert row["Auteurs"] == "Le Goff, Anne ; de La Tour, Marie ; Réseau des CRESS & Cie"
    assert row["ORCID"] == "Le Goff, Anne\u00a0: 0000-0002-1825-0097"
    assert (row["Date"], row["Pages"], row["DOI"], row["Identifiant HAL"]) == (
        "2024-05-02",
        "12-34",
        NASTY["DOI"],
        "hal-01234567",
    )
    assert row["Résumé"] == "Un résumé sur deux lignes avec des {accolades} et 5 $."
    assert row["Adresse"] == BASE.rstrip("/") + NASTY_URL


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1:A2)"])
def test_csv_cells_never_run_as_formulas(formula):
    text = get_format("csv").render([nasty_entry(title=formula, abstract=f"\t{formula}", keyword=formula)])
    [row] = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert row["Titre"] == row["Résumé"] == row["Mots-clés"] == f"'{formula}"


def test_formats_are_found_by_name_or_extension_and_named_in_french():
    assert list(FORMATS) == ["bibtex", "ris", "csljson", "csv"]
    assert [FORMATS[name].label for name in FORMATS] == ["BibTeX", "RIS", "CSL-JSON", "CSV"]
    assert format_for_extension("BIB") is get_format("bibtex")
    assert format_for_extension("json") is get_format("csljson")
    assert get_format("ris").filename("L'habitat coopératif : « enjeux »") == "l-habitat-cooperatif-enjeux.ris"
    assert get_format("bibtex").filename("???") == "reference.bib"


@pytest.mark.parametrize("requested", ["docx", ""])
def test_an_unknown_format_is_refused_with_the_list_of_formats(requested):
    with pytest.raises(UnknownFormat) as refused:
        get_format(requested)
    assert str(refused.value).startswith(f"Format inconnu : « {requested} ».")
    assert "BibTeX (.bib), RIS (.ris), CSL-JSON (.json), CSV (.csv)" in str(refused.value)
    with pytest.raises(UnknownFormat):
        format_for_extension("docx")
