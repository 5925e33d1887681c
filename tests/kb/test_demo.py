"""The demo archive: every content type, loaded twice without duplicates."""

from io import StringIO

import pytest

from django.core.management import call_command

from wagtail.models import Page

from kb.models import (
    HomePage,
    Pole,
    PoleIndexPage,
    PoleNotePage,
    PoleSectionPage,
    PracticeExchangeIndexPage,
    PracticeExchangePage,
    Territory,
    ThematicAnswerIndexPage,
    ThematicAnswerPage,
    Theme,
)
from resources.models import (
    ArchiveDocument,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ResearchPaperIndexPage,
    ResearchPaperPage,
)
from studydays.models import Speaker, StudyDayIndexPage, StudyDayPage

PAGE_TYPES = [
    HomePage,
    PoleIndexPage,
    PoleSectionPage,
    PoleNotePage,
    PracticeExchangeIndexPage,
    PracticeExchangePage,
    ThematicAnswerIndexPage,
    ThematicAnswerPage,
    StudyDayIndexPage,
    StudyDayPage,
    ResearchPaperIndexPage,
    ResearchPaperPage,
    CourseIndexPage,
    CoursePage,
    LessonPage,
]


def archive_counts():
    counts = {model.__name__: model.objects.count() for model in [*PAGE_TYPES, ArchiveDocument, Pole, Theme, Speaker]}
    counts["pages"] = Page.objects.count()
    counts["territories"] = Territory.objects.count()
    return counts


@pytest.mark.slow
def test_the_demo_creates_every_content_type_renders_and_a_second_run_changes_nothing(admin_client):
    # One test: loading the demo is the expensive part.
    call_command("kb_demo", stdout=StringIO())
    first = archive_counts()
    assert [model.__name__ for model in PAGE_TYPES if first[model.__name__] == 0] == []
    assert first["ArchiveDocument"] > 0
    # No demo document is dated by its upload, nor a hit of its own: a live page carries each one (slides included).
    assert not ArchiveDocument.objects.filter(publication_date=None).exists()
    assert list(ArchiveDocument.search_records()) == []
    [restriction] = CoursePage.objects.get().get_view_restrictions()
    readers = {"Étudiants DU — promotion 2025-2026", "Documentalistes"}
    assert {group.name for group in restriction.groups.all()} == readers
    assert all(pole.animators for pole in Pole.objects.filter(section_page__isnull=False))

    failures = {}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        status = admin_client.get(page.url).status_code
        if status != 200:
            failures[page.url] = status
    assert failures == {}

    call_command("kb_demo", stdout=StringIO())
    assert archive_counts() == first
