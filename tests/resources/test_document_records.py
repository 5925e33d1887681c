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


@pytest.fixture
def attached(site_tree):
    """A paper's PDF, a lesson's file and a study day's proceedings, each on its live page."""
    pdf, lesson_file, proceedings = (ArchiveDocumentFactory() for _ in range(3))
    paper = ResearchPaperPageFactory(parent=site_tree.research_index, pdf=pdf)
    lesson = LessonPageFactory(parent=CoursePageFactory(parent=site_tree.course_index))
    lesson.documents.add(LessonDocument(document=lesson_file))
    lesson.save()
    day = StudyDayPageFactory(parent=site_tree.study_day_index)
    day.proceedings_documents.add(StudyDayDocument(document=proceedings))
    day.save()
    return {paper: pdf, lesson: lesson_file, day: proceedings}


def test_the_attachments_read_in_bulk_are_those_each_page_declares(attached):
    in_bulk = {(page.pk, document_id) for page, document_id in ArchivePage.live_attachments()}
    pages = ArchivePage.objects.live().specific()
    declared = {(page.pk, document.pk) for page in pages for document in page.attached_documents()}
    assert in_bulk == declared == {(page.pk, document.pk) for page, document in attached.items()}


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
    many = queries()
    assert (few[0], many[0]) == (1, 6)  # the attached ones have no record
    assert many[1] == few[1]


def test_the_migration_dates_documents_by_the_pages_that_attach_or_link_them(site_tree, territory):
    pdf, slides, nowhere = ArchiveDocumentFactory(), ArchiveDocumentFactory(), ArchiveDocumentFactory()
    ResearchPaperPageFactory(
        parent=site_tree.research_index, pdf=pdf, date=datetime.date(2005, 6, 1), poles=[site_tree.pole]
    )
    talk = {"title": "Habiter ensemble", "speakers": [], "abstract": "", "slides": slides.pk, "video_url": ""}
    day = StudyDayPageFactory(
        parent=site_tree.study_day_index,
        date=datetime.date(2003, 11, 20),
        programme=[
            {"type": "session", "value": {"title": "Matin", "talks": [{"type": "item", "value": talk, "id": "t1"}]}}
        ],
        poles=[site_tree.pole],
        themes=[site_tree.theme],
        territories=[territory("44109")],
    )
    ReferenceIndex.create_or_update_for_object(day)

    dating.date_documents(apps, None)

    for document in (pdf, slides, nowhere):
        document.refresh_from_db()
    assert (pdf.publication_date, nowhere.publication_date) == (datetime.date(2005, 6, 1), None)
    # An attached PDF follows its page; linked slides are found by themselves, dated and classed as their day.
    assert not pdf.poles.exists()
    assert slides.publication_date == datetime.date(2003, 11, 20)
    assert list(slides.poles.all()) == [site_tree.pole]
    assert list(slides.themes.all()) == [site_tree.theme]
    assert list(slides.territories.all()) == [territory("44109")]
