"""Where study days can be created."""

from kb.models import HomePage, PoleSectionPage, PracticeExchangeIndexPage
from studydays.factories import StudyDayIndexPageFactory, StudyDayPageFactory
from studydays.models import StudyDayIndexPage, StudyDayPage
from tests.page_rules import allowed_parents, can_create_at


def test_the_study_day_index_lives_under_the_home_page_only():
    assert allowed_parents(StudyDayIndexPage) == {HomePage}


def test_a_study_day_can_only_be_created_under_the_study_day_index():
    assert allowed_parents(StudyDayPage) == {StudyDayIndexPage}
    for parent in (HomePage, PoleSectionPage, PracticeExchangeIndexPage, StudyDayPage):
        assert not can_create_at(parent, StudyDayPage)


def test_a_study_day_has_no_child_pages():
    assert StudyDayPage.allowed_subpage_models() == []


def test_there_is_one_study_day_index(site_tree):
    assert not StudyDayIndexPage.can_create_at(site_tree.home)
    assert StudyDayPage.can_create_at(site_tree.study_day_index)


def test_the_study_day_index_can_be_created_when_missing(home):
    assert StudyDayIndexPage.can_create_at(home)
    index = StudyDayIndexPageFactory(parent=home)
    assert StudyDayPageFactory(parent=index).get_parent().specific == index
