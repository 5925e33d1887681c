"""Where research papers and the DU course material can be created."""

import pytest

from kb.models import HomePage, PoleSectionPage, PracticeExchangeIndexPage
from resources.factories import CoursePageFactory, LessonPageFactory
from resources.models import CourseIndexPage, CoursePage, LessonPage, ResearchPaperIndexPage, ResearchPaperPage
from studydays.models import StudyDayIndexPage
from tests.page_rules import allowed_parents, can_create_at


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (ResearchPaperIndexPage, HomePage),
        (ResearchPaperPage, ResearchPaperIndexPage),
        (CourseIndexPage, HomePage),
        (CoursePage, CourseIndexPage),
        (LessonPage, CoursePage),
    ],
)
def test_each_resource_page_type_has_one_parent_type(child, parent):
    assert allowed_parents(child) == {parent}


def test_a_lesson_can_only_be_created_under_a_course():
    for parent in (HomePage, CourseIndexPage, LessonPage, ResearchPaperIndexPage, StudyDayIndexPage):
        assert not can_create_at(parent, LessonPage)
    assert can_create_at(CoursePage, LessonPage)


def test_a_course_holds_lessons_only():
    assert CoursePage.allowed_subpage_models() == [LessonPage]


def test_research_papers_and_lessons_have_no_child_pages():
    assert ResearchPaperPage.allowed_subpage_models() == []
    assert LessonPage.allowed_subpage_models() == []


def test_a_research_paper_cannot_be_created_elsewhere():
    for parent in (HomePage, PoleSectionPage, PracticeExchangeIndexPage, CourseIndexPage):
        assert not can_create_at(parent, ResearchPaperPage)


def test_there_is_one_research_index_and_one_du_index(site_tree):
    assert not ResearchPaperIndexPage.can_create_at(site_tree.home)
    assert not CourseIndexPage.can_create_at(site_tree.home)


def test_lessons_are_created_in_a_course_of_the_du(site_tree):
    course = CoursePageFactory(parent=site_tree.course_index)
    assert LessonPage.can_create_at(course)
    assert not LessonPage.can_create_at(site_tree.course_index)
    second = LessonPageFactory(parent=course, number=2)
    first = LessonPageFactory(parent=course, number=1)
    assert list(course.lessons()) == [first, second]
