"""The import writes research papers a documentalist can trust: field by field, deduplicated, all or nothing."""

import datetime
import io

import pytest

from django.db import DatabaseError

from taggit.models import Tag
from wagtail.models import Collection, ReferenceIndex

from imports import runner
from imports.attachments import PdfArchive
from imports.models import DuplicatePolicy
from imports.runner import Options, plan, run
from resources.factories import ResearchPaperPageFactory
from resources.models import ArchiveDocument, ResearchPaperPage
from search.models import SearchRecord
from tests.people import documentalists, person

from .helpers import ARTICLE, a_pdf, pdf_zip, references


@pytest.fixture
def documentalist(site_tree):
    return person("doc", documentalists())


@pytest.fixture
def run_all(django_capture_on_commit_callbacks):
    """Run an import, then what waits for each row's commit: search records, PDF extraction."""

    def run_all(result, options, pdfs=None):
        with django_capture_on_commit_callbacks(execute=True):
            return list(run(result, options, pdfs))

    return run_all


def test_an_article_becomes_a_paper_field_by_field(site_tree, documentalist, run_all):
    [row] = run_all(references(ARTICLE), Options(user=documentalist, publish=True))
    assert row.action == "created", row
    paper = ResearchPaperPage.objects.get(pk=row.page_id)
    assert paper.title == "Les coopératives d'habitants à Nantes"
    assert paper.paper_type == "article"
    assert (paper.date, paper.date_precision) == (datetime.date(2019, 6, 1), "month")
    assert (paper.venue, paper.volume, paper.issue, paper.pages) == ("RECMA", "12", "3", "45-67")
    assert paper.doi == "10.3917/RECMA.2019.012"
    assert paper.external_url == ARTICLE["URL"]
    assert paper.language == "fr"
    assert paper.abstract == "<p>Premier paragraphe &lt;sur&gt; l'habitat.</p><p>Second paragraphe &amp; fin.</p>"
    authors = [(a.name, a.orcid, a.affiliation) for a in paper.authors.all()]
    assert authors == [("Anne Le Goff", "0000-0002-1825-0097", ""), ("Paul Martin", "", "Université de Nantes")]
    assert [t.name for t in paper.tags.all()] == ["habitat participatif", "Nantes"]
    assert list(paper.themes.all()) == [site_tree.theme]
    assert [link.territory.code for link in paper.territory_links.all()] == ["44109"]
    assert paper.live and paper.owner == documentalist
    assert SearchRecord.objects.filter(source=f"page:{paper.pk}").exists()


def test_without_publish_papers_are_drafts_in_the_documentalists_workflow(site_tree, documentalist, run_all):
    [row] = run_all(references(ARTICLE), Options(user=documentalist))
    paper = ResearchPaperPage.objects.get(pk=row.page_id)
    assert not paper.live
    assert paper.current_workflow_state is not None
    assert paper.current_workflow_state.requested_by == documentalist
    assert not SearchRecord.objects.filter(source=f"page:{paper.pk}").exists()


def test_a_batch_sends_no_moderation_email_per_page_and_notices_come_back_after(
    site_tree, documentalist, mailoutbox, run_all
):
    person("relectrice", documentalists())
    run_all(references(ARTICLE, {**ARTICLE, "title": "Autre", "DOI": "10.1234/autre"}), Options(user=documentalist))
    assert mailoutbox == []
    paper = ResearchPaperPageFactory(parent=site_tree.research_index, live=False)
    paper.save_revision(user=documentalist)
    paper.get_workflow().start(paper, documentalist)
    assert mailoutbox, "Wagtail's own moderation notices must work again once the batch is done"


def test_the_year_only_date_stays_a_year_in_the_page_and_the_citation(site_tree, documentalist, run_all, client):
    item = {**ARTICLE, "issued": {"date-parts": [[2007]]}}
    [row] = run_all(references(item), Options(user=documentalist, publish=True))
    paper = ResearchPaperPage.objects.get(pk=row.page_id)
    assert paper.date_precision == "year"
    assert paper.citation_item()["issued"] == {"date-parts": [[2007]]}
    page = client.get(paper.url).content.decode()
    assert '<time datetime="2007">2007</time>' in page
    assert "janvier 2007" not in page


def test_a_reference_without_abstract_shows_no_empty_abstract_section(site_tree, documentalist, run_all, client):
    [row] = run_all(references({**ARTICLE, "abstract": ""}), Options(user=documentalist, publish=True))
    page = client.get(ResearchPaperPage.objects.get(pk=row.page_id).url)
    assert page.status_code == 200
    assert 'id="resume"' not in page.content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"issued": {"raw": "2007-13-45"}}, "date"),
        ({"issued": {"date-parts": [[2007, 2, 30]]}}, "date"),
        ({"title": ""}, "title"),
        ({"author": []}, "author"),
        ({"DOI": "pas un doi"}, "doi"),
        ({"page": "douze"}, "pages"),
        ({"title": "T" * 300}, "title"),
        ({"language": "klingon"}, "language"),
        ({"URL": "javascript:alert(1)"}, "external_url"),
    ],
)
def test_a_bad_value_refuses_the_row_naming_the_field_and_writes_nothing(
    site_tree, documentalist, change, field, run_all
):
    [row] = run_all(references({**ARTICLE, **change}), Options(user=documentalist))
    assert row.action == "failed"
    assert any(problem["field"].startswith(field) for problem in row.problems), row.problems
    assert all(problem["message"] for problem in row.problems)
    assert not ResearchPaperPage.objects.exists()


def test_the_date_problem_says_what_was_expected(site_tree, documentalist, run_all):
    [row] = run_all(references({**ARTICLE, "issued": {"raw": "2007-13-45"}}), Options(user=documentalist))
    assert row.problems == [
        {"field": "date", "message": "« 2007-13-45 » n'est pas une date (attendu : AAAA, AAAA-MM ou AAAA-MM-JJ)."}
    ]


def test_a_row_that_fails_while_writing_leaves_no_page_document_or_tag(site_tree, documentalist, monkeypatch, run_all):
    item = {**ARTICLE, "keyword": "mot-clé-unique-au-monde", "custom": {"file": "articles/goff.pdf"}}
    pdfs = PdfArchive(io.BytesIO(pdf_zip({"articles/goff.pdf": a_pdf()})))

    def fail(page, options, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(runner, "_submit", fail)
    [row] = run_all(references(item), Options(user=documentalist), pdfs)
    assert row.action == "failed"
    assert "rien n'a été écrit" in row.problems[0]["message"]
    assert not ResearchPaperPage.objects.exists()
    assert not ArchiveDocument.objects.exists()
    assert not Tag.objects.filter(name="mot-clé-unique-au-monde").exists()
    storage = ArchiveDocument._meta.get_field("file").storage
    assert not storage.exists("documents/goff.pdf")


def test_other_rows_go_on_after_a_failed_row(site_tree, documentalist, run_all):
    rows = run_all(references({**ARTICLE, "title": ""}, {**ARTICLE, "title": "Une bonne référence"}), Options())
    assert [row.action for row in rows] == ["failed", "created"]


def test_the_pdf_named_by_a_reference_is_attached_and_its_text_extracted(site_tree, documentalist, run_all):
    item = {**ARTICLE, "custom": {"file": "files/12/Le Goff - 2019.pdf"}}
    data = pdf_zip({"storage/ABC/Le Goff - 2019.pdf": a_pdf("Les habitants gèrent leur immeuble.")})
    collection = Collection.get_first_root_node().add_child(name="Bibliographie")
    options = Options(user=documentalist, publish=True, collection_id=collection.pk)
    [row] = run_all(references(item), options, PdfArchive(io.BytesIO(data)))
    paper = ResearchPaperPage.objects.get(pk=row.page_id)
    assert paper.pdf.collection == collection
    assert paper.pdf.extraction_status == "done"
    assert "gèrent leur immeuble" in paper.pdf.text
    # The document's « usage » in the admin lists the paper (Wagtail's reference index, written once per row).
    assert [usage.pk for usage, _refs in ReferenceIndex.get_grouped_references_to(paper.pdf)] == [paper.pk]


def test_a_reference_naming_a_pdf_missing_from_the_zip_is_refused(site_tree, documentalist, run_all):
    item = {**ARTICLE, "custom": {"file": "absent.pdf"}}
    pdfs = PdfArchive(io.BytesIO(pdf_zip({"autre.pdf": a_pdf()})))
    [row] = run_all(references(item), Options(user=documentalist), pdfs)
    assert row.action == "failed"
    assert row.problems == [{"field": "file", "message": "« absent.pdf » n'est pas dans l'archive ZIP envoyée."}]


def test_without_a_zip_the_reference_is_imported_and_the_missing_pdf_noted(site_tree, documentalist, run_all):
    item = {**ARTICLE, "custom": {"file": "files/12/x.pdf"}}
    [row] = run_all(references(item), Options(user=documentalist))
    assert row.action == "created"
    assert "files/12/x.pdf" in row.notes[0]


class TestDuplicates:
    def test_the_same_doi_any_case_is_the_same_reference(self, site_tree, documentalist):
        ResearchPaperPageFactory(parent=site_tree.research_index, title="Autre titre", doi="10.3917/recma.2019.012")
        [planned] = plan(references(ARTICLE), Options())
        assert planned.row.action == "skip"
        assert "DOI identique" in planned.row.reason

    def test_a_hal_id_matches_whatever_its_version(self, site_tree):
        ResearchPaperPageFactory(parent=site_tree.research_index, title="X", hal_id="hal-01234567")
        item = {**ARTICLE, "DOI": "", "custom": {"hal_id": "hal-01234567v3"}}
        [planned] = plan(references(item), Options())
        assert "identifiant HAL identique" in planned.row.reason

    def test_title_year_and_first_author_match_without_accents_or_case(self, site_tree):
        paper = ResearchPaperPageFactory(
            parent=site_tree.research_index,
            title="LES COOPERATIVES D'HABITANTS À NANTES",
            date=datetime.date(2019, 1, 1),
            authors=["Le Goff, Anne"],
        )
        paper.save()  # the factory adds the authors to the cluster only
        [planned] = plan(references({**ARTICLE, "DOI": ""}), Options())
        assert planned.row.action == "skip"
        assert planned.row.page_id == paper.pk

    def test_a_reference_listed_twice_in_the_file_is_created_once(self, site_tree, documentalist, run_all):
        rows = run_all(references(ARTICLE, {**ARTICLE, "title": "Titre corrigé"}), Options(user=documentalist))
        assert [row.action for row in rows] == ["created", "skipped"]
        assert "doublon de la ligne 1" in rows[1].reason
        assert ResearchPaperPage.objects.count() == 1

    def test_running_the_same_file_again_changes_nothing(self, site_tree, documentalist, run_all):
        for policy in DuplicatePolicy.values:
            options = Options(user=documentalist, publish=True, duplicates=policy)
            rows = run_all(references(ARTICLE, {**ARTICLE, "DOI": "10.1234/b", "title": "B"}), options)
            assert ResearchPaperPage.objects.count() == 2
        assert {row.action for row in rows} == {"skipped"}
        assert all("déjà à jour" in row.reason for row in rows)

    def test_fill_completes_only_the_empty_fields(self, site_tree, documentalist, run_all):
        paper = ResearchPaperPageFactory(
            parent=site_tree.research_index,
            title="Titre saisi à la main",
            doi="10.3917/recma.2019.012",
            volume="",
            authors=["Anne Le Goff"],
        )
        options = Options(user=documentalist, publish=True, duplicates=DuplicatePolicy.FILL)
        [row] = run_all(references(ARTICLE), options)
        assert row.action == "updated"
        paper = ResearchPaperPage.objects.get(pk=paper.pk)
        assert paper.title == "Titre saisi à la main"
        assert (paper.volume, paper.issue) == ("12", "3")
        assert [a.name for a in paper.authors.all()] == ["Anne Le Goff"]

    def test_overwrite_replaces_the_fields_the_file_gives(self, site_tree, documentalist, run_all):
        paper = ResearchPaperPageFactory(
            parent=site_tree.research_index, title="Ancien", doi="10.3917/recma.2019.012", authors=["Quelqu'un"]
        )
        options = Options(user=documentalist, publish=True, duplicates=DuplicatePolicy.OVERWRITE)
        [row] = run_all(references(ARTICLE), options)
        assert row.action == "updated"
        paper = ResearchPaperPage.objects.get(pk=paper.pk)
        assert paper.title == ARTICLE["title"]
        assert [a.name for a in paper.authors.all()] == ["Anne Le Goff", "Paul Martin"]

    def test_an_update_without_publish_waits_in_moderation_and_the_live_page_stays(
        self, site_tree, documentalist, run_all
    ):
        paper = ResearchPaperPageFactory(parent=site_tree.research_index, title="Ancien", doi="10.3917/recma.2019.012")
        options = Options(user=documentalist, duplicates=DuplicatePolicy.OVERWRITE)
        run_all(references(ARTICLE), options)
        paper = ResearchPaperPage.objects.get(pk=paper.pk)
        assert paper.title == "Ancien"
        assert paper.get_latest_revision_as_object().title == ARTICLE["title"]
        assert paper.current_workflow_state is not None


def test_a_batch_without_a_research_index_says_so(db, run_all):
    with pytest.raises(runner.BatchError, match="index des travaux de recherche"):
        run_all(references(ARTICLE), Options())
