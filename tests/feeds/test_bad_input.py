"""A wrong feed or calendar address gets a page that says, in French, what is wrong: never a 500, never an
empty feed that would look as if nothing was published."""

import pytest

from django.urls import reverse

from .support import feed_url

pytestmark = pytest.mark.django_db


def refused(client, url, status):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


@pytest.mark.parametrize(
    ("name", "key", "message"),
    [
        ("pole", "pole-inexistant", "Pôle inconnu : « pole-inexistant »"),
        ("territory", "99999", "Territoire inconnu : « 99999 »"),
        ("theme", "se-baigner", "Thème inconnu : « se-baigner »"),
        ("tag", "jamais-employe", "Mot-clé inconnu : « jamais-employe »"),
        ("kind", "recette", "Aucun flux pour le type « recette »"),
    ],
)
def test_a_feed_of_an_unknown_listing_is_not_found_and_says_why(client, name, key, message):
    assert message in refused(client, feed_url(name, "atom", key=key), 404)


def test_du_course_material_has_no_feed(client):
    for kind in ("course", "lesson"):
        assert "Aucun flux pour le type" in refused(client, feed_url("kind", key=kind), 404)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("pole=pole-inexistant", "Pôle inconnu : « pole-inexistant »"),
        ("territory=<script>", "Valeur invalide pour le filtre « Territoire »"),
        ("kind=recette", "Type inconnu : « recette »"),
        ("year=deux-mille", "Valeur invalide pour le filtre « Année »"),
        ("q=" + "coopérative " * 60, "La requête fait 720 caractères"),
        ("q=habitat&q=logement", "Le paramètre « q » est donné 2 fois"),
        ("q=%FF%FE", "La requête contient des caractères illisibles"),
        ("&".join(f"theme=t{n}" for n in range(25)), "25 valeurs pour le filtre « Thème »"),
    ],
)
def test_bad_search_parameters_are_refused_with_the_search_s_own_messages(client, query, message):
    assert message in refused(client, feed_url("search", "rss", query), 400)


def test_a_listing_feed_refuses_a_second_value_of_the_facet_its_address_fixes(client):
    content = refused(client, feed_url("kind", query="kind=research_paper", key="study_day"), 400)
    assert "Ce flux suit déjà un seul « kind »" in content


def test_an_unknown_tag_in_a_search_feed_finds_nothing_like_the_search(client):
    response = client.get(feed_url("search", query="tag=jamais-employe"))
    assert response.status_code == 200 and b"<item>" not in response.content


def test_parameters_a_feed_does_not_read_are_ignored(client):
    assert client.get(feed_url("latest", query="sort=absurde&page=-4&utm_source=lettre")).status_code == 200


def test_an_unknown_feed_format_or_study_day_is_not_found(client, archive):
    assert client.get(f"/flux/pole/{archive.pole.slug}.json").status_code == 404
    assert client.get(reverse("feeds:study_day_calendar", args=[10**9])).status_code == 404
    assert client.get(reverse("feeds:study_day_calendar", args=[archive.paper.pk])).status_code == 404


def test_a_bad_upcoming_flag_is_refused(client):
    content = refused(client, reverse("feeds:study_days_calendar") + "?a-venir=oui", 400)
    assert "Le paramètre « a-venir » vaut 1" in content


def test_a_bad_sitemap_page_is_not_found(client):
    assert client.get("/sitemap.xml?p=abc").status_code == 404
    assert client.get("/sitemap.xml?p=99999").status_code == 404


def test_feeds_answer_only_get(client):
    assert client.post(feed_url("latest")).status_code == 405
    assert client.post(reverse("feeds:study_days_calendar")).status_code == 405
