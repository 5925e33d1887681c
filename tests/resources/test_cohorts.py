"""DU cohorts: a group per promotion, reading the DU material until its access end date, checked on every request."""

import datetime
from types import SimpleNamespace

import pytest
import wagtail_factories

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kb.visibility import current_group_ids
from resources.factories import ArchiveDocumentFactory, CoursePageFactory
from resources.models import CoursePage, DUCohort
from search.access import Viewer
from tests.people import add_url, cohort, documentalists, person, private_collection, restrict_page


@pytest.fixture
def du(site_tree):
    """A course and a private document open to one cohort (whose access ends in 10 days) and the documentalists."""
    students = cohort("promotion 2025-2026", 10)
    private = private_collection("DU ESS (privé)", students.group, documentalists())
    course = CoursePageFactory(parent=site_tree.course_index, title="Gouvernance des coopératives")
    restrict_page(course, students.group, documentalists())
    return SimpleNamespace(
        cohort=students,
        course=course,
        document=ArchiveDocumentFactory(title="Support de la séance", collection=private),
        image=wagtail_factories.ImageFactory(collection=private),
        student=person("etudiante", students.group),
    )


def ends(cohort, days_from_today):
    cohort.access_end = timezone.localdate() + datetime.timedelta(days=days_from_today)
    cohort.save()


def test_a_cohort_has_its_own_group_named_after_the_promotion(db):
    students = DUCohort.objects.create(promotion="promotion 2025-2026")
    assert students.group.name == "Étudiants DU — promotion 2025-2026"


def test_renaming_a_promotion_renames_its_group(db):
    students = DUCohort.objects.create(promotion="promotion 2025")
    students.promotion = "promotion 2025-2026"
    students.save()
    assert Group.objects.get(pk=students.group_id).name == "Étudiants DU — promotion 2025-2026"


def test_a_deleted_cohort_takes_its_group_with_it(db):
    students = DUCohort.objects.create(promotion="promotion 2019-2020")
    group_pk = students.group_id
    students.delete()
    assert not Group.objects.filter(pk=group_pk).exists()


def test_a_new_cohort_opens_what_the_earlier_cohorts_open(du):
    newcomers = DUCohort.objects.create(promotion="promotion 2026-2027")
    assert newcomers.group in du.course.get_view_restrictions().get().groups.all()
    assert newcomers.group in du.document.collection.get_view_restrictions().get().groups.all()


def test_a_new_cohort_is_not_added_to_restrictions_that_name_no_cohort(site_tree):
    members = PageViewRestriction.objects.create(page=site_tree.home, restriction_type=PageViewRestriction.GROUPS)
    members.groups.set([documentalists()])
    newcomers = DUCohort.objects.create(promotion="promotion 2026-2027")
    assert newcomers.group not in members.groups.all()


def test_the_material_stays_open_on_the_last_day(client, du):
    ends(du.cohort, 0)
    client.force_login(du.student)
    assert client.get(du.course.url).status_code == 200
    assert client.get(du.document.url).status_code == 200


def test_the_day_after_the_end_date_the_course_says_the_access_has_ended(client, du):
    ends(du.cohort, -1)
    client.force_login(du.student)
    response = client.get(du.course.url)
    assert response.status_code == 403
    content = response.content.decode()
    assert "Votre accès aux supports du DU est terminé" in content
    assert "Étudiants DU — promotion 2025-2026" in content
    assert "Gouvernance des coopératives" not in content
    assert "no-cache" in response["Cache-Control"]


def test_the_day_after_the_end_date_the_documents_and_images_are_closed(client, du):
    ends(du.cohort, -1)
    client.force_login(du.student)
    response = client.get(du.document.url)
    assert response.status_code == 403
    assert "Votre accès aux supports du DU est terminé" in response.content.decode()
    assert client.get(du.image.get_rendition("max-100x100").url).status_code == 403


def test_moving_the_end_date_reopens_the_material_at_once(client, du):
    ends(du.cohort, -1)
    client.force_login(du.student)
    assert client.get(du.course.url).status_code == 403
    ends(du.cohort, 30)
    assert client.get(du.course.url).status_code == 200


def test_a_student_of_an_ended_cohort_still_reads_through_a_current_one(client, du):
    ends(du.cohort, -1)
    du.student.groups.add(cohort("promotion 2026-2027", 300).group)
    client.force_login(du.student)
    assert client.get(du.course.url).status_code == 200


def test_a_cohort_without_an_end_date_never_closes(client, du):
    du.cohort.access_end = None
    du.cohort.save()
    client.force_login(du.student)
    assert client.get(du.course.url).status_code == 200


def test_an_ended_cohort_no_longer_counts_among_the_groups_of_its_students(du):
    ends(du.cohort, -1)
    assert du.cohort.group_id not in current_group_ids(du.student)
    assert du.cohort.group_id not in Viewer(du.student).group_ids
    ends(du.cohort, 1)
    assert du.cohort.group_id in Viewer(du.student).group_ids


def test_the_documentalists_manage_the_cohorts_in_the_admin(client, db):
    client.force_login(person("documentaliste", documentalists()))
    response = client.get(reverse("wagtailsnippets_resources_ducohort:add"))
    assert response.status_code == 200
    assert 'name="access_end"' in response.content.decode()


def course_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "code": "DU-02",
            "date": "2025-10-06",
            "teachers": "Marie Leroy",
            "summary": "",
            "description": rich_text("<p>Les statuts de l'ESS.</p>"),
            "reading_list": streamfield([]),
            "territory_links": inline_formset([]),
            "tags": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def test_a_course_created_in_the_admin_starts_closed_to_all_but_the_cohorts_and_documentalists(client, du):
    client.force_login(person("documentaliste", documentalists()))
    response = client.post(add_url(CoursePage, du.course.get_parent()), course_form("Les statuts", "statuts"))
    assert response.status_code == 302
    course = CoursePage.objects.get(slug="statuts")
    [restriction] = course.get_view_restrictions()
    assert set(restriction.groups.all()) == {du.cohort.group, documentalists()}
    client.logout()
    assert client.get(course.url).status_code == 302
