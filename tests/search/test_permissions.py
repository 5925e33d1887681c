"""Nobody finds what they may not open: not in hits, totals, facet counts, autocomplete or suggestions.

The archive holds one public page and, under view restrictions, a DU course (group), a private
document (collection restricted to the group), a members' page (login) and a protected page
(shared password). Each is searched as anonymous, as a logged-in reader, as a DU student and as staff.
"""

from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Group, User
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from kb.factories import PoleFactory
from kb.models import Territory
from resources.factories import ArchiveDocumentFactory, CoursePageFactory, ResearchPaperPageFactory
from search.access import Viewer

from .support import committed, facet_counts, find, index_records, module_transaction, practice, site_tree, titles

pytestmark = pytest.mark.django_db

PUBLIC = "Habitat inclusif à Nantes"
COURSE = "Séminaire confidentiel sur l'habitat inclusif"
PRIVATE_DOCUMENT = "Support de cours inclusif"
MEMBERS_ONLY = "Compte rendu inclusif réservé aux membres"
PROTECTED = "Dossier inclusif protégé"
PUBLIC_PAPER = "Travaux publics sur les utopies"

GROUP_ITEMS = {COURSE, PRIVATE_DOCUMENT}


def restrict(page, kind, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password=password)
    restriction.groups.set(groups)
    return restriction


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        students = Group.objects.create(name="Étudiants du DU")
        member = User.objects.create_user("etudiante")
        member.groups.add(students)
        private = Collection.get_first_root_node().add_child(name="Documents du DU")
        collection_restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.GROUPS
        )
        collection_restriction.groups.set([students])

        with committed():  # the PDF text is extracted on commit
            tree = site_tree()
            practice(tree.practice_index, PUBLIC, body="Un habitat inclusif.", tags=["public"])
            restrict(tree.course_index, PageViewRestriction.GROUPS, groups=[students])
            CoursePageFactory(
                parent=tree.course_index,
                title=COURSE,
                summary="",
                description="<p>Le phalanstère et l'habitat inclusif.</p>",
                poles=[PoleFactory(name="Pôle du DU", slug="pole-du")],
                territories=[Territory.objects.get(code="49007")],
                tags=["secret du DU"],
            )
            document = ArchiveDocumentFactory(
                title=PRIVATE_DOCUMENT, collection=private, pages=["Le phalanstère de Guise."]
            )
            ResearchPaperPageFactory(
                parent=tree.research_index, title=PUBLIC_PAPER, abstract="<p>Une synthèse.</p>", pdf=document
            )
            members = practice(tree.practice_index, MEMBERS_ONLY, body="Un habitat inclusif.")
            restrict(members, PageViewRestriction.LOGIN)
            protected = practice(tree.practice_index, PROTECTED, body="Un habitat inclusif.")
            password = restrict(protected, PageViewRestriction.PASSWORD, password="sesame")
        index_records(engine)
        yield SimpleNamespace(
            member=member,
            reader=User.objects.create_user("lectrice"),
            staff=User.objects.create_superuser("documentaliste"),
            protected=protected,
            password=password,
        )


@pytest.fixture
def viewers(archive):
    return {
        "anonymous": Viewer(),
        "reader": Viewer(archive.reader),
        "member": Viewer(archive.member),
        "staff": Viewer(archive.staff),
    }


EXPECTED = {
    "anonymous": {PUBLIC},
    "reader": {PUBLIC, MEMBERS_ONLY},
    "member": {PUBLIC, MEMBERS_ONLY, *GROUP_ITEMS},
    "staff": {PUBLIC, MEMBERS_ONLY, *GROUP_ITEMS},
}


@pytest.mark.parametrize("who", EXPECTED)
def test_each_viewer_finds_exactly_what_they_may_open(engine, viewers, who):
    response = find(engine, "inclusif", viewer=viewers[who])
    assert set(titles(response)) == EXPECTED[who]
    assert response.total == len(EXPECTED[who])


@pytest.mark.parametrize("who", EXPECTED)
def test_facet_counts_only_count_what_the_viewer_may_open(engine, viewers, who):
    response = find(engine, viewer=viewers[who])
    sees_the_course = COURSE in EXPECTED[who]
    assert ("pole-du" in facet_counts(response, "pole")) is sees_the_course
    assert ("secret-du-du" in facet_counts(response, "tag")) is sees_the_course
    assert ("49007" in facet_counts(response, "territory")) is sees_the_course
    assert ("course" in facet_counts(response, "kind")) is sees_the_course
    assert ("document" in facet_counts(response, "kind")) is sees_the_course
    assert sum(facet_counts(response, "kind").values()) == response.total


def test_a_restricted_item_is_not_counted_even_when_its_facet_value_is_selected(engine, viewers):
    response = find(engine, viewer=viewers["anonymous"], pole=["pole-du"])
    assert (response.total, response.hits) == (0, [])
    assert facet_counts(response, "pole") == {"pole-du": 0}
    assert find(engine, viewer=viewers["member"], pole=["pole-du"]).total == 1


@pytest.mark.parametrize("who", EXPECTED)
def test_autocomplete_only_offers_titles_the_viewer_may_open(engine, viewers, who):
    offered = {title for title, _url, _kind in engine.autocomplete("sémin", viewers[who])}
    assert offered == ({COURSE} if COURSE in EXPECTED[who] else set())


def test_a_suggestion_never_reveals_a_word_only_restricted_items_contain(engine, viewers):
    assert find(engine, "confidantiel", viewer=viewers["anonymous"]).suggestion == ""
    assert find(engine, "confidantiel", viewer=viewers["member"]).suggestion == "confidentiel"


def test_the_text_of_a_private_pdf_is_not_found_through_a_public_page_that_attaches_it(engine, viewers):
    assert titles(find(engine, "phalanstère", viewer=viewers["anonymous"])) == []
    assert PRIVATE_DOCUMENT in titles(find(engine, "phalanstère", viewer=viewers["member"]))


def test_a_password_protected_page_is_hidden_even_from_staff_until_the_session_passed_it(engine, viewers, archive):
    assert PROTECTED not in titles(find(engine, "inclusif", viewer=viewers["staff"]))
    passed = Viewer(archive.staff, passed_restrictions=[f"page:{archive.password.pk}"])
    assert PROTECTED in titles(find(engine, "inclusif", viewer=passed))


def test_passing_the_password_form_makes_the_page_searchable_in_that_session(client, archive):
    def found():
        data = client.get(reverse("search:api"), {"q": "inclusif"}).json()
        return PROTECTED in [hit["title"] for hit in data["hits"]]

    assert not found()
    response = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[archive.password.pk, archive.protected.pk]),
        {"password": "sesame", "return_url": archive.protected.url},
    )
    assert response.status_code == 302
    assert found()


@pytest.mark.parametrize("who", ["anonymous", "reader", "member", "staff"])
def test_the_api_answers_each_viewer_with_what_they_may_open(client, archive, who):
    if who != "anonymous":
        client.force_login(getattr(archive, who))
    data = client.get(reverse("search:api"), {"q": "inclusif"}).json()
    assert {hit["title"] for hit in data["hits"]} == EXPECTED[who]
    assert data["total"] == len(EXPECTED[who])
    kinds = {value["value"]: value["count"] for value in data["facets"]["kind"]}
    assert sum(kinds.values()) == data["total"]


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_autocomplete_api_answers_each_viewer_with_what_they_may_open(client, archive, who):
    if who != "anonymous":
        client.force_login(getattr(archive, who))
    data = client.get(reverse("search:autocomplete"), {"q": "sémin"}).json()
    assert [result["title"] for result in data["results"]] == ([COURSE] if who == "member" else [])


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_search_page_shows_each_viewer_only_what_they_may_open(client, archive, who):
    if who != "anonymous":
        client.force_login(getattr(archive, who))
    response = client.get(reverse("search:page"), {"q": "séminaire confidentiel"})
    assert response.status_code == 200
    shown = "Séminaire confidentiel" in response.content.decode().replace("<mark>", "").replace("</mark>", "")
    assert shown is (who == "member")
    assert ("Pôle du DU" in response.content.decode()) is (who == "member")
