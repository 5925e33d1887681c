"""Animators kept to their pole: what the permission matrix does not show cell by cell — every admin endpoint that
could save a revision, the French error on « Pôles », the read-only explorer, people with several roles."""

from types import SimpleNamespace

import pytest

from django.urls import reverse

from wagtail.models import Page, Revision

from kb.factories import PoleFactory, PoleSectionPageFactory, PracticeExchangePageFactory
from kb.models import PracticeExchangePage
from resources.factories import ResearchPaperPageFactory
from resources.models import ResearchPaperPage
from tests.people import add_url, documentalists, edit_url, exchange_form, paper_form, person


@pytest.fixture
def poles(site_tree):
    """Pole A (Habitat coopératif) and pole B with their animators, an exchange of each and a paper of pole B."""
    pole_b = PoleFactory(name="Mobilité solidaire", slug="mobilite-solidaire")
    PoleSectionPageFactory(parent=site_tree.pole_index, pole=pole_b)
    pole_b.refresh_from_db()
    documentalist = person("documentaliste", documentalists())
    exchange_b = PracticeExchangePageFactory(
        parent=site_tree.practice_index, title="Autopartage en Pays de Retz", poles=[pole_b], owner=documentalist
    )
    # A draft waiting on top of the published version: what a revert would bring back.
    exchange_b.save_revision(user=documentalist)
    return SimpleNamespace(
        a=site_tree.pole,
        b=pole_b,
        animator_a=person("animatrice-a", site_tree.pole.animators),
        documentalist=documentalist,
        exchange_a=PracticeExchangePageFactory(
            parent=site_tree.practice_index, title="Coopérative d'habitants à Rezé", poles=[site_tree.pole]
        ),
        exchange_b=exchange_b,
        paper_b=ResearchPaperPageFactory(parent=site_tree.research_index, title="Garages solidaires", poles=[pole_b]),
    )


def test_an_animator_leaves_no_revision_on_another_poles_item_through_any_admin_endpoint(client, poles):
    page = poles.exchange_b
    [revision] = page.revisions.all()
    client.force_login(poles.animator_a)
    # Ticking their own pole too, as one would to take the item over.
    form = exchange_form("Repris par le pôle A", page.slug, poles=[poles.a, poles.b])
    loaded = {"loaded_revision_id": revision.pk, "loaded_revision_created_at": revision.created_at.isoformat()}
    attempts = [
        (edit_url(page), form, {}),
        (edit_url(page), {**form, "action-submit": "action-submit"}, {}),
        (edit_url(page), {**form, "action-publish": "action-publish"}, {}),
        (edit_url(page), {**form, **loaded}, {"Accept": "application/json"}),
        (reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, revision.pk)), form, {}),
        (reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)), form, {}),
        (reverse("wagtailadmin_pages:copy", args=(page.pk,)), {"new_title": "Copie", "new_slug": "copie"}, {}),
        (reverse("wagtailadmin_pages:delete", args=(page.pk,)), {}, {}),
        (reverse("wagtailadmin_pages:lock", args=(page.pk,)), {}, {}),
    ]
    pages_before = Page.objects.count()
    for url, data, headers in attempts:
        response = client.post(url, data, headers=headers)
        assert response.status_code in (302, 403), (url, response.status_code)
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home"), url

    assert Revision.objects.filter(object_id=str(page.pk)).count() == 1
    page = PracticeExchangePage.objects.get(pk=page.pk)
    assert (page.title, page.draft_title, page.live, page.locked) == (
        "Autopartage en Pays de Retz",
        "Autopartage en Pays de Retz",
        True,
        False,
    )
    assert list(page.poles.all()) == [poles.b]
    assert not page.workflow_in_progress
    assert Page.objects.count() == pages_before


def test_opening_another_poles_item_sends_the_animator_back_with_a_french_message(client, poles):
    client.force_login(poles.animator_a)
    response = client.get(edit_url(poles.exchange_b), follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    [message] = response.context["messages"]
    assert "Désolé, vous n&#x27;avez pas les autorisations pour accéder à cette zone." in str(message)


def test_the_explorer_shows_another_poles_items_read_only(client, site_tree, poles):
    client.force_login(poles.animator_a)
    content = client.get(reverse("wagtailadmin_explore", args=(site_tree.practice_index.pk,))).content.decode()
    assert "Autopartage en Pays de Retz" in content
    assert f'href="{edit_url(poles.exchange_b)}"' not in content
    assert reverse("wagtailadmin_pages:history", args=(poles.exchange_b.pk,)) not in content
    assert f'href="{edit_url(poles.exchange_a)}"' in content
    assert poles.exchange_b.url in content


def test_an_animator_creating_an_item_without_their_pole_reads_why_on_the_poles_field(client, site_tree, poles):
    client.force_login(poles.animator_a)
    for model, form, index in (
        (PracticeExchangePage, exchange_form, site_tree.practice_index),
        (ResearchPaperPage, paper_form, site_tree.research_index),
    ):
        response = client.post(add_url(model, index), form("Hors de mon pôle", "hors-pole", "submit", poles=[poles.b]))
        assert response.status_code == 200
        assert response.context["form"].errors["poles"] == [
            "Cochez votre pôle, Habitat coopératif : un animateur travaille sur les éléments de son pôle."
        ]
        assert not model.objects.filter(slug="hors-pole").exists()


def test_a_new_item_starts_in_the_animators_pole(client, site_tree, poles):
    client.force_login(poles.animator_a)
    form = client.get(add_url(PracticeExchangePage, site_tree.practice_index)).context["form"]
    assert form.initial["poles"] == [poles.a.pk]


def test_an_animator_may_not_move_an_item_of_their_pole_out_of_it(client, poles):
    client.force_login(poles.animator_a)
    page = poles.exchange_a
    response = client.post(edit_url(page), exchange_form("Passé au pôle B", page.slug, poles=[poles.b]))
    assert "poles" in response.context["form"].errors
    assert PracticeExchangePage.objects.get(pk=page.pk).draft_title == "Coopérative d'habitants à Rezé"


def test_an_animator_may_reclass_an_item_they_created(client, site_tree, poles):
    client.force_login(poles.animator_a)
    client.post(
        add_url(PracticeExchangePage, site_tree.practice_index), exchange_form("Mon échange", "mien", poles=[poles.a])
    )
    page = PracticeExchangePage.objects.get(slug="mien")
    client.post(edit_url(page), exchange_form("Mon échange, pour le pôle B", "mien", poles=[poles.b]))
    page = PracticeExchangePage.objects.get(pk=page.pk)
    assert (page.draft_title, list(page.poles.all())) == ("Mon échange, pour le pôle B", [poles.b])


def test_an_animator_of_two_poles_works_on_the_items_of_both(poles):
    both = person("animateur-ab", poles.a.animators, poles.b.animators)
    for page in (poles.exchange_a, poles.exchange_b, poles.paper_b):
        assert page.permissions_for_user(both).can_edit()


def test_a_documentalist_who_also_animates_a_pole_keeps_every_right(poles):
    both = person("documentaliste-animatrice", documentalists(), poles.a.animators)
    for page in (poles.exchange_b, poles.paper_b):
        tester = Page.objects.get(pk=page.pk).permissions_for_user(both)
        assert tester.can_edit() and tester.can_publish() and tester.can_submit_for_moderation()


def test_an_item_without_a_pole_is_read_only_to_animators_but_not_to_its_creator(poles, site_tree):
    orphan = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Sans pôle")
    assert not orphan.permissions_for_user(poles.animator_a).can_edit()
    assert not orphan.permissions_for_user(poles.animator_a).can_submit_for_moderation()
    orphan.owner = poles.animator_a
    assert orphan.permissions_for_user(poles.animator_a).can_edit()
