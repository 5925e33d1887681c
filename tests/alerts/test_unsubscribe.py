"""The unsubscribe links of a digest work without signing in: GET asks, POST stops; a bad link gets a French page."""

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from alerts.tokens import reader_token, search_token
from tests.people import person

from .support import publish, saved_search, send_alerts

pytestmark = pytest.mark.django_db


@pytest.fixture
def scop(reader):
    return saved_search(reader, "q=scop", name="Les SCOP")


def stop_url(token):
    return reverse("alerts:unsubscribe", args=[token])


def test_opening_the_link_asks_for_confirmation_and_stops_nothing(scop):
    response = Client().get(stop_url(search_token(scop)))

    assert response.status_code == 200
    assert "Ne plus recevoir de courriel pour la recherche enregistrée «&#8239;Les SCOP&#8239;» ?" in (
        response.content.decode()
    )
    scop.refresh_from_db()
    assert scop.frequency == "daily"


def test_confirming_stops_the_alerts_of_that_search_only_and_keeps_it(reader, scop):
    other = saved_search(reader, "q=scic", name="Les SCIC")

    response = Client(enforce_csrf_checks=True).post(stop_url(search_token(scop)))

    assert response.status_code == 200
    assert "Vous ne recevrez plus d’alertes pour «&#8239;Les SCOP&#8239;»." in response.content.decode()
    scop.refresh_from_db()
    other.refresh_from_db()
    assert (scop.frequency, other.frequency) == ("none", "daily")


def test_the_list_unsubscribe_link_stops_every_alert_of_the_reader(reader, scop):
    saved_search(reader, "q=scic", name="Les SCIC")
    stranger = saved_search(person("collegue"), "q=scop")

    Client(enforce_csrf_checks=True).post(stop_url(reader_token(reader)))

    assert list(reader.saved_searches.values_list("frequency", flat=True)) == ["none", "none"]
    stranger.refresh_from_db()
    assert stranger.frequency == "daily"


def test_after_unsubscribing_no_digest_comes_for_that_search(site_tree, reader, scop):
    Client().post(stop_url(search_token(scop)))
    publish(site_tree.practice_index, "Les SCOP de Loire-Atlantique")

    send_alerts()

    assert not mail.outbox


@pytest.mark.parametrize("token", ["n-importe-quoi", "search-1:falsifie", "reader-1", "search-x:abc"])
def test_a_bad_token_gets_a_french_page_not_an_error(scop, token):
    for method in ("get", "post"):
        response = getattr(Client(), method)(stop_url(token))
        assert response.status_code == 400
        assert "Ce lien de désabonnement n’est pas valide" in response.content.decode()
    scop.refresh_from_db()
    assert scop.frequency == "daily"


def test_a_token_changed_to_name_another_search_is_refused(reader, scop):
    other = saved_search(person("collegue"), "q=scop")
    forged = search_token(scop).replace(f"search-{scop.pk}:", f"search-{other.pk}:")

    assert Client().post(stop_url(forged)).status_code == 400
    other.refresh_from_db()
    assert other.frequency == "daily"


def test_the_link_of_a_deleted_search_says_it_no_longer_exists(scop):
    token = search_token(scop)
    scop.delete()

    response = Client().get(stop_url(token))

    assert response.status_code == 404
    assert "n’existe plus" in response.content.decode()
