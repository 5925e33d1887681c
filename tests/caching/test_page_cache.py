"""Anonymous readers are served stored pages, which a change to what they show makes fresh at once; signed-in
readers never see a stored page and their pages are never stored."""

import re

import pytest

from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from search import events

from .conftest import anonymous_get, committed

pytestmark = pytest.mark.django_db

NEW_TITLE = "Habiter en coopérative à Rezé, vingt ans après"


def views_of(archive):
    """The item's page and every listing and taxonomy page that shows it."""
    return [
        archive.paper.url,
        archive.research_index.url,
        "/",
        reverse("kb:theme", args=[archive.theme.slug]),
        archive.pole_section.url,
        reverse("kb:territory", args=["44143"]),
        reverse("kb:territory", args=["44"]),
        reverse("kb:tag", args=["habitat-participatif"]),
        reverse("search:page") + "?q=rezé",
        reverse("search:api") + "?q=rezé",
    ]


def stored(path):
    """View the page twice: the second answer is the stored one."""
    anonymous_get(path)
    response = anonymous_get(path)
    assert response.status_code == 200, path
    assert response["X-Page-Cache"] == "hit", path
    return response


def test_an_anonymous_reader_is_served_the_stored_page_after_its_first_view(archive):
    first = anonymous_get(archive.paper.url)
    second = anonymous_get(archive.paper.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert "max-age=60" in second["Cache-Control"]


def test_each_query_string_is_stored_apart(archive):
    stored(archive.research_index.url + "?page=1")
    assert anonymous_get(archive.research_index.url + "?page=2")["X-Page-Cache"] == "miss"


def test_a_conditional_request_for_an_unchanged_page_is_answered_304(archive):
    etag = stored(archive.paper.url)["ETag"]
    assert anonymous_get(archive.paper.url, headers={"If-None-Match": etag}).status_code == 304


def test_a_republished_title_shows_at_once_on_the_item_its_listing_the_home_taxonomy_and_search_pages(archive):
    paths = views_of(archive)
    for path in paths:
        stored(path)
    with committed():
        archive.paper.title = NEW_TITLE
        archive.paper.save_revision().publish()
    for path in paths:
        response = anonymous_get(path)
        assert response["X-Page-Cache"] == "miss", path
    assert NEW_TITLE in anonymous_get(archive.paper.url).content.decode()
    assert NEW_TITLE in anonymous_get(archive.research_index.url).content.decode()
    assert NEW_TITLE in anonymous_get(reverse("kb:theme", args=[archive.theme.slug])).content.decode()


def test_an_unpublished_item_is_gone_from_its_page_and_its_listing(archive):
    stored(archive.paper.url)
    stored(archive.research_index.url + "?page=1")
    with committed():
        archive.paper.unpublish()
    assert anonymous_get(archive.paper.url).status_code == 404
    assert archive.paper.title not in anonymous_get(archive.research_index.url + "?page=1").content.decode()


def test_a_deleted_item_is_gone_from_its_page(archive):
    url = archive.paper.url
    stored(url)
    with committed():
        archive.paper.delete()
    assert anonymous_get(url).status_code == 404


def test_a_moved_item_answers_at_its_new_address_only(archive):
    old = archive.paper.url
    stored(old)
    stored(archive.research_index.url)
    with committed():
        archive.paper.move(archive.practice_index, pos="last-child")
    archive.paper.refresh_from_db()
    # Wagtail leaves a redirect behind: never the stored page.
    assert anonymous_get(old)["Location"] == archive.paper.url
    assert anonymous_get(archive.paper.url).status_code == 200
    assert archive.paper.title not in anonymous_get(archive.research_index.url).content.decode()


def test_a_page_closed_to_a_group_is_no_longer_served_to_anonymous_readers(archive):
    stored(archive.paper.url)
    stored(archive.research_index.url)
    with committed():
        restriction = PageViewRestriction.objects.create(page=archive.paper, restriction_type="groups")
        restriction.groups.add(Group.objects.create(name="Étudiants du DU"))
    assert anonymous_get(archive.paper.url).status_code == 302
    assert archive.paper.title not in anonymous_get(archive.research_index.url).content.decode()


def test_a_renamed_theme_shows_at_once_on_the_items_it_classes_and_on_its_own_page(archive):
    theme_page = reverse("kb:theme", args=[archive.theme.slug])
    stored(archive.paper.url)
    stored(theme_page)
    with committed():
        archive.theme.name = "Habiter dignement"
        archive.theme.save()
    assert "Habiter dignement" in anonymous_get(archive.paper.url).content.decode()
    assert "Habiter dignement" in anonymous_get(theme_page).content.decode()


def test_a_renamed_pole_shows_at_once_on_its_section_and_the_items_it_classes(archive):
    stored(archive.paper.url)
    stored(archive.pole_section.url)
    with committed():
        archive.pole.name = "Habitat participatif et solidaire"
        archive.pole.save()
    assert "Habitat participatif et solidaire" in anonymous_get(archive.paper.url).content.decode()
    assert anonymous_get(archive.pole_section.url)["X-Page-Cache"] == "miss"


def test_a_record_change_announced_by_the_search_makes_search_pages_fresh(archive):
    search = reverse("search:page") + "?q=rezé"
    stored(search)
    stored(reverse("search:api") + "?q=rezé")
    with committed():
        events.announce([f"page:{archive.paper.pk}"])
    assert anonymous_get(search)["X-Page-Cache"] == "miss"
    assert anonymous_get(reverse("search:api") + "?q=rezé")["X-Page-Cache"] == "miss"


def test_a_rebuild_of_the_search_makes_every_page_fresh(archive):
    stored(archive.paper.url)
    with committed():
        events.announce(None)
    assert anonymous_get(archive.paper.url)["X-Page-Cache"] == "miss"


# Signed-in readers


@pytest.fixture
def student(archive):
    students = Group.objects.create(name="Étudiants du DU")
    user = User.objects.create_user("etudiante", password="x")
    user.groups.add(students)
    with committed():
        restriction = PageViewRestriction.objects.create(page=archive.paper, restriction_type="groups")
        restriction.groups.add(students)
    client = Client()
    client.force_login(user)
    return client


def test_a_signed_in_reader_is_never_served_the_anonymous_stored_page(archive, student):
    stored(archive.research_index.url)
    response = student.get(archive.research_index.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    # The restricted paper is listed for the student, who may open it, not in the anonymous copy.
    assert archive.paper.title in response.content.decode()
    assert archive.paper.title not in anonymous_get(archive.research_index.url).content.decode()


def test_a_restricted_page_rendered_for_a_student_is_never_stored(archive, student):
    assert student.get(archive.paper.url).status_code == 200
    assert student.get(archive.paper.url).status_code == 200
    anonymous = anonymous_get(archive.paper.url)
    assert anonymous.status_code == 302
    assert "X-Page-Cache" not in anonymous


def test_admin_and_account_pages_are_never_stored(archive):
    for path in ("/admin/login/", "/compte/connexion/"):
        anonymous_get(path)
        assert "X-Page-Cache" not in anonymous_get(path), path


# Forms on stored pages


def test_every_reader_of_a_stored_search_page_gets_a_csrf_token_of_their_own_that_works(archive):
    search = reverse("search:page") + "?q=rezé"
    first, second = anonymous_get(search), Client(enforce_csrf_checks=True)
    assert archive.paper.title in first.content.decode()
    served = second.get(search)
    assert served["X-Page-Cache"] == "hit"
    assert "private" in served["Cache-Control"]
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', served.content.decode())
    assert tokens
    assert set(tokens).isdisjoint(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', first.content.decode()))
    added = second.post(
        reverse("citations:selection_add"), {"csrfmiddlewaretoken": tokens[0], "source": f"page:{archive.paper.pk}"}
    )
    assert added.status_code != 403


def test_a_cache_server_that_is_down_slows_readers_but_never_refuses_them(archive, monkeypatch, caplog):
    def unreachable(*args, **kwargs):
        raise ConnectionError("cache server down")

    monkeypatch.setattr("caching.store.lookup", unreachable)
    response = anonymous_get(archive.paper.url)
    assert response.status_code == 200
    assert archive.paper.title in response.content.decode()
    assert "page cache unreachable" in caplog.text


def test_a_live_page_saved_directly_by_a_script_is_fresh_at_once(archive):
    stored(archive.paper.url)
    with committed():
        archive.paper.title = NEW_TITLE
        archive.paper.save()
    assert NEW_TITLE in anonymous_get(archive.paper.url).content.decode()
