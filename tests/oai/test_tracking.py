"""What harvesters see follows publishing, unpublishing and restrictions, and moves only when it changes."""

import logging
from io import StringIO

import pytest

from django.core.management import call_command

from kb.factories import PracticeExchangePageFactory
from oai import tracking
from oai.models import ExposedItem, SetMembership
from search import sync

from .conftest import backdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_tree, territory, rebuilt):
    page = PracticeExchangePageFactory(
        parent=site_tree.practice_index,
        title="Une ressourcerie",
        poles=[site_tree.pole],
        territories=[territory("44109")],
    )
    rebuilt()
    backdate()
    return page


def exposed(page):
    return ExposedItem.objects.get(source=f"page:{page.pk}")


def test_a_rebuild_keeps_the_datestamps_of_what_did_not_change(page, rebuilt):
    before = exposed(page).datestamp
    rebuilt()
    assert exposed(page).datestamp == before


def test_an_edit_harvesters_see_moves_the_datestamp_one_they_do_not_see_keeps_it(page, committed):
    before = exposed(page).datestamp
    with committed():
        page.actions = "<p>Une tournée de collecte chaque semaine.</p>"  # searchable text, not in Dublin Core
        page.save_revision().publish()
    assert exposed(page).datestamp == before
    with committed():
        page.title = "Une ressourcerie de quartier"
        page.save_revision().publish()
    item = exposed(page)
    assert item.datestamp > before
    assert item.metadata["dc"]["title"] == ["Une ressourcerie de quartier"]


def test_an_unpublished_item_stays_deleted_in_its_sets_and_comes_back_when_republished(page, committed):
    before = exposed(page).datestamp
    with committed():
        page.unpublish()
    item = exposed(page)
    assert item.deleted and item.datestamp > before
    specs = set(SetMembership.objects.filter(item=item).values_list("spec", flat=True))
    assert {"kind:practice_exchange", "pole:habitat-cooperatif", "departement:44"} <= specs
    with committed():
        page.save_revision().publish()
    assert not exposed(page).deleted


def test_a_deleted_page_is_reported_deleted(page, committed):
    with committed():
        page.delete()
    assert exposed(page).deleted


def test_kb_index_repair_makes_the_table_right_on_an_existing_site(page):
    ExposedItem.objects.all().delete()
    call_command("kb_index", "repair", stdout=StringIO())
    assert not exposed(page).deleted


def test_a_failing_tracking_is_logged_and_never_undoes_the_search_write(page, monkeypatch, caplog):
    def broken(sources):
        raise RuntimeError("base indisponible")

    monkeypatch.setattr(tracking, "reconcile", broken)
    with caplog.at_level(logging.ERROR, logger="search.events"):
        assert sync.apply([f"page:{page.pk}"]) == (1, 0)
    assert "base indisponible" in caplog.text
