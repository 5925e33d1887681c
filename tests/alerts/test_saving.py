"""Saving a search from the search page: a signed-in reader names it and chooses its alerts; garbage is refused."""

import pytest

from django.test import Client
from django.urls import reverse

from alerts.models import MAX_PER_READER, SavedSearch
from kb.models import Pole

pytestmark = pytest.mark.django_db
SAVE = reverse("alerts:save")


@pytest.fixture
def habitat(db):
    return Pole.objects.create(name="Habitat coopératif", slug="habitat-cooperatif")


def save(client, query, name="Coopératives", frequency="weekly"):
    data = {"enregistrer-query": query, "enregistrer-name": name, "enregistrer-frequency": frequency}
    return client.post(SAVE, data)


def test_the_search_page_offers_a_signed_in_reader_the_form_named_after_the_search(client_of, habitat):
    page = client_of.get("/recherche/?q=coopératives&pole=habitat-cooperatif").content.decode()

    assert "Enregistrer cette recherche" in page
    assert f'action="{SAVE}"' in page
    assert 'value="« coopératives » (Pôle : Habitat coopératif)"' in page
    assert '<label for="id_enregistrer-frequency">Alertes par courriel</label>' in page


def test_an_anonymous_reader_is_invited_to_sign_in_and_come_back_to_the_search(db):
    page = Client().get("/recherche/?q=coop%C3%A9ratives").content.decode()

    assert "Connectez-vous pour enregistrer cette recherche et recevoir des alertes" in page
    assert "/compte/connexion/?next=/recherche/%3Fq%3Dcoop%25C3%25A9ratives" in page
    assert f'action="{SAVE}"' not in page


def test_an_anonymous_post_is_sent_to_sign_in_and_saves_nothing(db):
    response = save(Client(), "q=coop%C3%A9ratives")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/?next=/recherche/%3Fq%3Dcoop")
    assert not SavedSearch.objects.exists()


def test_a_reader_saves_the_search_with_its_name_and_frequency(client_of, reader, habitat):
    response = save(client_of, "q=coop%C3%A9ratives&pole=habitat-cooperatif&sort=oldest&page=3&utm_source=x")

    saved = reader.saved_searches.get()
    assert response.status_code == 302
    assert response["Location"] == f"/compte/recherches/#recherche-{saved.pk}"
    assert (saved.name, saved.frequency) == ("Coopératives", "weekly")
    assert saved.query == "q=coop%C3%A9ratives&pole=habitat-cooperatif"
    listing = client_of.get(response["Location"]).content.decode()
    assert "Recherche « Coopératives » enregistrée." in listing


def test_once_saved_the_search_page_says_so_instead_of_offering_the_form_again(client_of, habitat):
    save(client_of, "pole=habitat-cooperatif&q=coop%C3%A9ratives")

    page = client_of.get("/recherche/?q=coopératives&pole=habitat-cooperatif&page=2").content.decode()

    assert "Recherche enregistrée sous «&#8239;Coopératives&#8239;»." in page
    assert f'action="{SAVE}"' not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("pole=inconnu", "Pôle inconnu : « inconnu »."),
        ("year=deux-mille", "Valeur invalide pour le filtre « Année » : « deux-mille »."),
        ("q=a&q=b", "Le paramètre « q » est donné 2 fois"),
        ("territory=<script>", "Valeur invalide pour le filtre « Territoire »"),
        ("q=" + "x" * 600, "La requête fait 600 caractères"),
    ],
)
def test_garbage_parameters_are_refused_with_a_french_message(client_of, reader, query, message):
    response = save(client_of, query)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert not reader.saved_searches.exists()


def test_a_missing_name_or_an_unknown_frequency_is_refused(client_of, reader):
    assert "Donnez un nom à cette recherche." in save(client_of, "q=scop", name=" ").content.decode()
    refused = save(client_of, "q=scop", frequency="hourly")
    assert refused.status_code == 400
    assert "hourly" in refused.content.decode()
    assert not reader.saved_searches.exists()


def test_saving_the_same_search_twice_says_under_which_name_it_is_kept(client_of, reader):
    save(client_of, "q=scop", name="Les SCOP")

    again = save(client_of, "q=scop&sort=newest", name="Encore")

    assert again.status_code == 400
    assert "Cette recherche est déjà enregistrée sous le nom « Les SCOP »." in again.content.decode()
    assert reader.saved_searches.count() == 1


def test_a_reader_keeps_at_most_fifty_searches(client_of, reader):
    SavedSearch.objects.bulk_create(
        SavedSearch(user=reader, name=f"Recherche {n}", query=f"q=mot{n}") for n in range(MAX_PER_READER)
    )

    refused = save(client_of, "q=scop")

    assert refused.status_code == 400
    assert "Vous avez déjà 50 recherches enregistrées, le maximum" in refused.content.decode()


def test_saving_is_a_post_only(client_of):
    assert client_of.get(SAVE).status_code == 405


def test_saving_needs_the_csrf_token(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    assert save(client, "q=scop").status_code == 403
    assert not reader.saved_searches.exists()
