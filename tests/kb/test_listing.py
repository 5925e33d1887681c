"""Archive listings filtered by territory (with everything under it), pole, theme, tag and year."""

import datetime

import pytest

from django.urls import reverse

from kb.factories import PoleFactory, PracticeExchangePageFactory, TerritoryFactory
from kb.listing import filter_archive_items
from kb.models import ArchivePage


@pytest.fixture
def exchange_in_nantes(site_tree, territory):
    return PracticeExchangePageFactory(
        parent=site_tree.practice_index,
        title="Une épicerie solidaire à Bellevue",
        territories=[territory("44109")],
        poles=[site_tree.pole],
        themes=[site_tree.theme],
        tags=["épicerie"],
        date=datetime.date(2019, 5, 4),
    )


@pytest.fixture
def exchange_in_angers(site_tree, territory):
    return PracticeExchangePageFactory(
        parent=site_tree.practice_index,
        title="Un garage solidaire à Angers",
        territories=[territory("49007")],
        date=datetime.date(2021, 9, 1),
    )


def listed(params):
    return list(filter_archive_items(ArchivePage.objects.live(), params).items)


def test_factories_attach_the_territories_to_the_item(exchange_in_nantes, territory):
    exchange_in_nantes.refresh_from_db()
    assert exchange_in_nantes.territories == [territory("44109")]


@pytest.mark.parametrize("key", ["44109", "244400404", "44"])
def test_an_item_tagged_with_a_commune_is_listed_under_its_epci_and_departement(
    exchange_in_nantes, exchange_in_angers, key
):
    assert [page.pk for page in listed({"territory": key})] == [exchange_in_nantes.pk]


def test_items_tagged_with_communes_are_listed_under_their_region(exchange_in_nantes, exchange_in_angers):
    assert {page.pk for page in listed({"territory": "52"})} == {exchange_in_nantes.pk, exchange_in_angers.pk}


def test_an_item_is_not_listed_under_a_territory_it_does_not_count_under(exchange_in_nantes, exchange_in_angers):
    assert [page.pk for page in listed({"territory": "49"})] == [exchange_in_angers.pk]


def test_an_item_tagged_with_a_quartier_is_listed_under_its_commune(exchange_in_nantes, site_tree, territory):
    quartier = TerritoryFactory(name="Bellevue", parent=territory("44109"))
    local = PracticeExchangePageFactory(parent=site_tree.practice_index, territories=[quartier])
    assert local.pk in [page.pk for page in listed({"territory": "44109"})]
    assert [page.pk for page in listed({"territory": "bellevue"})] == [local.pk]


def test_an_unknown_territory_is_reported_in_french_not_fatal(exchange_in_nantes):
    listing = filter_archive_items(ArchivePage.objects.live(), {"territory": "99999"})
    assert listing.errors == ["Territoire inconnu : « 99999 »."]
    assert exchange_in_nantes.pk in [page.pk for page in listing.items]


def test_filters_by_pole_theme_tag_and_year_combine(exchange_in_nantes, exchange_in_angers, site_tree):
    nantes_only = [exchange_in_nantes.pk]
    assert [p.pk for p in listed({"pole": site_tree.pole.slug})] == nantes_only
    assert [p.pk for p in listed({"theme": site_tree.theme.slug})] == nantes_only
    assert [p.pk for p in listed({"tag": exchange_in_nantes.tags.get().slug})] == nantes_only
    assert [p.pk for p in listed({"year": "2021"})] == [exchange_in_angers.pk]
    assert listed({"year": "2021", "pole": site_tree.pole.slug}) == []


def test_a_listing_offers_the_years_poles_and_themes_of_its_items(exchange_in_nantes, exchange_in_angers, site_tree):
    listing = filter_archive_items(ArchivePage.objects.live(), {})
    assert listing.years == [2021, 2019]
    assert listing.poles == [site_tree.pole]
    assert listing.themes == [site_tree.theme]


def test_bad_filter_values_are_reported_in_french(db):
    listing = filter_archive_items(
        ArchivePage.objects.live(), {"year": "deux-mille", "pole": "inconnu", "theme": "nulle-part"}
    )
    assert listing.errors == [
        "Pôle inconnu : « inconnu ».",
        "Thème inconnu : « nulle-part ».",
        "Année invalide : « deux-mille ».",
    ]


def test_unpublished_items_are_not_listed(exchange_in_nantes):
    exchange_in_nantes.unpublish()
    assert listed({"territory": "52"}) == []


@pytest.mark.parametrize("key", ["244400404", "44"])
def test_the_territory_page_lists_items_of_the_communes_under_it(client, exchange_in_nantes, exchange_in_angers, key):
    response = client.get(reverse("kb:territory", args=[key]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Une épicerie solidaire à Bellevue" in content
    assert "Un garage solidaire à Angers" not in content


def test_the_region_page_lists_items_of_every_commune(client, exchange_in_nantes, exchange_in_angers):
    content = client.get("/territoires/52/").content.decode()
    assert "Une épicerie solidaire à Bellevue" in content
    assert "Un garage solidaire à Angers" in content


def test_the_commune_page_shows_its_lineage_and_items(client, exchange_in_nantes):
    response = client.get("/territoires/44109/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nantes" in content
    assert "Nantes Métropole" in content
    assert "Loire-Atlantique" in content
    assert "Une épicerie solidaire à Bellevue" in content


def test_an_unknown_territory_page_is_a_404(client, db):
    assert client.get("/territoires/99999/").status_code == 404


def test_the_territory_index_lists_the_region(client, db):
    response = client.get(reverse("kb:territories"))
    assert response.status_code == 200
    assert "Pays de la Loire" in response.content.decode()


def test_a_pole_without_section_has_its_own_listing(client, exchange_in_nantes):
    pole = PoleFactory(name="Santé", slug="sante")
    exchange_in_nantes.poles.add(pole)
    exchange_in_nantes.save()
    response = client.get(reverse("kb:pole", args=["sante"]))
    assert response.status_code == 200
    assert "Une épicerie solidaire à Bellevue" in response.content.decode()


def test_a_pole_with_a_live_section_redirects_to_it(client, site_tree):
    response = client.get(reverse("kb:pole", args=[site_tree.pole.slug]))
    assert response.status_code == 302
    assert response["Location"] == site_tree.pole_section.url


def test_the_theme_page_lists_its_items(client, exchange_in_nantes, site_tree):
    response = client.get(reverse("kb:theme", args=[site_tree.theme.slug]))
    assert response.status_code == 200
    assert "Une épicerie solidaire à Bellevue" in response.content.decode()


def test_the_tag_page_lists_its_items(client, exchange_in_nantes):
    response = client.get(reverse("kb:tag", args=[exchange_in_nantes.tags.get().slug]))
    assert response.status_code == 200
    assert "Une épicerie solidaire à Bellevue" in response.content.decode()
