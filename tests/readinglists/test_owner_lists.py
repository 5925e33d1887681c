"""A reader's own lists: created, filled, ordered, annotated, emptied and deleted, by their owner only."""

import datetime

import pytest
from lxml import html

from django.contrib.auth.models import User
from django.template.loader import render_to_string

from accounts.panels import account_panels
from readinglists.models import ReadingList, ReadingListItem
from resources.models import DUCohort

from .support import add, detail, fresh, item_titles, item_url, make_list, notice, tree_of

pytestmark = pytest.mark.django_db


def test_a_reader_creates_a_list_and_finds_it_among_theirs(reader):
    response = reader.post(
        "/compte/listes/nouvelle/", {"name": "  Habitat participatif ", "description": "Pour le mémoire"}
    )
    reading_list = ReadingList.objects.get()
    assert reading_list.name == "Habitat participatif"
    assert response.url == detail(reading_list)
    assert notice(reader.get(response.url)) == "La liste « Habitat participatif » a été créée."
    page = tree_of(reader.get("/compte/listes/")).text_content()
    assert "Habitat participatif" in page and "0 élément" in page


def test_a_list_needs_a_name_of_its_own(reader, archive):
    make_list(archive.reader, "Habitat")
    response = reader.post("/compte/listes/nouvelle/", {"name": "habitat"})
    assert response.status_code == 200
    assert "Vous avez déjà une liste nommée « habitat »." in tree_of(response).text_content()
    response = reader.post("/compte/listes/nouvelle/", {"name": "   "})
    name_input = tree_of(response).xpath("//input[@id='id_name']")[0]
    assert name_input.get("aria-invalid") == "true"
    assert tree_of(response).xpath(f"//*[@id='{name_input.get('aria-describedby')}']")
    assert ReadingList.objects.count() == 1


def test_items_are_listed_in_the_order_added(reader, archive):
    for target in (archive.reze, archive.bois, archive.coueron):
        add(
            reader,
            target,
            name="Lectures" if target is archive.reze else "",
            reading_list="" if target is archive.reze else ReadingList.objects.get().pk,
        )
    reading_list = ReadingList.objects.get()
    assert item_titles(reader.get(detail(reading_list))) == [
        "Coopérative de Rezé",
        "Habitat du Bois",
        "Tiers-lieu de Couëron",
    ]


def test_up_and_down_buttons_reorder_the_items(reader, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze, archive.bois, archive.coueron)
    reze, _bois, coueron = reading_list.items.all()
    response = reader.post(item_url(reading_list, coueron, "move_item"), {"direction": "up"})
    assert response.url == f"{detail(reading_list)}#element-{coueron.pk}"
    reader.post(item_url(reading_list, reze, "move_item"), {"direction": "down"})
    page = reader.get(detail(reading_list))
    assert item_titles(page) == ["Tiers-lieu de Couëron", "Coopérative de Rezé", "Habitat du Bois"]


def test_the_first_item_offers_no_up_button_and_refuses_to_go_up(reader, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze, archive.bois)
    first = reading_list.items.first()
    first_item = tree_of(reader.get(detail(reading_list))).xpath(f"//*[@id='element-{first.pk}']")[0]
    assert [b.text_content().split(":")[0].strip("↑↓ ") for b in first_item.xpath(".//button")] == [
        "Enregistrer la note",
        "Descendre",
        "Retirer",
    ]
    response = reader.post(item_url(reading_list, first, "move_item"), {"direction": "up"}, follow=True)
    assert notice(response) == "Cet élément ne peut pas être déplacé dans ce sens."
    assert item_titles(response) == ["Coopérative de Rezé", "Habitat du Bois"]


@pytest.mark.parametrize("direction", ["", "sideways", "up" * 500])
def test_a_garbage_direction_moves_nothing_and_says_so(reader, archive, direction):
    reading_list = make_list(archive.reader, "Lectures", archive.reze, archive.bois)
    response = reader.post(
        item_url(reading_list, reading_list.items.last(), "move_item"), {"direction": direction}, follow=True
    )
    assert notice(response) == "Cet élément ne peut pas être déplacé dans ce sens."
    assert item_titles(response) == ["Coopérative de Rezé", "Habitat du Bois"]


def test_a_note_is_saved_and_shown_again(reader, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze)
    item = reading_list.items.get()
    response = reader.post(
        item_url(reading_list, item, "edit_note"), {f"element-{item.pk}-note": "À citer en intro."}, follow=True
    )
    assert notice(response) == "La note a été enregistrée."
    assert tree_of(response).xpath(f"//textarea[@name='element-{item.pk}-note']")[0].text.strip() == "À citer en intro."


def test_a_note_too_long_is_refused_in_french_and_kept_on_screen(reader, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze)
    item = reading_list.items.get()
    long_note = "Très long. " * 300
    response = reader.post(item_url(reading_list, item, "edit_note"), {f"element-{item.pk}-note": long_note})
    assert response.status_code == 200
    textarea = tree_of(response).xpath(f"//textarea[@name='element-{item.pk}-note']")[0]
    assert textarea.get("aria-invalid") == "true"
    assert textarea.text.strip() == long_note.strip()
    assert "au plus 2000 caractères" in tree_of(response).text_content().replace("\u202f", "").replace("\xa0", "")
    item.refresh_from_db()
    assert item.note == ""


def test_removing_an_item_keeps_the_others(reader, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze, archive.bois)
    response = reader.post(item_url(reading_list, reading_list.items.first(), "remove_item"), follow=True)
    assert notice(response) == "« Coopérative de Rezé » a été retiré de la liste."
    assert item_titles(response) == ["Habitat du Bois"]


def test_a_list_is_renamed_and_deleted_after_confirmation(reader, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze)
    reader.post(detail(reading_list), {"name": "Mémoire", "description": ""})
    reading_list.refresh_from_db()
    assert reading_list.name == "Mémoire"
    confirm = reader.get(f"{detail(reading_list)}supprimer/")
    assert "Supprimer la liste « Mémoire » ?" in tree_of(confirm).text_content()
    assert ReadingList.objects.exists()
    response = reader.post(f"{detail(reading_list)}supprimer/", follow=True)
    assert notice(response) == "La liste « Mémoire » a été supprimée."
    assert not ReadingList.objects.exists() and not ReadingListItem.objects.exists()


def test_an_item_no_longer_open_to_the_owner_shows_as_unavailable_without_its_title(client, archive):
    reading_list = make_list(archive.student, "DU", archive.lesson, archive.reze)
    reading_list.items.filter(page=archive.lesson).update(note="Relire avant l’examen")
    client.force_login(archive.student)
    assert item_titles(client.get(detail(reading_list))) == ["Séance réservée sur les SCIC", "Coopérative de Rezé"]
    DUCohort.objects.filter(group=archive.students).update(access_end=datetime.date(2000, 1, 1))
    page = client.get(detail(reading_list))
    assert item_titles(page) == ["Élément indisponible", "Coopérative de Rezé"]
    assert "Séance réservée" not in page.content.decode()
    assert "Relire avant l’examen" in page.content.decode()


def test_an_unpublished_or_deleted_page_leaves_an_unavailable_item_with_its_note(reader, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze, archive.bois)
    reading_list.items.update(note="Ma note")
    fresh(archive.reze).unpublish()
    fresh(archive.bois).delete()
    page = reader.get(detail(reading_list))
    assert item_titles(page) == ["Élément indisponible", "Élément indisponible"]
    assert page.content.decode().count("Ma note") == 2
    response = reader.post(item_url(reading_list, reading_list.items.last(), "remove_item"), follow=True)
    assert notice(response) == "L’élément indisponible a été retiré de la liste."


def owner_urls(reading_list):
    item = reading_list.items.first()
    base = detail(reading_list)
    return [
        ("get", base),
        ("post", base),
        ("get", f"{base}supprimer/"),
        ("post", f"{base}supprimer/"),
        ("post", f"{base}partage/"),
        ("get", f"{base}export/?format=bibtex"),
        ("post", item_url(reading_list, item, "move_item")),
        ("post", item_url(reading_list, item, "edit_note")),
        ("post", item_url(reading_list, item, "remove_item")),
    ]


def test_another_persons_list_is_not_found_whatever_is_asked(client, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze)
    client.force_login(archive.other)
    for method, url in owner_urls(reading_list):
        assert getattr(client, method)(url, {"direction": "up", "action": "on", "name": "x"}).status_code == 404, url
    assert ReadingList.objects.get().name == "Lectures" and reading_list.items.count() == 1


def test_an_item_of_another_list_is_not_found_through_ones_own(reader, archive):
    mine = make_list(archive.reader, "Mienne", archive.reze)
    theirs = make_list(archive.other, "Sienne", archive.bois)
    url = f"/compte/listes/{mine.pk}/elements/{theirs.items.get().pk}/retirer/"
    assert reader.post(url).status_code == 404
    assert theirs.items.count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "/compte/listes/0/",
        "/compte/listes/99999999999999999999999/",
        "/compte/listes/abc/",
        "/compte/listes/-1/",
        "/compte/listes/1/elements/99999999999999999999999/deplacer/",
    ],
)
def test_garbage_ids_are_not_found(reader, archive, url):
    assert reader.get(url).status_code in (404, 405)
    assert reader.post(url, {"direction": "up"}).status_code == 404


def test_forms_only_post_and_refuse_a_get(reader, archive):
    reading_list = make_list(archive.reader, "Lectures", archive.reze)
    for url in (
        "/compte/listes/nouvelle/",
        f"{detail(reading_list)}partage/",
        item_url(reading_list, reading_list.items.get(), "remove_item"),
    ):
        assert reader.get(url).status_code == 405
    assert reading_list.items.count() == 1


def test_a_post_without_csrf_token_changes_nothing(archive):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(archive.reader)
    reading_list = make_list(archive.reader, "Lectures", archive.reze)
    assert client.post(item_url(reading_list, reading_list.items.get(), "remove_item")).status_code == 403
    assert reading_list.items.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, archive):
    for url in ("/compte/listes/", "/compte/listes/ajouter/?source=page:1"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/compte/connexion/?next=")


def test_deleting_an_account_deletes_its_lists_and_notes(archive):
    user = User.objects.create_user("partante")
    make_list(user, "À lire", archive.reze, archive.report)
    kept = make_list(archive.reader, "Gardée", archive.reze)
    user.delete()
    assert list(ReadingList.objects.all()) == [kept]
    assert ReadingListItem.objects.filter(reading_list__owner__username="partante").count() == 0
    assert ReadingListItem.objects.count() == 1


def test_the_list_exports_its_open_items_in_bibtex(reader, archive):
    reading_list = make_list(archive.reader, "Habitat", archive.reze, archive.bois)
    fresh(archive.bois).unpublish()
    response = reader.get(f"{detail(reading_list)}export/", {"format": "bibtex"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "/cooperative-de-reze/" in body and "habitat-du-bois" not in body
    assert 'filename="liste-habitat-' in response["Content-Disposition"]


def test_an_unknown_export_format_is_refused_in_french(reader, archive):
    reading_list = make_list(archive.reader, "Habitat", archive.reze)
    response = reader.get(f"{detail(reading_list)}export/", {"format": "docx"})
    assert response.status_code == 400
    assert "Format d’export inconnu : « docx »." in tree_of(response).text_content()


def test_mon_espace_shows_the_readers_lists_with_their_counts_and_links(archive, rf):
    make_list(archive.reader, "Habitat", archive.reze, archive.bois)
    make_list(archive.other, "Sienne", archive.reze)
    request = rf.get("/compte/")
    request.user = archive.reader
    panel = next(panel for panel in account_panels(request) if panel.template == "readinglists/panel.html")
    page = html.fromstring(render_to_string(panel.template, panel.context, request=request))
    assert [" ".join(li.text_content().split()) for li in page.xpath("//li")] == ["Habitat (2 éléments)"]
    assert page.xpath("//li/a/@href") == [detail(ReadingList.objects.get(name="Habitat"))]
