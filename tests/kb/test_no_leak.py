"""No leak: a restricted page or private document never shows (title, count, filter or link) to whoever cannot open it.

The permission matrix covers the DU course in every listing; here: counts and filters, the
other kinds of restriction (login, shared password), documents of study days and research
papers, images, and where files are served from.
"""

import pytest
import wagtail_factories

from django.conf import settings
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from kb.factories import PoleFactory, PoleNotePageFactory, PracticeExchangePageFactory
from resources.factories import ArchiveDocumentFactory, CoursePageFactory
from studydays.factories import StudyDayPageFactory
from studydays.models import StudyDayDocument
from tests.people import cohort, documentalists, person, private_collection, restrict_page

PROTECTED = "Dossier protégé du pôle"


@pytest.fixture
def students(db):
    return cohort("promotion 2025-2026", 30).group


@pytest.fixture
def course(site_tree, students, territory):
    course = CoursePageFactory(
        parent=site_tree.course_index,
        title="Cours réservé",
        poles=[PoleFactory(name="Santé", slug="sante")],
        territories=[territory("44109")],
    )
    restrict_page(course, students, documentalists())
    return course


@pytest.fixture
def protected(site_tree):
    page = PracticeExchangePageFactory(parent=site_tree.practice_index, title=PROTECTED)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="cooperative"
    )
    return page, restriction


def listed_titles(response):
    return [item.title for item in response.context["items"]]


def test_a_listing_counts_only_what_the_visitor_may_open(client, site_tree, course, territory):
    PracticeExchangePageFactory(parent=site_tree.practice_index, territories=[territory("44109")])
    response = client.get(territory("44109").get_absolute_url())
    assert response.context["items"].paginator.count == 1
    assert "1 élément" in response.content.decode()


def test_a_territory_counts_only_visible_items_under_its_children(client, site_tree, course, territory):
    PracticeExchangePageFactory(parent=site_tree.practice_index, territories=[territory("44143")])
    epci = territory("44109").parent
    response = client.get(epci.get_absolute_url())
    counts = {child.code: child.item_count for child in response.context["children"]}
    assert counts["44109"] == 0
    assert counts["44143"] == 1


def test_a_pole_used_only_by_restricted_items_is_not_offered_as_a_filter(client, site_tree, course, students):
    response = client.get(site_tree.course_index.url)
    assert "sante" not in [pole.slug for pole in response.context["listing"].poles]
    client.force_login(person("etudiante", students))
    response = client.get(site_tree.course_index.url)
    assert "sante" in [pole.slug for pole in response.context["listing"].poles]


def test_a_members_only_page_is_listed_for_members_only(client, site_tree):
    page = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Compte rendu réservé aux membres")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert page.title not in listed_titles(client.get(site_tree.practice_index.url))
    client.force_login(person("adherente"))
    assert page.title in listed_titles(client.get(site_tree.practice_index.url))


def test_a_password_protected_page_is_listed_once_its_password_is_given(client, site_tree, protected):
    page, restriction = protected
    assert PROTECTED not in listed_titles(client.get(site_tree.practice_index.url))
    assert PROTECTED not in client.get(page.url).content.decode()  # the password form, not the page

    url = reverse("wagtailcore_authenticate_with_password", args=(restriction.pk, page.pk))
    client.post(url, {"password": "cooperative", "return_url": page.url})
    assert PROTECTED in listed_titles(client.get(site_tree.practice_index.url))


def test_the_sitemap_lists_public_pages_only(client, site_tree, course, protected):
    public = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Une épicerie solidaire")
    members = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Réservé aux membres")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(person("adherente"))
    content = client.get("/sitemap.xml").content.decode()
    assert public.url in content
    for hidden in (course, protected[0], members):
        assert hidden.url not in content


def test_private_documents_of_a_study_day_show_to_those_who_may_open_them(client, site_tree, students):
    private = private_collection("Documents de travail", students)
    slides = ArchiveDocumentFactory(title="Diaporama interne", collection=private)
    proceedings = ArchiveDocumentFactory(title="Actes internes", collection=private)
    talk = {"title": "L'habitat participatif", "speakers": [], "abstract": "", "slides": slides, "video_url": ""}
    session = {"title": "Matinée", "talks": [talk]}
    day = StudyDayPageFactory(parent=site_tree.study_day_index, programme=[("session", session)])
    day.proceedings_documents.add(StudyDayDocument(document=proceedings))
    day.save()

    content = client.get(day.url).content.decode()
    assert "Diaporama interne" not in content and "Actes internes" not in content
    assert slides.url not in content and proceedings.url not in content
    client.force_login(person("etudiante", students))
    content = client.get(day.url).content.decode()
    assert "Diaporama interne" in content and "Actes internes" in content


def test_a_document_of_a_password_protected_collection_shows_once_its_password_is_given(client, site_tree):
    collection = Collection.get_first_root_node().add_child(name="Dossier partenaires")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="partenaires"
    )
    document = ArchiveDocumentFactory(title="Convention de partenariat", collection=collection)
    day = StudyDayPageFactory(parent=site_tree.study_day_index)
    day.proceedings_documents.add(StudyDayDocument(document=document))
    day.save()

    assert "Convention de partenariat" not in client.get(day.url).content.decode()
    url = reverse("wagtaildocs_authenticate_with_password", args=(restriction.pk,))
    client.post(url, {"password": "partenaires", "return_url": day.url})
    assert "Convention de partenariat" in client.get(day.url).content.decode()


def test_a_private_image_is_left_out_of_a_public_page(client, site_tree, students):
    image = wagtail_factories.ImageFactory(collection=private_collection("Photos internes", students))
    body = [("image", {"image": image, "decorative": True, "alt_text": ""})]
    note = PoleNotePageFactory(parent=site_tree.pole_section, body=body)
    assert "figure-image" not in client.get(note.url).content.decode()
    client.force_login(person("etudiante", students))
    assert "figure-image" in client.get(note.url).content.decode()


def test_documents_are_served_through_wagtail_view_never_from_media(client, site_tree):
    document = ArchiveDocumentFactory(title="Rapport public")
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert document.url.startswith("/documents/")
    assert client.get(document.url).status_code == 200
    assert client.get(f"{settings.MEDIA_URL}{document.file.name}").status_code == 404


def test_original_images_are_not_served_and_public_renditions_are(client, db):
    image = wagtail_factories.ImageFactory()
    assert client.get(f"{settings.MEDIA_URL}{image.file.name}").status_code == 404
    response = client.get(image.get_rendition("max-100x100").url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]


def test_a_private_rendition_is_never_cached_by_a_shared_cache(client, students):
    image = wagtail_factories.ImageFactory(collection=private_collection("Photos internes", students))
    client.force_login(person("etudiante", students))
    response = client.get(image.get_rendition("max-100x100").url)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]


def test_wagtail_api_is_not_served(client, db):
    assert not any(app.startswith("wagtail.api") for app in settings.INSTALLED_APPS)
    assert client.get("/api/v2/pages/").status_code == 404


def test_an_editor_chooses_only_the_pages_they_may_open(client, site_tree, course, students):
    browse = reverse("wagtailadmin_choose_page_child", args=(site_tree.course_index.pk,))
    search = reverse("wagtailadmin_choose_page_search")

    def offered(**query):
        response = client.get(search if query else browse, query)
        # Browsing answers JSON (whose text escapes accents), searching answers HTML.
        return response.json()["html"] if response["Content-Type"] == "application/json" else response.text

    client.force_login(person("animatrice", site_tree.pole.animators))
    assert "Cours réservé" not in offered()
    assert "Cours réservé" not in offered(q="Cours réservé")
    client.force_login(person("documentaliste", documentalists()))
    assert "Cours réservé" in offered()
    assert "Cours réservé" in offered(q="Cours réservé")
