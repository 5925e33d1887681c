"""Records stay in step with their sources, after the transaction commits, with no re-indexing by hand.

Every change goes through what Wagtail does (publish, unpublish, move, delete, view restrictions,
collections, documents, taxonomy edits, the admin's edit form); `committed()` runs the after-commit
callbacks as a real commit would.
"""

import re
from io import StringIO

import pytest

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from taggit.models import Tag
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from kb.factories import PoleFactory, PoleNotePageFactory, PoleSectionPageFactory, ThemeFactory
from kb.models import Territory
from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory
from resources.pdf import make_pdf
from search.access import Viewer
from search.records import Record

from .support import committed, find, index_records, module_transaction, practice, site_tree, titles

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tree(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        tree = site_tree()
        index_records(engine)
        yield tree


@pytest.fixture(autouse=True)
def fresh_index(engine, tree, db):
    """Each test starts from the module's records: a search server keeps what a rolled-back test indexed."""
    index_records(engine)


def found(engine, q, title, viewer=None):
    return title in titles(find(engine, q, viewer=viewer or Viewer()))


def published(parent, title, **kwargs):
    with committed():
        page = practice(parent, title, live=False, **kwargs)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


# Pages


def test_a_published_page_is_found_at_once(engine, tree):
    with committed():
        page = practice(tree.practice_index, "Une ressourcerie", body="Du réemploi textile.", live=False)
    assert not found(engine, "ressourcerie", "Une ressourcerie")

    with committed():
        page.save_revision().publish()

    assert found(engine, "ressourcerie", "Une ressourcerie")
    assert found(engine, "textile", "Une ressourcerie")


def test_a_draft_is_not_searchable_until_it_is_published(engine, tree):
    page = published(tree.practice_index, "Une ressourcerie")
    with committed():
        page.title = "Une recyclerie"
        revision = page.save_revision()
    assert not found(engine, "recyclerie", "Une recyclerie")
    assert found(engine, "ressourcerie", "Une ressourcerie")

    with committed():
        revision.publish()
    assert found(engine, "recyclerie", "Une recyclerie")
    assert not found(engine, "ressourcerie", "Une ressourcerie")


def test_an_unpublished_page_is_gone(engine, tree):
    page = published(tree.practice_index, "Une ressourcerie")
    with committed():
        page.unpublish()
    assert not found(engine, "ressourcerie", "Une ressourcerie")


def test_a_deleted_page_is_gone(engine, tree):
    page = published(tree.practice_index, "Une ressourcerie")
    with committed():
        page.delete()
    assert find(engine, "ressourcerie").total == 0


def test_a_moved_page_is_found_at_its_new_url(engine, tree):
    other_section = PoleSectionPageFactory(
        parent=tree.pole_index, pole=PoleFactory(name="Mobilité", slug="mobilite"), slug="mobilite"
    )
    with committed():
        note = PoleNotePageFactory(parent=tree.pole_section, title="Vélos partagés", slug="velos", live=False)
        note.save_revision().publish()
    [before] = find(engine, "vélos").hits
    assert before.url.endswith("/poles/pole-de-test/velos/")

    with committed():
        Page.objects.get(pk=note.pk).move(other_section, pos="last-child")

    [after] = find(engine, "vélos").hits
    assert after.url.endswith("/poles/mobilite/velos/")


def test_a_new_slug_on_a_parent_moves_the_urls_of_the_pages_below_it(engine, tree):
    published(tree.practice_index, "Une ressourcerie", slug="ressourcerie")
    with committed():
        index = Page.objects.get(pk=tree.practice_index.pk).specific
        index.slug = "pratiques"
        index.save_revision().publish()
    [hit] = find(engine, "ressourcerie").hits
    assert hit.url.endswith("/pratiques/ressourcerie/")


# View restrictions and private collections


def test_a_view_restriction_hides_a_page_and_its_removal_shows_it_again(engine, tree):
    page = published(tree.practice_index, "Une ressourcerie")
    students = Group.objects.create(name="Étudiants du DU")
    member = User.objects.create_user("etudiante")
    member.groups.add(students)

    with committed():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(students)
    assert not found(engine, "ressourcerie", "Une ressourcerie")
    assert found(engine, "ressourcerie", "Une ressourcerie", viewer=Viewer(member))

    with committed():
        restriction.delete()
    assert found(engine, "ressourcerie", "Une ressourcerie")


def test_a_view_restriction_on_a_parent_hides_every_page_below_it(engine, tree):
    published(tree.practice_index, "Une ressourcerie")
    with committed():
        PageViewRestriction.objects.create(page=tree.practice_index, restriction_type=PageViewRestriction.LOGIN)
    assert not found(engine, "ressourcerie", "Une ressourcerie")
    assert found(engine, "ressourcerie", "Une ressourcerie", viewer=Viewer(User.objects.create_user("lectrice")))


def test_a_group_added_to_a_restriction_lets_its_members_find_the_page(engine, tree):
    page = published(tree.practice_index, "Une ressourcerie")
    teachers = Group.objects.create(name="Enseignants")
    teacher = User.objects.create_user("enseignant")
    teacher.groups.add(teachers)
    with committed():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.create(name="Étudiants du DU"))
    assert not found(engine, "ressourcerie", "Une ressourcerie", viewer=Viewer(teacher))

    with committed():
        restriction.groups.add(teachers)
    assert found(engine, "ressourcerie", "Une ressourcerie", viewer=Viewer(teacher))


def private_collection(name="Documents du DU"):
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name=f"Lecteurs de {name}"))
    return collection


def test_a_document_in_a_collection_made_private_is_hidden(engine, tree):
    collection = Collection.get_first_root_node().add_child(name="Documents du DU")
    with committed():
        ArchiveDocumentFactory(title="Support de cours", collection=collection, pages=["Le phalanstère de Guise."])
    assert found(engine, "phalanstère", "Support de cours")

    with committed():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name="Étudiants du DU"))
    assert find(engine, "phalanstère").total == 0


def test_a_document_moved_into_a_private_collection_is_hidden(engine, tree):
    with committed():
        document = ArchiveDocumentFactory(title="Support de cours", pages=["Le phalanstère de Guise."])
    with committed():
        document.collection = private_collection()
        document.save()
    assert find(engine, "phalanstère").total == 0


def test_a_public_page_stops_showing_the_text_of_a_pdf_whose_collection_becomes_private(engine, tree):
    collection = Collection.get_first_root_node().add_child(name="Actes")
    with committed():
        document = ArchiveDocumentFactory(title="Actes", collection=collection, pages=["Le phalanstère de Guise."])
        ResearchPaperPageFactory(parent=tree.research_index, title="Travaux publics", summary="", pdf=document)
    assert titles(find(engine, "phalanstère")) == ["Travaux publics"]

    with committed():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert find(engine, "phalanstère").total == 0
    # No page carries its text any more: those who may open it find the document itself.
    assert titles(find(engine, "phalanstère", viewer=Viewer(User.objects.create_user("lectrice")))) == ["Actes"]

    with committed():
        restriction.delete()
    assert titles(find(engine, "phalanstère")) == ["Travaux publics"]


# Documents


def test_an_uploaded_document_is_found_by_the_text_of_its_pdf(engine, tree):
    with committed():
        ArchiveDocumentFactory(title="Actes de la journée", pages=["Introduction.", "Le covoiturage rural."])
    [hit] = find(engine, "covoiturage").hits
    assert (hit.title, hit.kind) == ("Actes de la journée", "document")
    assert [(s.field, s.page) for s in hit.snippets] == [("attachment", 2)]


def test_a_replaced_file_is_found_by_its_new_words_and_no_longer_by_the_old(engine, tree):
    with committed():
        document = ArchiveDocumentFactory(title="Actes de la journée", pages=["Le covoiturage rural."])
        ResearchPaperPageFactory(parent=tree.research_index, title="Mobilités rurales", summary="", pdf=document)
    assert titles(find(engine, "covoiturage")) == ["Mobilités rurales"]

    with committed():
        document.file = ContentFile(make_pdf(["Le transport solidaire à la demande."]), name="actes-v2.pdf")
        document._set_document_file_metadata()
        document.save()

    assert find(engine, "covoiturage").total == 0
    assert titles(find(engine, "transport")) == ["Mobilités rurales"]


def test_a_deleted_document_is_gone_and_no_longer_found_through_the_page_that_attached_it(engine, tree):
    with committed():
        document = ArchiveDocumentFactory(title="Actes de la journée", pages=["Le covoiturage rural."])
        ResearchPaperPageFactory(parent=tree.research_index, title="Mobilités rurales", summary="", pdf=document)
    with committed():
        document.delete()
    assert find(engine, "covoiturage").total == 0
    assert titles(find(engine, "mobilités")) == ["Mobilités rurales"]


# Taxonomy


def pole_labels(response):
    return [value.label for value in response.facets["pole"]]


def test_a_renamed_pole_renames_the_keyword_of_its_items(engine, tree):
    pole = PoleFactory(name="Circuits courts", slug="circuits-courts")
    published(tree.practice_index, "Un magasin de producteurs", poles=[pole])
    assert "Circuits courts" in pole_labels(find(engine, "magasin"))
    with committed():
        pole.name = "Alimentation locale"
        pole.save()
    assert found(engine, "alimentation", "Un magasin de producteurs")
    assert not found(engine, "circuits", "Un magasin de producteurs")
    # The facet shows the new name at once, although labels are cached between searches.
    assert pole_labels(find(engine, "magasin")) == ["Alimentation locale"]


def test_a_renamed_theme_renames_the_keyword_of_its_items(engine, tree):
    theme = ThemeFactory(name="Se nourrir", slug="se-nourrir")
    published(tree.practice_index, "Un magasin de producteurs", themes=[theme])
    with committed():
        theme.name = "Bien manger"
        theme.save()
    assert found(engine, "manger", "Un magasin de producteurs")
    assert not found(engine, "nourrir", "Un magasin de producteurs")


def test_a_renamed_tag_renames_the_keyword_of_its_items(engine, tree):
    published(tree.practice_index, "Un magasin de producteurs", tags=["vrac"])
    with committed():
        tag = Tag.objects.get(name="vrac")
        tag.name = "sans emballage"
        tag.save()
    assert found(engine, "emballage", "Un magasin de producteurs")
    assert not found(engine, "vrac", "Un magasin de producteurs")


def test_a_renamed_territory_renames_the_keyword_of_its_items(engine, tree):
    quartier = Territory.objects.create(name="Bottière", kind="quartier", parent=Territory.objects.get(code="44109"))
    published(tree.practice_index, "Un magasin de producteurs", territories=[quartier])
    with committed():
        quartier.name = "Pin Sec"
        quartier.save()
    assert found(engine, "pin sec", "Un magasin de producteurs")
    assert not found(engine, "bottière", "Un magasin de producteurs")


def test_a_territory_placed_elsewhere_counts_its_items_under_its_new_parents(engine, tree):
    quartier = Territory.objects.create(name="Bottière", kind="quartier", parent=Territory.objects.get(code="44109"))
    published(tree.practice_index, "Un magasin de producteurs", territories=[quartier])
    assert titles(find(engine, territory=["44109"])) == ["Un magasin de producteurs"]

    with committed():
        quartier.parent = Territory.objects.get(code="44143")
        quartier.save()

    assert titles(find(engine, territory=["44143"])) == ["Un magasin de producteurs"]
    assert find(engine, territory=["44109"]).total == 0


# The admin


def edit_form_data(page, **changes):
    """What the Wagtail admin's edit form of a practice exchange posts when a person publishes it."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "summary": page.summary,
            "context": rich_text(page.context),
            "actors": rich_text(""),
            "actions": rich_text(page.actions),
            "results": rich_text(""),
            "lessons": rich_text(""),
            "contacts": rich_text(""),
            "territory_links": inline_formset([]),
            "tags": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
            **changes,
        }
    )
    data["poles"] = [pole.pk for pole in page.poles.all()]
    data["themes"] = [theme.pk for theme in page.themes.all()]
    return data


def test_tags_added_in_the_admin_and_published_are_found_at_once(engine, tree, admin_client):
    page = published(tree.practice_index, "Un jardin de quartier", body="Des bacs en pied d'immeuble.")
    assert find(engine, "lombricompostage").total == 0

    with committed():
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form_data(page, tags="lombricompostage, jardinage partagé"),
        )
    assert response.status_code == 302, response.context and response.context["form"].errors

    [hit] = find(engine, "lombricompostage").hits
    assert hit.title == "Un jardin de quartier"
    assert sorted(hit.tags) == ["jardinage-partagé", "lombricompostage"]
    assert find(engine, tag=["jardinage-partagé"]).total == 1


# kb_index


def run_kb_index(action):
    out = StringIO()
    call_command("kb_index", action, stdout=out)
    return out.getvalue()


def test_kb_index_check_reports_nothing_to_do_when_records_are_in_step(engine, tree):
    published(tree.practice_index, "Une ressourcerie")
    output = run_kb_index("check")
    expected = r"^1 fiches attendues ; 0 manquantes, 0 périmées, 0 orphelines trouvées en \d+\.\d s\.$"
    assert re.search(expected, output, re.MULTILINE)


def test_kb_index_check_lists_missing_stale_and_orphan_records_and_fails(engine, tree):
    missing = published(tree.practice_index, "Une ressourcerie")
    stale = published(tree.practice_index, "Une recyclerie")
    engine.remove([missing.search_source])
    Page.objects.filter(pk=stale.pk).update(title="Une recyclerie solidaire")  # no signal: the record goes stale
    engine.index([Record(source="page:999999", kind="practice_exchange", title="Disparue", url="/disparue/")])

    out = StringIO()
    with pytest.raises(CommandError, match="3 fiche"):
        call_command("kb_index", "check", stdout=out)
    output = out.getvalue()
    assert "2 fiches attendues ; 1 manquantes, 1 périmées, 1 orphelines trouvées" in output
    assert f"manquante : {missing.search_source}" in output
    assert f"périmée : {stale.search_source}" in output
    assert "orpheline : page:999999" in output


def test_kb_index_repair_fixes_what_check_found(engine, tree):
    missing = published(tree.practice_index, "Une ressourcerie")
    stale = published(tree.practice_index, "Une recyclerie")
    engine.remove([missing.search_source])
    Page.objects.filter(pk=stale.pk).update(title="Une recyclerie solidaire")
    engine.index([Record(source="page:999999", kind="practice_exchange", title="Disparue", url="/disparue/")])

    output = run_kb_index("repair")

    assert re.search(r"1 manquantes, 1 périmées, 1 orphelines corrigées en \d+\.\d s\.", output)
    assert "0 manquantes, 0 périmées, 0 orphelines trouvées" in run_kb_index("check")
    assert titles(find(engine, "ressourcerie")) == ["Une ressourcerie"]
    assert titles(find(engine, "solidaire")) == ["Une recyclerie solidaire"]
    assert find(engine, "disparue").total == 0


def test_kb_index_rebuild_indexes_everything_and_reports_its_throughput(engine, tree):
    published(tree.practice_index, "Une ressourcerie")
    published(tree.practice_index, "Une recyclerie")
    engine.clear()
    output = run_kb_index("rebuild")
    assert re.fullmatch(r"2 fiches indexées en \d+\.\d s \(\d+ fiches/s\)\.\n", output)
    assert find(engine).total == 2
