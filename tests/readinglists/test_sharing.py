"""Sharing a list by link: only while every item in it is public, read-only, never indexed, never leaking."""

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageViewRestriction

from tests.people import private_collection, restrict_page

from .support import detail, fresh, item_titles, make_list, notice, shared_url, tree_of

pytestmark = pytest.mark.django_db


def switch(client, reading_list, action):
    return client.post(f"{detail(reading_list)}partage/", {"action": action}, follow=True)


def test_a_public_list_is_shared_and_read_by_anyone_without_an_account(reader, archive):
    reading_list = make_list(archive.reader, "Habitat coopératif", archive.reze, archive.report)
    reading_list.items.filter(page=archive.reze).update(note="Le meilleur exemple")
    response = switch(reader, reading_list, "on")
    assert notice(response).startswith("La liste est partagée")
    link = tree_of(response).xpath("//*[@class='reading-share__url']/a/@href")[0]
    assert link == f"http://testserver{shared_url(reading_list)}"
    public = Client().get(shared_url(reading_list))
    assert public.status_code == 200
    assert item_titles(public) == ["Coopérative de Rezé", "Rapport public sur les SCOP"]
    page = tree_of(public)
    assert "Le meilleur exemple" in page.text_content()
    assert not page.xpath("//main//form"), "read-only"


def test_a_shared_list_is_kept_out_of_search_engines(archive):
    reading_list = make_list(archive.reader, "Habitat", archive.reze, shared=True)
    response = Client().get(shared_url(reading_list))
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert tree_of(response).xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
    assert "no-cache" in response["Cache-Control"]


def test_sharing_is_refused_while_a_restricted_item_is_in_the_list_and_names_it(client, archive):
    reading_list = make_list(archive.student, "DU", archive.reze, archive.lesson)
    client.force_login(archive.student)
    response = switch(client, reading_list, "on")
    assert notice(response) == (
        "La liste n’a pas été partagée. Cette liste contient un élément réservé : « Séance réservée sur les SCIC »."
    )
    reading_list.refresh_from_db()
    assert not reading_list.shared
    assert Client().get(shared_url(reading_list)).status_code == 404


def test_a_private_document_keeps_the_list_from_being_shared(client, archive):
    reading_list = make_list(archive.student, "DU", archive.budget)
    client.force_login(archive.student)
    assert "Cette liste contient un élément réservé : « Budget confidentiel »." in notice(
        switch(client, reading_list, "on")
    )


def test_an_item_the_owner_may_no_longer_open_is_not_named(client, archive):
    reading_list = make_list(archive.student, "DU", archive.lesson)
    archive.students.user_set.remove(archive.student)
    client.force_login(archive.student)
    message = notice(switch(client, reading_list, "on"))
    assert "élément indisponible" in message and "Séance" not in message


@pytest.mark.parametrize("change", ["group", "login", "password", "unpublish", "delete", "private collection"])
def test_the_link_answers_404_once_an_item_stops_being_public(archive, change):
    reading_list = make_list(archive.reader, "Habitat", archive.reze, archive.report, shared=True)
    reading_list.items.update(note="Une note à ne pas divulguer")
    anonymous = Client()
    assert anonymous.get(shared_url(reading_list)).status_code == 200
    if change == "group":
        restrict_page(archive.reze, Group.objects.create(name="Relecteurs"))
    elif change in ("login", "password"):
        kind = PageViewRestriction.LOGIN if change == "login" else PageViewRestriction.PASSWORD
        PageViewRestriction.objects.create(page=archive.reze, restriction_type=kind, password="secret")
    elif change == "unpublish":
        fresh(archive.reze).unpublish()
    elif change == "delete":
        fresh(archive.reze).delete()
    else:
        report = fresh(archive.report)
        report.collection = private_collection("Réservé", archive.students)
        report.save()
    for client in (anonymous, Client()):
        response = client.get(shared_url(reading_list))
        assert response.status_code == 404
        body = response.content.decode()
        assert "Coopérative de Rezé" not in body and "Une note à ne pas divulguer" not in body and "Habitat" not in body
    assert anonymous.get(f"{shared_url(reading_list)}export/?format=bibtex").status_code == 404


def test_the_owner_sees_why_the_link_no_longer_works(reader, archive):
    reading_list = make_list(archive.reader, "Habitat", archive.reze, shared=True)
    PageViewRestriction.objects.create(page=archive.reze, restriction_type=PageViewRestriction.LOGIN)
    sharing = tree_of(reader.get(detail(reading_list))).xpath("//section[@aria-labelledby='partage']")[0]
    text = " ".join(sharing.text_content().split())
    assert "Le lien de partage ne mène à rien pour l’instant" in text
    assert "Cette liste contient un élément réservé : « Coopérative de Rezé »." in text


def test_a_signed_in_visitor_with_more_access_still_gets_404_for_a_restricted_list(client, archive):
    reading_list = make_list(archive.student, "DU", archive.lesson, shared=True)
    client.force_login(archive.student)
    assert client.get(shared_url(reading_list)).status_code == 404


def test_a_new_link_replaces_the_old_one(reader, archive):
    reading_list = make_list(archive.reader, "Habitat", archive.reze, shared=True)
    old = shared_url(reading_list)
    response = switch(reader, reading_list, "regenerate")
    assert notice(response) == "La liste a un nouveau lien : l’ancien ne mène plus à rien."
    reading_list.refresh_from_db()
    assert Client().get(old).status_code == 404
    assert shared_url(reading_list) != old
    assert Client().get(shared_url(reading_list)).status_code == 200


def test_turning_sharing_off_closes_the_link(reader, archive):
    reading_list = make_list(archive.reader, "Habitat", archive.reze, shared=True)
    switch(reader, reading_list, "off")
    assert Client().get(shared_url(reading_list)).status_code == 404


@pytest.mark.parametrize("action", ["", "ON", "publish", "x" * 1000])
def test_an_unknown_sharing_action_changes_nothing(reader, archive, action):
    reading_list = make_list(archive.reader, "Habitat", archive.reze)
    token = reading_list.share_token
    assert notice(switch(reader, reading_list, action)) == "Action de partage inconnue : rien n’a changé."
    reading_list.refresh_from_db()
    assert (reading_list.shared, reading_list.share_token) == (False, token)


@pytest.mark.parametrize("token", ["x" * 16, "court", "a" * 65, "%00" * 20, "../" * 8])
def test_a_garbage_link_is_not_found(client, archive, token):
    make_list(archive.reader, "Habitat", archive.reze, shared=True)
    assert client.get(f"/listes/{token}/").status_code == 404


def test_the_shared_list_exports_its_items(archive):
    reading_list = make_list(archive.reader, "Habitat", archive.reze, shared=True)
    response = Client().get(f"{shared_url(reading_list)}export/", {"format": "ris"})
    assert response.status_code == 200
    assert "Coopérative de Rezé" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_an_empty_shared_list_reads_as_empty(archive):
    reading_list = make_list(archive.reader, "À venir", shared=True)
    response = Client().get(shared_url(reading_list))
    assert "Cette liste est vide pour l’instant." in tree_of(response).text_content()
