"""Managing one's saved searches (/compte/recherches/): rename, change alerts, delete, open — one's own only."""

import pytest

from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.panels import account_panels
from alerts.models import SavedSearch, SentItem
from tests.people import person

from .support import saved_search

pytestmark = pytest.mark.django_db
LIST = reverse("alerts:list")


@pytest.fixture
def mine(reader):
    return saved_search(reader, "q=scop", name="Les SCOP", frequency="weekly")


@pytest.fixture
def theirs(db):
    return saved_search(person("collegue"), "q=tiers-lieux", name="Tiers-lieux du collègue")


def edit(client, saved, name, frequency):
    url = reverse("alerts:update", args=[saved.pk])
    return client.post(url, {f"s{saved.pk}-name": name, f"s{saved.pk}-frequency": frequency})


def test_the_list_shows_the_readers_own_searches_with_what_they_look_for(client_of, mine, theirs):
    page = client_of.get(LIST).content.decode()

    assert "Les SCOP" in page
    assert "«&#8239;scop&#8239;»" in page
    assert "Chaque semaine" in page
    assert 'href="/recherche/?q=scop&amp;sort=newest"' in page
    assert "Tiers-lieux du collègue" not in page


def test_a_reader_renames_a_search_and_changes_its_alerts(client_of, mine):
    response = edit(client_of, mine, "SCOP de l’Ouest", "daily")

    mine.refresh_from_db()
    assert response.status_code == 302
    assert (mine.name, mine.frequency) == ("SCOP de l’Ouest", "daily")


def test_an_empty_name_is_refused_on_the_field_in_french(client_of, mine):
    response = edit(client_of, mine, "", "daily")

    page = response.content.decode()
    assert response.status_code == 400
    assert "Donnez un nom à cette recherche." in page
    assert f'aria-invalid="true" aria-describedby="id_s{mine.pk}-name_error"' in page
    mine.refresh_from_db()
    assert (mine.name, mine.frequency) == ("Les SCOP", "weekly")


def test_switching_alerts_back_on_announces_only_what_enters_the_archive_from_then(client_of, mine):
    edit(client_of, mine, "Les SCOP", "none")
    mine.refresh_from_db()
    before = mine.alerts_since

    edit(client_of, mine, "Les SCOP", "daily")

    mine.refresh_from_db()
    assert mine.alerts_since > before
    assert mine.checked_at is None


def test_a_reader_deletes_a_search(client_of, reader, mine):
    response = client_of.post(reverse("alerts:delete", args=[mine.pk]))

    assert response.status_code == 302
    assert not reader.saved_searches.exists()
    assert "Recherche « Les SCOP » supprimée." in client_of.get(LIST).content.decode()


def test_another_readers_search_is_a_404_and_stays_as_it_was(client_of, theirs):
    assert edit(client_of, theirs, "Volée", "none").status_code == 404
    assert client_of.post(reverse("alerts:delete", args=[theirs.pk])).status_code == 404

    theirs.refresh_from_db()
    assert (theirs.name, theirs.frequency) == ("Tiers-lieux du collègue", "daily")


def test_an_unknown_id_is_a_404(client_of):
    assert client_of.post(reverse("alerts:delete", args=[999999])).status_code == 404


def test_changes_are_posts_with_the_csrf_token(reader, mine):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    assert client.get(reverse("alerts:delete", args=[mine.pk])).status_code == 405
    assert client.post(reverse("alerts:delete", args=[mine.pk])).status_code == 403
    assert reader.saved_searches.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(mine):
    client = Client()

    assert client.get(LIST)["Location"] == "/compte/connexion/?next=/compte/recherches/"
    assert client.post(reverse("alerts:delete", args=[mine.pk])).status_code == 302
    assert SavedSearch.objects.filter(pk=mine.pk).exists()


def test_my_space_lists_the_saved_searches_with_their_alerts(reader, mine):
    request = RequestFactory().get("/compte/")
    request.user = reader

    panel = next(p for p in account_panels(request) if p.template == "alerts/account_panel.html")

    assert panel.context["saved_searches"] == [mine]


def test_deleting_the_account_deletes_the_saved_searches_and_what_they_sent(reader, mine):
    SentItem.objects.create(saved_search=mine, source="page:1")

    reader.delete()

    assert not SavedSearch.objects.exists()
    assert not SentItem.objects.exists()
