"""Files shaped like the ones documentalists bring (Zotero BibTeX, EndNote RIS, PMB RIS, a spreadsheet, a ZIP of
PDFs), imported whole: the pages they create, field by field, and the rows they refuse."""

import datetime
import io

import pytest

from imports.attachments import PdfArchive
from imports.readers import read
from imports.runner import Options, run
from kb.factories import PoleFactory, ThemeFactory
from resources.models import ResearchPaperPage
from tests.people import documentalists, person

from .fixtures import fixture_bytes
from .helpers import a_pdf, pdf_zip


@pytest.fixture
def importer(site_tree, django_capture_on_commit_callbacks):
    """Import a fixture (with a ZIP of {path: text} PDFs), published, as a documentalist; returns the rows."""
    ThemeFactory(name="Créer des emplois", slug="creer-des-emplois")
    PoleFactory(name="Habitat", slug="habitat")
    PoleFactory(name="Insertion par l'activité économique", slug="iae")
    user = person("doc", documentalists())

    def importer(name, pdfs=None):
        archive = PdfArchive(io.BytesIO(pdf_zip({path: a_pdf(text) for path, text in pdfs.items()}))) if pdfs else None
        with django_capture_on_commit_callbacks(execute=True):
            return list(run(read(fixture_bytes(name), name), Options(user=user, publish=True), archive))

    return importer


def paper(**lookup):
    return ResearchPaperPage.objects.get(**lookup)


def authors_of(page):
    return [(a.name, a.orcid, a.affiliation) for a in page.authors.all()]


def test_a_zotero_bibtex_export(importer, site_tree):
    pdf_name = "Le Goff et Clément - 2019 - L'habitat participatif à Nantes.pdf"
    pdfs = {
        f"storage/ABCD1234/{pdf_name}": "Cinquante pour cent des ménages sont restés.",
        "storage/EFGH5678/Bernard - 2020 - Se déplacer sans voiture.pdf": "Garages solidaires.",
    }
    rows = importer("zotero.bib", pdfs)
    outcomes = {row.label: row for row in rows}
    assert [row.action for row in rows].count("created") == 5
    # An edited book names editors only: the archive keeps authors, and says so.
    assert outcomes["ess_pays_de_la_loire_2020"].problems[0]["field"] == "author"
    assert outcomes["dupont_scop_2018"].action == "failed"
    article = paper(doi="10.3917/recma.352.0045")
    assert article.title == "L'habitat participatif à Nantes : une coopérative d'habitants face au marché"
    assert (article.paper_type, article.date, article.date_precision) == ("article", datetime.date(2019, 6, 1), "month")
    assert article.venue == "RECMA : Revue internationale de l'économie sociale"
    assert (article.volume, article.issue, article.pages, article.language) == ("98", "352", "45-62", "fr")
    assert authors_of(article) == [("Anne Le Goff", "0000-0002-1825-0097", ""), ("Françoise Clément", "", "")]
    assert article.abstract.startswith("<p>Cet article retrace l'histoire d'une coopérative d'habitants de l'Île")
    assert article.abstract.count("<p>") == 2
    assert "50 % des ménages" in article.abstract.replace("\u00a0", " ")
    assert sorted(t.name for t in article.tags.all()) == ["ESS", "Nantes", "habitat participatif"]
    assert list(article.themes.all()) == [site_tree.theme]
    assert [link.territory.code for link in article.territory_links.all()] == ["44109"]
    assert "Cinquante pour cent" in article.pdf.text
    chapter = paper(title__startswith="Se déplacer sans voiture")
    assert (chapter.paper_type, chapter.pages) == ("chapitre", "101-118")
    assert (chapter.venue, chapter.publisher, chapter.place) == (
        "L'économie sociale et solidaire en Pays de la Loire",
        "Presses universitaires de Rennes",
        "Rennes",
    )
    assert authors_of(chapter) == [("Paul Bernard", "", ""), ("Ayşe Öztürk", "", "")]
    thesis = paper(title__startswith="Œuvrer ensemble")
    assert (thesis.paper_type, thesis.publisher, thesis.date_precision) == ("these", "Université de Nantes", "year")
    assert authors_of(thesis) == [("Marie de La Tour", "", "")]
    assert "accolade" in outcomes["dupont_scop_2018"].problems[0]["message"]


def test_an_endnote_ris_export_in_windows_1252(importer):
    rows = importer("endnote.ris")
    assert all(row.action == "created" for row in rows), [(r.line, r.problems) for r in rows]
    article = paper(doi="10.3917/rfg.272.0101")
    assert article.title == "Les SCOP en France : un modèle à part ?"
    assert (article.venue, article.volume, article.issue, article.pages) == (
        "Revue française de gestion",
        "44",
        "272",
        "101-118",
    )
    assert (article.date, article.date_precision, article.language) == (datetime.date(2018, 3, 1), "month", "fr")
    assert authors_of(article) == [("Jean Dupont", "", ""), ("Élodie Mercier", "", "")]
    assert [theme.name for theme in article.themes.all()] == ["Créer des emplois"]
    thesis = paper(title__startswith="Se soigner ensemble")
    assert (thesis.paper_type, thesis.date, thesis.date_precision) == ("these", datetime.date(2016, 12, 5), "day")
    assert thesis.external_url == "https://theses.fr/2016NANT2034"


def test_a_pmb_ris_export_in_latin_1(importer):
    rows = importer("pmb.ris")
    assert all(row.action == "created" for row in rows), [(r.line, r.problems) for r in rows]
    book = paper(title="L'économie sociale et solidaire : de la théorie à la pratique")
    assert (book.paper_type, book.publisher, book.date_precision) == ("ouvrage", "Éditions de l'Atelier", "year")
    assert authors_of(book) == [("Jean-Louis Laville", "", ""), ("Pascal Glémain", "", "")]
    article = paper(title__startswith="Les PTCE en Pays de la Loire")
    assert (article.venue, article.issue, article.pages) == (
        "Revue internationale de l'économie sociale",
        "332",
        "78-92",
    )
    assert [link.territory.name for link in article.territory_links.all()] == ["Saint-Nazaire"]


def test_a_spreadsheet_with_its_pdfs(importer, territory):
    pdfs = {"pdf/cooperatives-reze-2020.pdf": "Les habitants de Rezé racontent."}
    rows = importer("tableur.csv", pdfs)
    actions = {row.line: row.action for row in rows}
    assert actions[2] == "created"
    article = paper(doi="10.3917/reru.204.0567")
    assert authors_of(article) == [
        ("Anne Le Goff", "0000-0002-1825-0097", "Nantes Université"),
        ("Françoise Clément", "", "CNRS"),
    ]
    assert (article.hal_id, article.date, article.date_precision) == (
        "hal-02987654",
        datetime.date(2020, 9, 1),
        "month",
    )
    assert [pole.name for pole in article.poles.all()] == ["Habitat"]
    assert sorted(link.territory.code for link in article.territory_links.all()) == ["44109", "44143"]
    assert article.abstract.count("<p>") == 2
    assert "racontent" in article.pdf.text
    formula = [row for row in rows if any("formule" in p["message"] for p in row.problems)]
    assert formula and all(row.action == "failed" for row in formula)
    missing_pdf = next(row for row in rows if row.line == 3)
    assert missing_pdf.action == "failed"
    assert "memoire-iae-saint-nazaire.pdf" in missing_pdf.problems[0]["message"]
