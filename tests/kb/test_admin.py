"""The Wagtail admin: every page type's form opens where it is allowed, pages are created with their taxonomy."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kb.factories import PoleFactory
from kb.models import PoleNotePage, PracticeExchangePage, Territory
from resources.factories import CoursePageFactory

INDEX_TYPES = [
    ("kb", "poleindexpage"),
    ("kb", "practiceexchangeindexpage"),
    ("kb", "thematicanswerindexpage"),
    ("studydays", "studydayindexpage"),
    ("resources", "researchpaperindexpage"),
    ("resources", "courseindexpage"),
]

CONTENT_TYPES = [
    ("kb", "polesectionpage", "pole_index"),
    ("kb", "polenotepage", "pole_section"),
    ("kb", "practiceexchangepage", "practice_index"),
    ("kb", "thematicanswerpage", "answer_index"),
    ("studydays", "studydaypage", "study_day_index"),
    ("resources", "researchpaperpage", "research_index"),
    ("resources", "coursepage", "course_index"),
]


def add_url(app_label, model_name, parent):
    return reverse("wagtailadmin_pages:add", args=(app_label, model_name, parent.pk))


def form_errors(response):
    form = response.context and response.context.get("form")
    return form.errors if form is not None else response.status_code


@pytest.mark.parametrize(("app_label", "model_name"), INDEX_TYPES)
def test_a_superuser_can_open_the_add_form_of_each_index_under_the_home_page(admin_client, home, app_label, model_name):
    assert admin_client.get(add_url(app_label, model_name, home)).status_code == 200


@pytest.mark.parametrize(("app_label", "model_name", "parent"), CONTENT_TYPES)
def test_a_superuser_can_open_the_add_form_of_each_content_type_in_its_index(
    admin_client, site_tree, app_label, model_name, parent
):
    response = admin_client.get(add_url(app_label, model_name, getattr(site_tree, parent)))
    assert response.status_code == 200


def test_a_superuser_can_open_the_lesson_form_in_a_course(admin_client, site_tree):
    course = CoursePageFactory(parent=site_tree.course_index)
    assert admin_client.get(add_url("resources", "lessonpage", course)).status_code == 200


@pytest.mark.parametrize(
    ("app_label", "model_name", "parent"),
    [
        ("kb", "polenotepage", "practice_index"),
        ("kb", "polenotepage", "home"),
        ("studydays", "studydaypage", "home"),
        ("resources", "lessonpage", "course_index"),
    ],
)
def test_the_admin_refuses_a_page_type_outside_its_parent(admin_client, site_tree, app_label, model_name, parent):
    # Wagtail turns its PermissionDenied into a redirect to the dashboard with an error message.
    response = admin_client.get(add_url(app_label, model_name, getattr(site_tree, parent)))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_home_page_offers_the_indexes_and_never_a_bare_archive_item(admin_client, home):
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=(home.pk,)))
    assert response.status_code == 200
    content = response.content.decode()
    for app_label, model_name in INDEX_TYPES:
        assert add_url(app_label, model_name, home) in content
    assert "/kb/archivepage/" not in content
    assert "/kb/polenotepage/" not in content


def test_a_practice_exchange_is_created_with_its_poles_territories_and_tags(admin_client, site_tree, territory):
    nantes, reze = territory("44109"), territory("44143")
    data = nested_form_data(
        {
            "title": "Une recyclerie de quartier à Rezé",
            "slug": "une-recyclerie-de-quartier-a-reze",
            "date": "2024-03-12",
            "summary": "Une recyclerie associative ouverte par les habitants.",
            "context": rich_text("<p>Des encombrants jetés faute de filière de réemploi.</p>"),
            "actors": rich_text("<p>Association de quartier, bailleur social.</p>"),
            "actions": rich_text("<p>Ouverture d'une recyclerie associative.</p>"),
            "results": rich_text("<p>Douze tonnes réemployées la première année.</p>"),
            "lessons": rich_text("<p>Le partenariat avec le bailleur est la clé.</p>"),
            "contacts": rich_text("<p>contact@recyclerie.example</p>"),
            "territory_links": inline_formset([{"territory": reze.pk}, {"territory": nantes.pk}]),
            "tags": "réemploi, recyclerie",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    data["poles"] = [site_tree.pole.pk]
    data["themes"] = [site_tree.theme.pk]

    response = admin_client.post(add_url("kb", "practiceexchangepage", site_tree.practice_index), data)

    assert response.status_code == 302, form_errors(response)
    page = PracticeExchangePage.objects.get(slug="une-recyclerie-de-quartier-a-reze")
    assert page.live
    assert page.get_parent().pk == site_tree.practice_index.pk
    assert list(page.poles.all()) == [site_tree.pole]
    assert list(page.themes.all()) == [site_tree.theme]
    assert page.territories == [reze, nantes]
    assert sorted(tag.name for tag in page.tags.all()) == ["recyclerie", "réemploi"]
    assert "Douze tonnes" in page.results


def test_a_pole_note_is_created_in_its_section_and_belongs_to_its_pole(admin_client, site_tree, territory):
    other_pole = PoleFactory(name="Mobilité solidaire", slug="mobilite-solidaire")
    data = nested_form_data(
        {
            "title": "Compte rendu de la plénière du pôle",
            "slug": "compte-rendu-pleniere",
            "date": "2025-01-20",
            "summary": "Les chantiers de l'année.",
            "body": streamfield([("paragraph", rich_text("<p>Le pôle lance un groupe de travail.</p>"))]),
            "territory_links": inline_formset([{"territory": territory("44").pk}]),
            "tags": "plénière",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    data["poles"] = [other_pole.pk]

    response = admin_client.post(add_url("kb", "polenotepage", site_tree.pole_section), data)

    assert response.status_code == 302, form_errors(response)
    note = PoleNotePage.objects.get(slug="compte-rendu-pleniere")
    assert note.live
    assert set(note.poles.all()) == {site_tree.pole, other_pole}
    assert note.territories == [territory("44")]
    assert [tag.name for tag in note.tags.all()] == ["plénière"]
    assert note.body[0].block_type == "paragraph"


def test_a_pole_note_without_a_title_is_refused_with_a_form_error(admin_client, site_tree):
    data = nested_form_data(
        {
            "title": "",
            "slug": "sans-titre",
            "body": streamfield([]),
            "territory_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(add_url("kb", "polenotepage", site_tree.pole_section), data)
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not PoleNotePage.objects.filter(slug="sans-titre").exists()


def test_the_territory_chooser_finds_a_commune_by_name(admin_client, db):
    url = reverse("wagtailsnippetchoosers_kb_territory:choose_results")
    response = admin_client.get(url, {"q": "Nantes"})
    assert response.status_code == 200
    content = response.content.decode()
    nantes = Territory.objects.get(code="44109")
    assert reverse("wagtailsnippetchoosers_kb_territory:chosen", args=[nantes.pk]) in content
    assert "44109" in content
    assert "244400404" in content
    assert "Angers" not in content


def test_the_territory_chooser_finds_a_local_quartier(admin_client, territory):
    Territory.objects.create(name="Malakoff", kind="quartier", parent=territory("44109"))
    response = admin_client.get(reverse("wagtailsnippetchoosers_kb_territory:choose_results"), {"q": "Malakoff"})
    assert "Malakoff" in response.content.decode()
