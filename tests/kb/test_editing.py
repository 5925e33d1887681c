"""Editing in the admin: autosave and publish never collide on the territory links, duplicates are told in French."""

import pytest
from lxml import html

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kb.models import ArchivePageTerritory, Territory
from studydays.factories import StudyDayPageFactory
from studydays.models import StudyDayPage
from tests.people import edit_url

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


def study_day(site_tree, territory, live):
    """A study day already about Nantes."""
    return StudyDayPageFactory(parent=site_tree.study_day_index, live=live, territories=[territory("44109")])


@pytest.fixture
def draft_day(site_tree, territory):
    return study_day(site_tree, territory, live=False)


def study_day_form(day, territory_rows, initial=0, action=None):
    """The study day's edit form as the browser posts it, with these territory rows."""
    data = nested_form_data(
        {
            "title": day.title,
            "slug": day.slug,
            "date": "2003-11-20",
            "venue": day.venue,
            "summary": "Une journée sur l'habitat participatif.",
            "partners": inline_formset([]),
            "programme": streamfield([]),
            "proceedings": rich_text(""),
            "proceedings_documents": inline_formset([]),
            "territory_links": inline_formset(territory_rows, initial=initial),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    if action:
        data[f"action-{action}"] = f"action-{action}"
    return data


@pytest.mark.parametrize("live", [False, True], ids=["draft", "live"])
def test_publishing_right_after_an_autosave_keeps_one_link_per_territory(admin_client, site_tree, territory, live):
    edited = study_day(site_tree, territory, live)
    nantes, reze = territory("44109"), territory("44143")
    edit = edit_url(edited)
    assert admin_client.get(edit).status_code == 200
    # Rezé is chosen: the autosave stores it, and the publish leaves before the browser has learnt its new id.
    rows = [{"id": edited.territory_links.get().pk, "territory": nantes.pk}, {"territory": reze.pk}]

    autosaved = admin_client.post(edit, study_day_form(edited, rows, initial=1), **AUTOSAVE)
    assert autosaved.status_code == 200, autosaved.content
    assert autosaved.json()["success"]
    published = admin_client.post(edit, study_day_form(edited, rows, initial=1, action="publish"))

    assert published.status_code == 302
    day = StudyDayPage.objects.get(pk=edited.pk)
    assert day.live
    assert day.territories == [nantes, reze]
    assert ArchivePageTerritory.objects.filter(page=day).count() == 2


def test_an_autosave_racing_another_autosave_stores_the_new_territory_once(admin_client, draft_day, territory):
    rows = [{"territory": territory("44143").pk}]
    for _ in range(2):
        response = admin_client.post(edit_url(draft_day), study_day_form(draft_day, rows), **AUTOSAVE)
        assert response.status_code == 200, response.content
    assert ArchivePageTerritory.objects.filter(page=draft_day, territory=territory("44143")).count() == 1


def test_the_autosave_answer_gives_the_browser_the_id_of_the_row_it_matched(admin_client, draft_day, territory):
    link = draft_day.territory_links.get()
    rows = [{"territory": link.territory_id}]
    response = admin_client.post(edit_url(draft_day), study_day_form(draft_day, rows), **AUTOSAVE)
    assert response.json()["field_updates"]["territory_links-0-id"] == str(link.pk)


def test_two_rows_that_swap_their_territories_are_saved(admin_client, site_tree, territory):
    nantes, reze = territory("44109"), territory("44143")
    day = StudyDayPageFactory(parent=site_tree.study_day_index, live=False, territories=[nantes, reze])
    first, second = day.territory_links.all()
    rows = [{"id": first.pk, "territory": reze.pk}, {"id": second.pk, "territory": nantes.pk}]
    response = admin_client.post(edit_url(day), study_day_form(day, rows, initial=2, action="publish"))
    assert response.status_code == 302
    assert StudyDayPage.objects.get(pk=day.pk).territories == [reze, nantes]


def test_a_territory_removed_then_chosen_again_is_published_once(admin_client, draft_day, territory):
    link = draft_day.territory_links.get()
    rows = [{"id": link.pk, "territory": link.territory_id, "DELETE": "1"}, {"territory": link.territory_id}]
    response = admin_client.post(edit_url(draft_day), study_day_form(draft_day, rows, initial=1, action="publish"))
    assert response.status_code == 302
    assert StudyDayPage.objects.get(pk=draft_day.pk).territories == [territory("44109")]


def test_the_same_territory_chosen_twice_is_a_french_error_on_the_field(admin_client, draft_day, territory):
    reze = territory("44143").pk
    rows = [{"territory": reze}, {"territory": reze}]
    response = admin_client.post(edit_url(draft_day), study_day_form(draft_day, rows, action="publish"))

    assert response.status_code == 200
    formset = response.context["form"].formsets["territory_links"]
    assert formset.forms[1].errors == {"territory": ["Ce territoire est déjà choisi."]}
    assert not formset.non_form_errors()
    content = response.content.decode()
    assert "Ce territoire est déjà choisi." in content
    assert "Corrigez les données en double" not in content
    assert not StudyDayPage.objects.get(pk=draft_day.pk).live


def chooser(client, view, **params):
    """The territory chooser's page (`choose`, a modal response) or results fragment, as an lxml tree."""
    response = client.get(reverse(f"wagtailsnippetchoosers_kb_territory:{view}"), params)
    assert response.status_code == 200
    return html.fromstring(response.json()["html"] if view == "choose" else response.content.decode())


def rows(page):
    """Each result row's cells, as text."""
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("td")] for row in page.xpath("//tbody/tr")]


def node(page, name):
    """The tree's entry for the territory of that name."""
    (entry,) = page.xpath(f"//li[span[@class='territory-tree__entry']/*[normalize-space()='{name}']]")
    return entry


def test_the_territory_chooser_opens_on_the_region_its_departements_and_their_epci(admin_client, db):
    page = chooser(admin_client, "choose")

    assert not page.xpath("//table")
    region = node(page, "Pays de la Loire")
    assert region.xpath("details[@open]")
    assert " ".join(region.xpath("details/summary")[0].text_content().split()) == "5 départements — Pays de la Loire"
    loire_atlantique = node(region, "Loire-Atlantique")
    assert not loire_atlantique.xpath("details[@open]")
    nantes_metropole = node(loire_atlantique, "Nantes Métropole")
    assert "EPCI · 244400404" in nantes_metropole.text_content()
    assert "24 communes" in nantes_metropole.xpath("details/summary")[0].text_content()
    reze = node(nantes_metropole, "Rezé")
    assert reze.xpath(".//a[@data-chooser-modal-choice]/@href") == [
        reverse("wagtailsnippetchoosers_kb_territory:chosen", args=[Territory.objects.get(code="44143").pk])
    ]
    assert len(page.xpath("//li[@class='territory-tree__node']")) == Territory.objects.count()


def test_the_tree_has_a_box_per_territory_when_several_are_chosen(admin_client, db):
    page = chooser(admin_client, "choose", multiple=1)
    reze = Territory.objects.get(code="44143")
    (box,) = page.xpath(f"//input[@type='checkbox'][@value='{reze.pk}']")
    assert box.get("name") == "id"
    assert page.xpath(f"//label[@for='{box.get('id')}']")[0].text_content() == "Rezé"


def test_a_search_lists_each_territory_with_its_kind_and_parent(admin_client, db):
    assert rows(chooser(admin_client, "choose_results", q="Rezé")) == [
        ["Rezé", "commune", "Nantes Métropole (EPCI)", "44143"]
    ]


def test_the_kind_filter_lists_only_territories_of_that_kind(admin_client, db):
    departements = rows(chooser(admin_client, "choose_results", kind="departement"))
    assert [row[0] for row in departements] == ["Loire-Atlantique", "Maine-et-Loire", "Mayenne", "Sarthe", "Vendée"]
    assert {row[2] for row in departements} == {"Pays de la Loire (région)"}
    assert [row[0] for row in rows(chooser(admin_client, "choose_results", kind="epci", q="Nantes"))] == [
        "Nantes Métropole"
    ]


def test_a_kind_that_does_not_exist_is_ignored_without_an_error(admin_client, db):
    assert rows(chooser(admin_client, "choose_results", kind="planète", q="Rezé"))[0][0] == "Rezé"


def test_a_chosen_territory_is_named_with_its_kind_and_parent(admin_client, territory):
    url = reverse("wagtailsnippetchoosers_kb_territory:chosen", args=[territory("44143").pk])
    assert admin_client.get(url).json()["result"]["string"] == "Rezé — commune, Nantes Métropole (EPCI)"


def test_the_edit_form_names_each_chosen_territory_with_its_kind_and_parent(admin_client, draft_day):
    content = admin_client.get(edit_url(draft_day)).content.decode()
    assert "Nantes — commune, Nantes Métropole (EPCI)" in content
    assert "Ajouter des territoires" in content
