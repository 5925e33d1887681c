"""The people « Mon espace » is for: a DU student with a restricted course, a pole animator, a plain reader."""

from types import SimpleNamespace

import pytest

from resources.factories import CoursePageFactory
from tests.people import cohort, documentalists, person, restrict_page


@pytest.fixture
def du(site_tree):
    """A course open to one cohort (its access ends in 30 days) and the documentalists, with one student."""
    students = cohort("promotion 2025-2026", 30)
    course = CoursePageFactory(parent=site_tree.course_index, title="Gouvernance des coopératives", code="DU-M2")
    restrict_page(course, students.group, documentalists())
    return SimpleNamespace(cohort=students, course=course, student=person("etudiante", students.group))


@pytest.fixture
def reader(db):
    return person("lecteur")
