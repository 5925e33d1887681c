"""The « sélection »: items kept in the session across pages and searches, shown and exported only while openable."""

import json
from types import SimpleNamespace

import pytest
from lxml import html

from django.contrib.auth.models import User
from django.test import Client

from citations import selection
from citations.items import entry_key
from citations.selection import SESSION_KEY
from resources.factories import CoursePageFactory, LessonPageFactory
from search.models import SearchRecord
from search.sync import apply
from tests.people import cohort, person, restrict_page
from tests.search.support import module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

ADD, REMOVE, CLEAR, PAGE, EXPORT = (
    "/selection/ajouter/",
    "/selection/retirer/",
    "/selection/vider/",
    "/selection/",
    "/selection/export/",
)
UNAVAILABLE = "Cet élément n’existe pas ou ne vous est pas accessible : il n’a pas été ajouté à la sélection."


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Three public practice exchanges on cooperatives, a DU lesson on them, and a draft."""
    with module_transaction(django_db_blocker):
        tree = site_tree()
        pages = [
            practice(tree.practice_index, title, body="Une coopérative d'habitants.")
            for title in ("Coopérative de Rezé", "Coopérative du Bois", "Coopérative de Couëron")
        ]
        students = cohort("promotion 2026", 30).group
        course = CoursePageFactory(parent=tree.course_index, title="Cours du DU")
        restrict_page(course, students)
        lesson = LessonPageFactory(parent=course, title="Séance réservée sur la coopérative")
        draft = practice(tree.practice_index, "Brouillon sur une coopérative", live=False)
        apply([page.search_source for page in [*pages, course, lesson, draft]])
        yield SimpleNamespace(
            reze=pages[0],
            bois=pages[1],
            coueron=pages[2],
            lesson=lesson,
            draft=draft,
            student=person("etudiante", students),
        )


def add(client, page_or_source, next_address="/recherche/?q=coop%C3%A9rative", **headers):
    source = getattr(page_or_source, "search_source", page_or_source)
    return client.post(ADD, {"source": source, "next": next_address}, headers=headers)


def selected(client):
    return client.session.get(SESSION_KEY, [])


def shown_titles(client):
    tree = html.fromstring(client.get(PAGE).content)
    return [title.text_content() for title in tree.xpath("//*[@class='selection-item__title']")]


def notice(response):
    """The selection message a page shows (under the header), or ""."""
    found = html.fromstring(response.content).xpath("//*[@data-selection-notice]")
    return found[0].text_content().strip() if found else ""


def test_a_reader_keeps_items_across_pages_and_searches(client, archive):
    add(client, archive.reze, "/recherche/?q=coop%C3%A9rative&page=2")
    add(client, archive.bois, "/recherche/?q=bois")
    assert shown_titles(client) == ["Coopérative de Rezé", "Coopérative du Bois"]
    assert "Sélection (2)" in html.fromstring(client.get("/recherche/").content).text_content()


def test_adding_returns_to_the_hit_and_says_so_once(client, archive):
    response = add(client, archive.reze, "/recherche/?q=coop%C3%A9rative#hit-3")
    assert response.status_code == 302
    assert response.url == "/recherche/?q=coop%C3%A9rative#hit-3"
    assert notice(client.get(response.url)) == "« Coopérative de Rezé » a été ajouté à votre sélection."
    assert notice(client.get(response.url)) == ""


def test_a_selected_hit_offers_to_remove_it_the_others_to_add_them(client, archive):
    add(client, archive.reze)
    tree = html.fromstring(client.get("/recherche/", {"q": "coopérative"}).content)
    forms = {
        form.xpath(".//input[@name='source']/@value")[0]: (form.get("action"), form.text_content())
        for form in tree.xpath("//form[@class='selection-toggle']")
    }
    assert forms[archive.reze.search_source][0] == REMOVE
    assert "Retirer de la sélection" in forms[archive.reze.search_source][1]
    assert forms[archive.bois.search_source][0] == ADD
    assert "Ajouter à la sélection" in forms[archive.bois.search_source][1]


@pytest.mark.parametrize(
    "elsewhere", ["https://ailleurs.example/", "//ailleurs.example/recherche/", "javascript:alert(1)", "-1", "index"]
)
def test_a_next_address_off_the_site_leads_to_the_selection_page(client, archive, elsewhere):
    assert add(client, archive.reze, elsewhere).url == PAGE


def test_an_item_is_removed_and_the_selection_emptied(client, archive):
    for page in (archive.reze, archive.bois, archive.coueron):
        add(client, page)
    response = client.post(REMOVE, {"source": archive.bois.search_source, "next": PAGE}, follow=True)
    assert notice(response) == "« Coopérative du Bois » a été retiré de votre sélection."
    assert shown_titles(client) == ["Coopérative de Rezé", "Coopérative de Couëron"]
    response = client.post(CLEAR, {"next": PAGE}, follow=True)
    assert notice(response) == "Votre sélection a été vidée (2 éléments retirés)."
    assert "Votre sélection est vide." in response.content.decode()
    assert selected(client) == []


@pytest.mark.parametrize(
    "forged",
    ["page:abc", "../../", "x" * 10_240, "utilisateur:1", "page:0", "page:-3", "page:99999999", "", "page:1\n"],
)
def test_a_forged_source_is_refused_in_french_and_nothing_changes(client, archive, forged):
    add(client, archive.reze)
    response = add(client, forged, PAGE)
    assert response.status_code == 302
    assert notice(client.get(response.url)) == UNAVAILABLE
    assert selected(client) == [archive.reze.search_source]
    answer = add(client, forged, PAGE, accept="application/json")
    assert answer.status_code == 400
    assert answer.json() == {"ok": False, "message": UNAVAILABLE, "selected": False, "count": 1}


def test_a_full_selection_keeps_what_it_holds_and_says_why(client, archive, monkeypatch):
    monkeypatch.setattr(selection, "MAX_SELECTION", 2)
    add(client, archive.reze)
    add(client, archive.bois)
    response = add(client, archive.coueron, PAGE)
    message = notice(client.get(response.url))
    assert message.startswith("Votre sélection compte déjà 2 éléments, le maximum : « Coopérative de Couëron » n’y a")
    assert selected(client) == [archive.reze.search_source, archive.bois.search_source]


def test_an_anonymous_reader_cannot_add_a_restricted_lesson(client, archive):
    response = add(client, archive.lesson, PAGE, accept="application/json")
    assert response.json()["message"] == UNAVAILABLE
    assert selected(client) == []


def test_a_restricted_source_forged_into_the_session_is_neither_shown_nor_exported(client, archive):
    session = client.session
    session[SESSION_KEY] = [archive.reze.search_source, archive.lesson.search_source]
    session.save()
    page = client.get(PAGE).content.decode()
    assert "Séance réservée" not in page
    assert "1 élément de votre sélection ne vous est plus accessible" in page
    exported = json.loads(client.get(EXPORT, {"format": "csljson"}).content)
    assert [item["title"] for item in exported] == ["Coopérative de Rezé"]


def test_an_item_unpublished_since_it_was_added_drops_out_without_its_title(client, archive):
    add(client, archive.reze, accept="application/json")
    add(client, archive.bois, accept="application/json")
    archive.bois.unpublish()
    apply([archive.bois.search_source])
    page = client.get(PAGE).content.decode()
    assert "Coopérative du Bois" not in page
    assert "1 élément de votre sélection ne vous est plus accessible" in page
    assert shown_titles(client) == ["Coopérative de Rezé"]


def test_a_du_student_selects_sees_and_exports_the_lesson(client, archive):
    client.force_login(archive.student)
    add(client, archive.lesson)
    assert shown_titles(client) == ["Séance réservée sur la coopérative"]
    ris = client.get(EXPORT, {"format": "ris"}).content.decode()
    assert f"ID  - {entry_key(archive.lesson.search_source)}" in ris


def test_a_draft_is_no_item_even_for_staff(client, archive):
    assert not SearchRecord.objects.filter(source=archive.draft.search_source).exists()
    client.force_login(User.objects.create_superuser("admin", "admin@ess-nantes.example", "x" * 12))
    add(client, archive.draft)
    assert selected(client) == []


@pytest.mark.parametrize("export_format", ["bibtex", "ris", "csljson", "csv"])
def test_the_selection_exports_in_the_order_items_were_added(client, archive, export_format):
    for page in (archive.coueron, archive.reze):
        add(client, page)
    response = client.get(EXPORT, {"format": export_format})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="selection-')
    text = response.content.decode("utf-8-sig")
    keys = [entry_key(archive.coueron.search_source), entry_key(archive.reze.search_source)]
    assert text.index(keys[0]) < text.index(keys[1])


def test_an_unknown_export_format_lists_the_formats(client, archive):
    response = client.get(EXPORT, {"format": "../../etc/passwd"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Format d’export inconnu" in page
    assert "/selection/export/?format=csljson" in page


def test_the_script_gets_json_and_the_count(client, archive):
    answer = add(client, archive.reze, accept="application/json")
    assert answer.json() == {
        "ok": True,
        "message": "« Coopérative de Rezé » a été ajouté à votre sélection.",
        "selected": True,
        "count": 1,
    }
    answer = client.post(REMOVE, {"source": archive.reze.search_source}, headers={"accept": "application/json"})
    assert answer.json()["selected"] is False
    assert answer.json()["count"] == 0


def test_the_forms_need_their_token_and_a_post(archive):
    guarded = Client(enforce_csrf_checks=True)
    assert guarded.post(ADD, {"source": archive.reze.search_source}).status_code == 403
    assert guarded.get(ADD, {"source": archive.reze.search_source}).status_code == 405
