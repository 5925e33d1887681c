"""No leak: a restricted page or private document never shows (title, count, filter or link) to whoever cannot open it.

The permission matrix covers the DU course in every listing; here: counts and filters, the
other kinds of restriction (login, shared password), documents of study days and research
papers, images, and where files are served from.
"""

from types import SimpleNamespace

import pytest
import wagtail_factories

from django.conf import settings
from django.test import Client, TestCase
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from kb.factories import PoleFactory, PoleNotePageFactory, PracticeExchangePageFactory
from resources.factories import ArchiveDocumentFactory, CoursePageFactory, ResearchPaperPageFactory
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


# Documents that only restricted pages use, whatever their collection (here the public root): every role
# against every action, as in the permission matrix. « mot de passe »: the page's password form is shown.
DOCUMENT_ROLES = ["anonyme", "inscrit", "mot de passe donné", "DU en cours", "DU terminé", "superutilisateur"]
DOCUMENT_EXPECTED = {
    "télécharger le document d'une page à mot de passe": "mdp mdp oui mdp mdp mdp",
    "télécharger le document d'une page réservée aux inscrits": "connexion oui connexion oui oui oui",
    "télécharger le document d'un cours du DU": "connexion connexion connexion oui 403 oui",
    "télécharger un document qu'une page publique utilise aussi": "oui oui oui oui oui oui",
    "texte du document d'une page à mot de passe trouvé": "non non oui non non non",
    "texte du document d'une page réservée aux inscrits trouvé": "non oui non oui oui oui",
    "texte du document d'un cours du DU trouvé": "non non non oui non oui",
    "texte d'un document qu'une page publique utilise aussi trouvé": "oui oui oui oui oui oui",
    "« Vouliez-vous dire » tiré d'un titre à mot de passe": "non non oui non non non",
    "bon mot de passe après trop d'essais faux": "non non non non non non",
}
WORDS = {"password": "xylographie", "login": "marqueterie", "groups": "enluminure", "shared": "ferronnerie"}


@pytest.fixture
def used_documents(site_tree):
    """A document of the public collection for each restriction kind, used only by a paper restricted so."""
    current, ended = cohort("promotion 2025-2026", 30), cohort("promotion 2024-2025", -1)
    papers, documents = {}, {}
    with TestCase.captureOnCommitCallbacks(execute=True):  # text extraction and search sync, after commit
        for kind, word in WORDS.items():
            documents[kind] = ArchiveDocumentFactory(title=f"Pièce {kind}", pages=[f"Un atelier de {word}."])
            title = "Délibérations du bureau" if kind == "password" else f"Travail {kind}"
            papers[kind] = ResearchPaperPageFactory(parent=site_tree.research_index, title=title, pdf=documents[kind])
        ResearchPaperPageFactory(parent=site_tree.research_index, title="Travail public", pdf=documents["shared"])
        password = PageViewRestriction.objects.create(
            page=papers["password"], restriction_type=PageViewRestriction.PASSWORD, password="atelier"
        )
        PageViewRestriction.objects.create(page=papers["login"], restriction_type=PageViewRestriction.LOGIN)
        restrict_page(papers["groups"], current.group, ended.group)
        restrict_page(papers["shared"], current.group)
    users = [None, person("lectrice"), None, person("etudiante", current.group), person("ancien", ended.group)]
    browsers = [Client(REMOTE_ADDR=f"192.0.2.{n}") for n in range(len(DOCUMENT_ROLES))]
    for browser, user in zip(browsers, [*users, person("admin", superuser=True)], strict=True):
        if user is not None:
            browser.force_login(user)
    password_url = reverse("wagtailcore_authenticate_with_password", args=[password.pk, papers["password"].pk])
    browsers[2].post(password_url, {"password": "atelier", "return_url": "/"})
    return SimpleNamespace(browsers=browsers, documents=documents, password_url=password_url)


def download(kind):
    def outcome(browser, world):
        response = browser.get(world.documents[kind].url)
        if response.status_code == 200:
            return "oui" if response.streaming else "mdp"
        if response.status_code == 302 and settings.WAGTAIL_FRONTEND_LOGIN_URL in response["Location"]:
            return "connexion"
        return str(response.status_code)

    return outcome


def found(kind):
    return lambda browser, world: yes(browser.get(reverse("search:api"), {"q": WORDS[kind]}).json()["total"] > 0)


def suggested(browser, world):
    return yes(browser.get(reverse("search:api"), {"q": "délibérasions"}).json()["suggestion"] != "")


def right_password_after_wrong_ones(browser, world):
    for n in range(settings.AXES_FAILURE_LIMIT):
        browser.post(world.password_url, {"password": f"essai-{n}", "return_url": "/"})
    return yes(browser.post(world.password_url, {"password": "atelier", "return_url": "/"}).status_code == 302)


def yes(condition):
    return "oui" if condition else "non"


DOCUMENT_ACTIONS = dict(
    zip(
        DOCUMENT_EXPECTED,
        [
            *(download(kind) for kind in WORDS),
            *(found(kind) for kind in WORDS),
            suggested,
            right_password_after_wrong_ones,
        ],
        strict=True,
    )
)


def test_documents_of_restricted_pages_open_to_whoever_may_open_the_pages(used_documents):
    table = {
        action: " ".join(check(browser, used_documents) for browser in used_documents.browsers)
        for action, check in DOCUMENT_ACTIONS.items()
    }
    width = max(len(action) for action in table)
    print("\n" + " " * width, " | ".join(DOCUMENT_ROLES))
    for action, row in table.items():
        print(action.ljust(width), row)
    assert table == DOCUMENT_EXPECTED
