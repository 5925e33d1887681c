"""A small archive for the page cache: one research paper classed under a pole, a theme, a territory and a tag."""

from contextlib import contextmanager
from types import SimpleNamespace

import pytest

from django.test import Client, TestCase

from resources.factories import ResearchPaperPageFactory


@contextmanager
def committed():
    """Run the after-commit callbacks (search sync, purges) as a real commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


@pytest.fixture
def archive(site_tree, territory):
    with committed():
        paper = ResearchPaperPageFactory(
            parent=site_tree.research_index,
            title="Les coopératives d’habitants à Rezé",
            slug="cooperatives-reze",
            poles=[site_tree.pole],
            themes=[site_tree.theme],
            territories=[territory("44143")],
            tags=["habitat participatif"],
        )
        # Published as an editor would: the search records it after the commit.
        paper.save_revision().publish()
    return SimpleNamespace(paper=paper, **vars(site_tree))


def anonymous_get(path, data=None, **headers):
    """A reader with no cookie at all, as a first visit or a crawler is."""
    return Client().get(path, data, **headers)
