"""The DU index and the « accès terminé » page tell each visitor how to reach the courses, and whom to write to."""

import datetime

from django.utils import timezone
from django.utils.http import urlencode

from resources.factories import CoursePageFactory

NO_ITEMS = "Aucun élément ne correspond"


def test_an_anonymous_visitor_is_invited_to_sign_in_instead_of_reading_zero_items(client, du):
    content = client.get(du.course.get_parent().url).content.decode()
    assert "Connectez-vous pour lire les cours" in content
    assert f'href="/compte/connexion/?{urlencode({"next": "/du-ess/"})}"' in content
    assert NO_ITEMS not in content and "0 élément" not in content


def test_a_signed_in_reader_without_access_is_told_whom_to_contact(client, du, reader, settings):
    settings.KB_ACCESS_CONTACT_NAME = "Claire Martin, secrétariat du DU"
    settings.KB_ACCESS_CONTACT_EMAIL = "du-ess@univ-nantes.example"
    client.force_login(reader)
    content = client.get("/du-ess/").content.decode()
    assert "réservés aux étudiants du DU" in content
    assert "Claire Martin, secrétariat du DU" in content and 'href="mailto:du-ess@univ-nantes.example"' in content
    assert NO_ITEMS not in content


def test_a_student_sees_the_courses_and_no_invitation(client, du):
    client.force_login(du.student)
    content = client.get("/du-ess/").content.decode()
    assert du.course.url in content
    assert "Connectez-vous pour lire les cours" not in content and "réservés aux étudiants du DU" not in content


def test_a_public_course_stays_listed_beside_the_invitation(client, du):
    public = CoursePageFactory(parent=du.course.get_parent(), title="Conférence d’ouverture")
    content = client.get("/du-ess/").content.decode()
    assert public.url in content and du.course.url not in content
    assert "Connectez-vous pour lire les cours" in content


def test_an_index_without_courses_shows_the_plain_empty_listing(client, site_tree):
    content = client.get("/du-ess/").content.decode()
    assert "Connectez-vous pour lire les cours" not in content and NO_ITEMS in content


def test_the_access_ended_page_names_whom_to_contact(client, du, settings):
    settings.KB_ACCESS_CONTACT_NAME = "Claire Martin, secrétariat du DU"
    settings.KB_ACCESS_CONTACT_EMAIL = "du-ess@univ-nantes.example"
    du.cohort.access_end = timezone.localdate() - datetime.timedelta(days=1)
    du.cohort.save()
    client.force_login(du.student)
    response = client.get(du.course.url)
    assert response.status_code == 403
    content = response.content.decode()
    assert "Claire Martin, secrétariat du DU" in content
    assert '<a href="mailto:du-ess@univ-nantes.example">du-ess@univ-nantes.example</a>' in content
