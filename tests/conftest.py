"""Shared fixtures: the official territories (imported once per session) and the site's page tree."""

from types import SimpleNamespace

import pytest

from django.core.cache import caches

from kb.factories import (
    PoleFactory,
    PoleIndexPageFactory,
    PoleSectionPageFactory,
    PracticeExchangeIndexPageFactory,
    ThematicAnswerIndexPageFactory,
    ThemeFactory,
)
from kb.models import HomePage, Territory
from kb.territories import import_territories
from resources.factories import CourseIndexPageFactory, ResearchPaperIndexPageFactory
from studydays.factories import StudyDayIndexPageFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Import the Pays de la Loire territories once: every test starts with them (and rolls back its changes).

    Tests must not use `transaction=True`: its flush would empty these tables for the tests after it.
    """
    with django_db_blocker.unblock():
        import_territories()


@pytest.fixture(autouse=True)
def empty_caches():
    """Caches outlive the rolled-back test transactions: a rendition cached for an image of an earlier
    test would be served for this test's image that reuses its id."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def territory():
    """Look an official territory up by its code: `territory("44109")`."""
    return lambda code: Territory.objects.get(code=code)


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def site_tree(home):
    """The home page with every index page, one pole section and one theme."""
    pole = PoleFactory(name="Habitat coopératif", slug="habitat-cooperatif")
    pole_index = PoleIndexPageFactory(parent=home)
    return SimpleNamespace(
        home=home,
        pole=pole,
        theme=ThemeFactory(name="Se loger", slug="se-loger", question="Comment se loger dignement ?"),
        pole_index=pole_index,
        pole_section=PoleSectionPageFactory(parent=pole_index, pole=pole),
        practice_index=PracticeExchangeIndexPageFactory(parent=home),
        answer_index=ThematicAnswerIndexPageFactory(parent=home),
        study_day_index=StudyDayIndexPageFactory(parent=home),
        research_index=ResearchPaperIndexPageFactory(parent=home),
        course_index=CourseIndexPageFactory(parent=home),
    )
