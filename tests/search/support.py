"""Helpers of the search contract suite: build a deliberate archive, index it, ask the search service."""

from contextlib import contextmanager
from types import SimpleNamespace

from django.db import transaction
from django.test import TestCase

from kb.factories import (
    PoleFactory,
    PoleIndexPageFactory,
    PoleSectionPageFactory,
    PracticeExchangeIndexPageFactory,
    PracticeExchangePageFactory,
    ThematicAnswerIndexPageFactory,
)
from kb.models import HomePage
from resources.factories import CourseIndexPageFactory, ResearchPaperIndexPageFactory
from search import indexing, service
from search.access import Viewer
from search.engines import get_database_engine
from search.query import SearchRequest
from studydays.factories import StudyDayIndexPageFactory

ANONYMOUS = Viewer()


@contextmanager
def module_transaction(django_db_blocker):
    """What a module's archive creates lives for the module's tests and is rolled back after the last one.

    Each test runs inside it in its own savepoint (pytest-django's `db`), so tests that change
    the archive leave it as they found it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextmanager
def committed():
    """Run the after-commit callbacks (text extraction, search sync) as if the transaction committed."""
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        yield callbacks


def refresh(engine):
    """Make what was just indexed searchable: a no-op for the database engine, not for a search server."""
    if hasattr(engine, "refresh"):
        engine.refresh()


def index_records(engine):
    """Give `engine` every record the sources hold now: what `kb_index rebuild` does, on this engine.

    A search server's leg fills the database engine too, as a rebuild does: « Vouliez-vous dire » reads its titles.
    """
    records = list(indexing.all_records())
    database = get_database_engine()
    for target in [engine] if engine is database else [database, engine]:
        target.clear()
        target.index(records)
    refresh(engine)


def find(engine, q="", viewer=ANONYMOUS, sort="relevance", page=1, page_size=100, **filters):
    """The search service's response to one request; filters are facet=[values]."""
    refresh(engine)
    request = SearchRequest(q=q, filters=filters, sort=sort, page=page, page_size=page_size)
    return service.search(request, viewer, engine=engine)


def titles(response):
    return [hit.title for hit in response.hits]


def facet_counts(response, facet):
    """{value: count} of one facet, the territory tree flattened."""
    counts = {}

    def walk(values):
        for value in values:
            counts[value.value] = value.count
            walk(value.children)

    walk(response.facets[facet])
    return counts


def site_tree():
    """The home page with every index page (what tests/conftest.py's `site_tree` gives, for module fixtures)."""
    home = HomePage.objects.get()
    pole_index = PoleIndexPageFactory(parent=home)
    pole = PoleFactory(name="Pôle de test", slug="pole-de-test")
    return SimpleNamespace(
        home=home,
        pole_index=pole_index,
        pole_section=PoleSectionPageFactory(parent=pole_index, pole=pole),
        practice_index=PracticeExchangeIndexPageFactory(parent=home),
        answer_index=ThematicAnswerIndexPageFactory(parent=home),
        study_day_index=StudyDayIndexPageFactory(parent=home),
        research_index=ResearchPaperIndexPageFactory(parent=home),
        course_index=CourseIndexPageFactory(parent=home),
    )


def practice(parent, title, body="", summary="", **kwargs):
    """A practice exchange whose text is exactly what the test says (no factory defaults that could match)."""
    return PracticeExchangePageFactory(
        parent=parent,
        title=title,
        summary=summary,
        context=f"<p>{body}</p>" if body else "<p>Contexte.</p>",
        actions="<p>Actions.</p>",
        **kwargs,
    )
