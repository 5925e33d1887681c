"""The digest's no-leak rule: a saved search is run as its reader, so a digest holds only what that reader may open.

A DU course and a private-collection document match the same saved search as a public exchange; readers who may
not open them (a researcher, a student whose cohort has ended) never hear of them, a current DU student does.
"""

import pytest

from resources.factories import ArchiveDocumentFactory, CoursePageFactory
from tests.people import cohort, person, private_collection, restrict_page
from tests.search.support import committed

from .support import digest_to, html_of, publish, saved_search, send_alerts

pytestmark = pytest.mark.django_db
COURSE = "Cours du DU : gouvernance des coopératives"
DOCUMENT = "Support réservé : les coopératives en chiffres"
PUBLIC = "Une coopérative d’habitants à Rezé"


@pytest.fixture
def readers(site_tree):
    """A researcher, a student of the current DU cohort and one of a cohort whose access ended yesterday, each
    with the same saved search; then a restricted course, a private document and a public exchange are added."""
    current, ended = cohort("Promotion 2026", 200), cohort("Promotion 2024", -1)
    restrict_page(site_tree.course_index, current.group, ended.group)
    private = private_collection("Documents du DU", current.group, ended.group)
    readers = {
        "researcher": person("chercheuse"),
        "student": person("etudiante", current.group),
        "former": person("ancienne-etudiante", ended.group),
    }
    for reader in readers.values():
        saved_search(reader, "q=coopératives", name="Coopératives")
    course = CoursePageFactory(parent=site_tree.course_index, title=COURSE, live=False)
    with committed():
        course.save_revision().publish()
        ArchiveDocumentFactory(title=DOCUMENT, collection=private)
    publish(site_tree.practice_index, PUBLIC)
    return readers


def test_a_restricted_course_never_reaches_a_reader_who_cannot_open_it(readers):
    send_alerts()

    for who in ("researcher", "former"):
        message = digest_to(readers[who].email)
        assert PUBLIC in message.body, who
        for hidden in (COURSE, DOCUMENT):
            assert hidden not in message.body, (who, hidden)
            assert hidden not in html_of(message), (who, hidden)
        assert "1 nouveauté " in message.subject, who


def test_a_current_du_student_hears_of_the_course_and_the_private_document(readers):
    send_alerts()

    body = digest_to(readers["student"].email).body
    assert COURSE in body
    assert DOCUMENT in body
    assert PUBLIC in body


def test_what_a_reader_could_not_open_is_not_counted_as_sent_to_them(readers):
    """Were the former student to join a current cohort, the course would still be news to them."""
    send_alerts()

    assert readers["former"].saved_searches.get().sent_items.count() == 1
    assert readers["student"].saved_searches.get().sent_items.count() == 3
