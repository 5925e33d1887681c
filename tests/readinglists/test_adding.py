"""Adding archive items to lists: from an item page's box or a search hit, only what the reader may open."""

from urllib.parse import parse_qs, urlsplit

import pytest

from readinglists.models import MAX_ITEMS, ReadingList, ReadingListItem

from .support import ADD, add, detail, fresh, make_list, notice, tree_of

pytestmark = pytest.mark.django_db
REFUSED = "Cet élément n’existe pas ou ne vous est pas accessible : il n’a été ajouté à aucune liste."


def box(response):
    found = tree_of(response).xpath("//section[@id='listes-de-lecture']")
    return found[0] if found else None


def test_anonymous_readers_see_no_list_box_on_an_item_page(client, archive):
    response = client.get(archive.reze.url)
    assert response.status_code == 200
    assert box(response) is None


def test_a_signed_in_reader_without_lists_names_a_new_one_from_the_item_page(reader, archive):
    form = box(reader.get(archive.reze.url)).xpath(".//form")[0]
    assert form.get("action") == ADD and form.get("method") == "post"
    assert form.xpath(".//input[@name='csrfmiddlewaretoken']")
    assert not form.xpath(".//select"), "no list to choose yet"
    assert form.xpath(".//label[@for='liste-name']")[0].text_content().startswith("Nom de la nouvelle liste")
    response = add(
        reader, archive.reze, name="Habitat", note="Un bon exemple", next=f"{archive.reze.url}#listes-de-lecture"
    )
    assert response.url == f"{archive.reze.url}#listes-de-lecture"
    item = ReadingListItem.objects.get()
    assert (item.reading_list.name, item.reading_list.owner, item.page_id, item.note) == (
        "Habitat",
        archive.reader,
        archive.reze.pk,
        "Un bon exemple",
    )
    page = box(reader.get(response.url))
    assert (
        " ".join(page.text_content().split()).count("« Coopérative de Rezé » a été ajouté à la liste « Habitat ».") == 1
    )
    assert "Dans vos listes : Habitat" in " ".join(page.text_content().split())
    assert "a été ajouté" not in box(reader.get(response.url)).text_content(), "the notice is shown once"


def test_the_box_offers_the_lists_that_lack_the_item_the_latest_first(reader, archive):
    make_list(archive.reader, "Ancienne")
    make_list(archive.reader, "Habitat", archive.reze)
    make_list(archive.reader, "Récente")
    select = box(reader.get(archive.reze.url)).xpath(".//select[@name='reading_list']")[0]
    options = [(option.text, option.get("selected") is not None) for option in select.xpath("option")]
    assert options == [("Nouvelle liste…", False), ("Récente", True), ("Ancienne", False)]


def test_adding_to_a_chosen_list_puts_the_item_last(reader, archive):
    reading_list = make_list(archive.reader, "Habitat", archive.reze)
    add(reader, archive.bois, reading_list=reading_list.pk, next="/")
    assert [item.page_id for item in reading_list.items.all()] == [archive.reze.pk, archive.bois.pk]


def test_a_public_document_is_added_like_a_page(reader, archive):
    reading_list = make_list(archive.reader, "Sources")
    response = add(reader, archive.report, reading_list=reading_list.pk)
    assert response.url == detail(reading_list)
    assert reading_list.items.get().document_id == archive.report.pk


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choisissez une de vos listes ou donnez un nom à la nouvelle."),
        ({"name": "Nouvelle", "reading_list": "LIST"}, "et donné le nom d’une nouvelle liste : videz l’un des deux."),
        ({"name": "habitat"}, "Vous avez déjà une liste nommée « habitat » : choisissez-la."),
        ({"reading_list": "LIST"}, "Cet élément est déjà dans la liste « Habitat »."),
        ({"reading_list": "999999"}, "Sélectionnez un choix valide."),
        ({"reading_list": "abc"}, "Sélectionnez un choix valide."),
    ],
)
def test_a_form_that_cannot_be_followed_is_shown_again_with_a_french_message(reader, archive, data, message):
    reading_list = make_list(archive.reader, "Habitat", archive.reze)
    data = {key: str(reading_list.pk) if value == "LIST" else value for key, value in data.items()}
    response = add(reader, archive.reze, note="Ma note à garder", next=archive.reze.url, **data)
    assert response.status_code == 200
    page = tree_of(response)
    assert message in " ".join(page.xpath("//*[@role='alert']")[0].text_content().split())
    assert page.xpath("//textarea[@name='note']")[0].text.strip() == "Ma note à garder"
    assert page.xpath("//input[@name='next']/@value") == [archive.reze.url]
    assert reading_list.items.count() == 1 and ReadingList.objects.count() == 1


def test_another_persons_list_cannot_be_chosen(reader, archive):
    theirs = make_list(archive.other, "Sienne")
    response = add(reader, archive.reze, reading_list=theirs.pk)
    assert "Sélectionnez un choix valide." in tree_of(response).text_content()
    assert not theirs.items.exists()


@pytest.mark.parametrize(
    "source", ["LESSON", "BUDGET", "page:999999", "document:0", "page:abc", "", "user:1", "page:1" * 40]
)
def test_what_the_reader_may_not_open_or_that_does_not_exist_is_refused_alike(reader, archive, source):
    source = {"LESSON": archive.lesson.search_source, "BUDGET": archive.budget.search_source}.get(source, source)
    reading_list = make_list(archive.reader, "Habitat")
    for response in (reader.get(ADD, {"source": source}), add(reader, source, reading_list=reading_list.pk)):
        assert response.status_code == 404
        assert REFUSED in tree_of(response).text_content()
        assert "Séance réservée" not in response.content.decode() and "Budget" not in response.content.decode()
    assert not ReadingListItem.objects.exists()


def test_an_unpublished_page_is_refused(reader, archive):
    fresh(archive.bois).unpublish()
    assert add(reader, archive.bois, name="Habitat").status_code == 404
    assert not ReadingList.objects.exists()


def test_a_student_adds_the_lesson_she_may_open(client, archive):
    client.force_login(archive.student)
    assert box(client.get(archive.lesson.url)) is not None
    add(client, archive.lesson, name="DU")
    assert ReadingListItem.objects.get().page_id == archive.lesson.pk


def test_a_full_list_refuses_one_more_item(reader, archive, monkeypatch):
    monkeypatch.setattr("readinglists.forms.MAX_ITEMS", 1)
    reading_list = make_list(archive.reader, "Habitat", archive.reze)
    response = add(reader, archive.bois, reading_list=reading_list.pk)
    assert "La liste « Habitat » compte déjà 1 éléments, le maximum." in tree_of(response).text_content()
    assert MAX_ITEMS > 1


@pytest.mark.parametrize("elsewhere", ["https://ailleurs.example/", "-1", "index"])
def test_a_next_address_off_the_site_leads_to_the_list(reader, archive, elsewhere):
    # "-1" or "index" are no paths: redirect() would look them up as view names and fail.
    reading_list = make_list(archive.reader, "Habitat")
    response = add(reader, archive.reze, reading_list=reading_list.pk, next=elsewhere)
    assert response.url == detail(reading_list)
    assert notice(reader.get(response.url)) == "« Coopérative de Rezé » a été ajouté à la liste « Habitat »."


def test_the_add_page_works_alone_for_a_search_hit(reader, archive):
    make_list(archive.reader, "Habitat")
    page = tree_of(reader.get(ADD, {"source": archive.report.search_source, "next": "/recherche/?q=scop#hit-2"}))
    assert page.xpath("//h1")[0].text_content() == "Ajouter à une liste"
    assert "Rapport public sur les SCOP" in page.xpath("//header")[1].text_content()
    assert page.xpath("//input[@name='next']/@value") == ["/recherche/?q=scop#hit-2"]


def test_search_hits_offer_signed_in_readers_the_add_page(client, reader, archive):
    links = tree_of(reader.get("/recherche/", {"q": "coopérative Rezé"})).xpath("//a[@class='reading-hit-link']")
    assert links, "a hit links to the add page"
    query = parse_qs(urlsplit(links[0].get("href")).query)
    assert query["source"] == [archive.reze.search_source]
    assert query["next"] == ["/recherche/?q=coop%C3%A9rative+Rez%C3%A9#hit-1"]
    client.logout()
    assert not tree_of(client.get("/recherche/", {"q": "coopérative Rezé"})).xpath("//a[@class='reading-hit-link']")
