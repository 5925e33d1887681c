"""Roles as Wagtail groups: the documentalists from the migration, one animators' group per pole kept in step."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from kb.factories import PoleFactory, PoleSectionPageFactory, PracticeExchangeIndexPageFactory
from kb.models import Pole
from kb.roles import CONTRIBUTIONS_COLLECTION, DOCUMENTALISTS, MODERATION_WORKFLOW
from resources.factories import ArchiveDocumentFactory
from tests.people import documentalists, person, private_collection


def page_permissions(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list("permission__codename", flat=True)
    )


def collection_permissions(group, collection):
    return set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_documentalists_edit_and_publish_everything_and_curate_the_vocabularies(db):
    group = Group.objects.get(name=DOCUMENTALISTS)
    assert {"add_page", "change_page", "publish_page"} <= page_permissions(group, Page.get_first_root_node())
    assert {"add_document", "change_document", "choose_document", "add_image", "choose_image"} <= (
        collection_permissions(group, Collection.get_first_root_node())
    )
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert {
        "wagtailadmin.access_admin",
        "kb.change_pole",
        "kb.change_theme",
        "kb.change_territory",
        "search.change_synonym",
        "studydays.change_speaker",
        "resources.change_ducohort",
    } <= granted


def test_the_documentalists_review_every_page_under_the_home_page(site_tree):
    workflow = site_tree.home.get_workflow()
    assert workflow.name == MODERATION_WORKFLOW
    [task] = workflow.tasks
    assert list(task.specific.groups.all()) == [documentalists()]
    for index in (site_tree.practice_index, site_tree.research_index, site_tree.answer_index):
        assert index.get_workflow() == workflow


def test_a_pole_section_gives_the_pole_its_animators_group(site_tree):
    group = site_tree.pole.animators
    assert group.name == "Animateurs — Habitat coopératif"
    assert group.permissions.filter(codename="access_admin").exists()
    assert page_permissions(group, site_tree.pole_section) == {"add_page", "change_page", "publish_page"}


def test_animators_propose_practice_exchanges_and_research_papers_but_never_publish_them(site_tree):
    group = site_tree.pole.animators
    assert page_permissions(group, site_tree.practice_index) == {"add_page", "change_page"}
    assert page_permissions(group, site_tree.research_index) == {"add_page", "change_page"}
    assert page_permissions(group, site_tree.answer_index) == set()
    assert page_permissions(group, site_tree.home) == set()


def test_animators_upload_into_their_own_collection_only(site_tree):
    group = site_tree.pole.animators
    contributions = Collection.objects.get(name=CONTRIBUTIONS_COLLECTION)
    assert collection_permissions(group, contributions) == {
        "add_document",
        "choose_document",
        "add_image",
        "choose_image",
    }
    assert not GroupCollectionPermission.objects.filter(group=group).exclude(collection=contributions).exists()


def test_the_document_chooser_of_an_animator_never_shows_a_private_document(client, site_tree):
    private = private_collection("DU ESS (privé)", documentalists())
    ArchiveDocumentFactory(title="Support confidentiel", collection=private)
    client.force_login(person("animatrice", site_tree.pole.animators))
    response = client.get(reverse("wagtaildocs_chooser:choose"))
    assert response.status_code == 200
    assert "Support confidentiel" not in response.json()["html"]
    client.force_login(person("documentaliste", documentalists()))
    assert "Support confidentiel" in client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]


def test_renaming_a_pole_renames_its_animators_group(site_tree):
    pole = site_tree.pole
    pole.name = "Habitat participatif"
    pole.save()
    assert Group.objects.get(pk=pole.animators_id).name == "Animateurs — Habitat participatif"


def test_a_contribution_index_created_later_opens_to_every_animators_group(site_tree):
    other = PoleFactory(name="Mobilité solidaire", slug="mobilite-solidaire")
    PoleSectionPageFactory(parent=site_tree.pole_index, pole=other)
    site_tree.practice_index.delete()
    index = PracticeExchangeIndexPageFactory(parent=site_tree.home)
    for pole in (site_tree.pole, other):
        pole.refresh_from_db()
        assert page_permissions(pole.animators, index) == {"add_page", "change_page"}


def test_a_section_given_to_another_pole_changes_hands(site_tree):
    former = site_tree.pole.animators
    other = PoleFactory(name="Mobilité solidaire", slug="mobilite-solidaire")
    section = site_tree.pole_section
    section.pole = other
    section.save()
    other.refresh_from_db()
    assert page_permissions(other.animators, section) == {"add_page", "change_page", "publish_page"}
    assert page_permissions(former, section) == set()


def test_a_deleted_pole_takes_its_animators_group_with_it(site_tree):
    pole = site_tree.pole
    group_pk = pole.animators_id
    site_tree.pole_section.delete()
    Pole.objects.get(pk=pole.pk).delete()
    assert not Group.objects.filter(pk=group_pk).exists()


def test_only_those_who_manage_the_poles_may_give_a_section_to_another_pole(client, site_tree):
    url = reverse("wagtailadmin_pages:edit", args=(site_tree.pole_section.pk,))
    client.force_login(person("animatrice", site_tree.pole.animators))
    assert 'name="pole"' not in client.get(url).content.decode()
    client.force_login(person("documentaliste", documentalists()))
    assert 'name="pole"' in client.get(url).content.decode()
