"""Where each page type of the knowledge-base core can be created."""

import pytest

from wagtail.models import Page

from kb.factories import PoleNotePageFactory, PracticeExchangePageFactory, ThematicAnswerPageFactory
from kb.models import (
    ArchivePage,
    HomePage,
    PoleIndexPage,
    PoleNotePage,
    PoleSectionPage,
    PracticeExchangeIndexPage,
    PracticeExchangePage,
    ThematicAnswerIndexPage,
    ThematicAnswerPage,
)
from tests.page_rules import allowed_parents, can_create_at


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (HomePage, Page),
        (PoleIndexPage, HomePage),
        (PoleSectionPage, PoleIndexPage),
        (PoleNotePage, PoleSectionPage),
        (PracticeExchangeIndexPage, HomePage),
        (PracticeExchangePage, PracticeExchangeIndexPage),
        (ThematicAnswerIndexPage, HomePage),
        (ThematicAnswerPage, ThematicAnswerIndexPage),
    ],
)
def test_each_page_type_can_only_be_created_under_its_one_parent_type(child, parent):
    assert allowed_parents(child) == {parent}


def test_a_pole_note_cannot_be_created_outside_a_pole_section():
    assert can_create_at(PoleSectionPage, PoleNotePage)
    for parent in (HomePage, PoleIndexPage, PracticeExchangeIndexPage, ThematicAnswerIndexPage, PoleNotePage):
        assert not can_create_at(parent, PoleNotePage)


def test_the_bare_archive_item_is_never_offered_to_editors():
    assert not ArchivePage.is_creatable
    assert allowed_parents(ArchivePage) == set()


@pytest.mark.parametrize("leaf", [PoleNotePage, PracticeExchangePage, ThematicAnswerPage])
def test_archive_items_have_no_child_pages(leaf):
    assert not any(can_create_at(leaf, child) for child in [leaf, PoleNotePage, PracticeExchangePage])
    assert leaf.allowed_subpage_models() == []


def test_there_is_a_single_home_page(home):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)


@pytest.mark.parametrize("index_attr", ["pole_index", "practice_index", "answer_index"])
def test_each_index_page_exists_once(site_tree, index_attr):
    index = getattr(site_tree, index_attr)
    assert not type(index).can_create_at(site_tree.home)


def test_index_pages_can_be_created_on_a_site_that_lacks_them(home):
    for index in (PoleIndexPage, PracticeExchangeIndexPage, ThematicAnswerIndexPage):
        assert index.can_create_at(home)


def test_a_pole_section_per_pole_can_be_added(site_tree):
    assert PoleSectionPage.can_create_at(site_tree.pole_index)
    assert PoleNotePage.can_create_at(site_tree.pole_section)


def test_content_pages_are_created_in_their_index(site_tree):
    assert PracticeExchangePage.can_create_at(site_tree.practice_index)
    assert ThematicAnswerPage.can_create_at(site_tree.answer_index)
    assert not PracticeExchangePage.can_create_at(site_tree.answer_index)
    assert not ThematicAnswerPage.can_create_at(site_tree.practice_index)
    assert not PoleNotePage.can_create_at(site_tree.home)


def test_factories_build_a_valid_tree(site_tree):
    note = PoleNotePageFactory(parent=site_tree.pole_section)
    exchange = PracticeExchangePageFactory(parent=site_tree.practice_index)
    answer = ThematicAnswerPageFactory(parent=site_tree.answer_index)
    for page in (note, exchange, answer):
        page.full_clean()
        assert page.get_parent().specific_class in type(page).allowed_parent_page_models()
