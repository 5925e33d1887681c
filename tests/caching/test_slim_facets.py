"""The search page's facet panel ships the most frequent values of each facet, keeps the reader's selected
ones, and links to the rest instead of sending every tag and territory to every reader."""

import re

import pytest

from django.urls import reverse

from resources.factories import ResearchPaperPageFactory
from search.views import FACET_LIMIT

from .conftest import anonymous_get, committed

pytestmark = pytest.mark.django_db
TAGS = 20


@pytest.fixture
def many_tags(site_tree):
    with committed():
        for n in range(TAGS):
            paper = ResearchPaperPageFactory(
                parent=site_tree.research_index, title=f"Coopérative n° {n}", slug=f"coop-{n}", tags=[f"mot{n:02}"]
            )
            paper.save_revision().publish()


def shown(html, facet):
    return re.findall(rf'name="{facet}" value="([^"]+)"', html)


def test_the_facet_panel_ships_only_the_most_frequent_values_and_links_to_the_rest(many_tags):
    html = anonymous_get(reverse("search:page"), {"q": "coopérative"}).content.decode()
    assert len(shown(html, "tag")) == FACET_LIMIT
    assert f"Voir aussi les {TAGS - FACET_LIMIT} valeurs moins fréquentes" in html
    assert "voir=tag" in html


def test_asking_for_every_value_of_a_facet_shows_them_all(many_tags):
    html = anonymous_get(reverse("search:page"), {"q": "coopérative", "voir": "tag"}).content.decode()
    assert len(shown(html, "tag")) == TAGS
    assert "valeurs moins fréquentes" not in html


def test_a_selected_value_beyond_the_limit_stays_checked_in_the_panel(many_tags):
    html = anonymous_get(reverse("search:page"), {"q": "coopérative", "tag": "mot19"}).content.decode()
    assert "mot19" in shown(html, "tag")
    assert re.search(r'value="mot19" checked', html)
