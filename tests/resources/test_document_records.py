"""Documents in the archive search: which are found by themselves, read in bulk, and the migration that dated them."""

import datetime
from importlib import import_module

import pytest

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import ReferenceIndex

from kb.models import ArchivePage
from resources.factories import (
    ArchiveDocumentFactory,
    CoursePageFactory,
    LessonPageFactory,
    ResearchPaperPageFactory,
)
from resources.models import ArchiveDocument, LessonDocument
from studydays.factories import StudyDayPageFactory
from studydays.models import StudyDayDocument

dating = import_module("resources.migrations.0004_documents_dated_by_their_pages")


def talk(slides=None):
    return {"title": "Habiter ensemble", "speakers": [], "abstract": "", "slides": slides, "video_url": ""}


def programme(*talks):
    """A programme of one session, its talks in the block format Wagtail stores."""
    items = [{"type": "item", "value": value, "id": f"t{number}"} for number, value in enumerate(talks)]
    return [{"type": "session", "value": {"title": "Matin", "talks": items}}]


def study_day(parent, proceedings=(), slides=()):
    """A live study day with these proceedings, and a talk for each of `slides` (a document or None)."""
    day = StudyDayPageFactory(parent=parent, programme=programme(*(talk(s and s.pk) for s in slides)))
    for document in proceedings:
        day.proceedings_documents.add(StudyDayDocument(document=document))
    day.save()
    return day


@pytest.fixture
def attached(site_tree):
    """{page: its documents}: a paper's PDF, a lesson's file, a study day's proceedings and its talks' slides."""
    pdf, lesson_file, proceedings, slides, more_slides = (ArchiveDocumentFactory() for _ in range(5))
    paper = ResearchPaperPageFactory(parent=site_tree.research_index, pdf=pdf)
    lesson = LessonPageFactory(parent=CoursePageFactory(parent=site_tree.course_index))
    lesson.documents.add(LessonDocument(document=lesson_file))
    lesson.save()
    # A talk without slides, and slides shown twice: each document is attached once.
    day = study_day(site_tree.study_day_index, [proceedings], [slides, None, more_slides, slides])
    return {paper: [pdf], lesson: [lesson_file], day: [proceedings, slides, more_slides]}


def test_the_attachments_read_in_bulk_are_those_each_page_declares(attached):
    in_bulk = {(page.pk, document_id) for page, document_id in ArchivePage.live_attachments()}
    pages = ArchivePage.objects.live().specific()
    declared = {(page.pk, document.pk) for page in pages for document in page.attached_documents()}
    expected = {(page.pk, document.pk) for page, documents in attached.items() for document in documents}
    assert in_bulk == declared == expected


def test_the_attachments_of_some_documents_are_those_of_all_the_attachments_that_name_them(site_tree, attached):
    # Ids that are digits of one another (4 and 14) do not mix: a programme's text only narrows the reading.
    for document in ArchiveDocumentFactory.create_batch(12):
        study_day(site_tree.study_day_index, slides=[document])
    every = {(page.pk, document_id) for page, document_id in ArchivePage.live_attachments()}
    for document in ArchiveDocument.objects.all():
        some = {(page.pk, document_id) for page, document_id in ArchivePage.live_attachments([document.pk])}
        assert some == {pair for pair in every if pair[1] == document.pk}, document.pk
    assert list(ArchivePage.live_attachments([])) == []


def test_slides_added_in_a_draft_are_not_attached_until_it_is_published(site_tree):
    slides = ArchiveDocumentFactory()
    day = study_day(site_tree.study_day_index, slides=[None])
    day.programme = programme(talk(slides.pk))
    revision = day.save_revision()

    day.refresh_from_db()
    assert day.attached_documents() == []
    assert list(ArchivePage.live_attachments([slides.pk])) == []
    revision.publish()
    assert [(page.pk, pk) for page, pk in ArchivePage.live_attachments([slides.pk])] == [(day.pk, slides.pk)]


def test_a_rebuild_reads_the_documents_in_as_many_queries_whatever_their_number(site_tree, attached):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            records = list(ArchiveDocument.search_records())
        return len(records), len(captured)

    ArchiveDocumentFactory()
    queries()  # the territory scopes are read once per process
    few = queries()
    for _ in range(5):
        ArchiveDocumentFactory()
        ResearchPaperPageFactory(parent=site_tree.research_index, pdf=ArchiveDocumentFactory())
        study_day(site_tree.study_day_index, slides=ArchiveDocumentFactory.create_batch(2))
    many = queries()
    assert (few[0], many[0]) == (1, 6)  # the attached ones have no record
    assert many[1] == few[1]


def test_the_migration_dates_documents_by_the_pages_that_attach_or_link_them(site_tree, territory):
    pdf, slides, nowhere = ArchiveDocumentFactory(), ArchiveDocumentFactory(), ArchiveDocumentFactory()
    ResearchPaperPageFactory(
        parent=site_tree.research_index, pdf=pdf, date=datetime.date(2005, 6, 1), poles=[site_tree.pole]
    )
    day = StudyDayPageFactory(
        parent=site_tree.study_day_index,
        date=datetime.date(2003, 11, 20),
        programme=programme(talk(slides.pk)),
        poles=[site_tree.pole],
        themes=[site_tree.theme],
        territories=[territory("44109")],
    )
    ReferenceIndex.create_or_update_for_object(day)

    dating.date_documents(apps, None)

    for document in (pdf, slides, nowhere):
        document.refresh_from_db()
    assert (pdf.publication_date, nowhere.publication_date) == (datetime.date(2005, 6, 1), None)
    # An attached PDF follows its page; slides, then hits of their own, were dated and classed as their day.
    assert not pdf.poles.exists()
    assert slides.publication_date == datetime.date(2003, 11, 20)
    assert list(slides.poles.all()) == [site_tree.pole]
    assert list(slides.themes.all()) == [site_tree.theme]
    assert list(slides.territories.all()) == [territory("44109")]
