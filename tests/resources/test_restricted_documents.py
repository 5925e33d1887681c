"""A document only restricted pages use is downloaded only by whoever may open one of them, whatever its collection.

Pages "use" a document as Wagtail's reference index records it (a PDF field, a link in rich text), live
pages only. A document a public page uses too, or no page at all, follows its collection. Every download
says who may keep a copy: private and not stored behind a restriction, public otherwise.
"""

import pytest

from django.urls import reverse

from wagtail.models import PageViewRestriction

from kb.factories import PracticeExchangePageFactory
from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory
from tests.people import cohort, person, private_collection, restrict_page

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Procès-verbal du conseil coopératif"


@pytest.fixture
def document(db):
    """A document of the public root collection, as an editor leaves it by default."""
    return ArchiveDocumentFactory(title="Procès-verbal", pages=[SECRET_TEXT])


def paper_using(parent, document, kind=None, password="", groups=()):
    """A live research paper whose PDF is `document`, under a view restriction of `kind` when given."""
    page = ResearchPaperPageFactory(parent=parent, pdf=document)
    if kind is not None:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password=password)
        restriction.groups.set(groups)
    return page


def downloaded(response):
    return response.status_code == 200 and getattr(response, "streaming", False)


def test_anonymous_visitors_get_the_page_password_form_for_a_document_only_a_password_page_uses(
    client, site_tree, document
):
    page = paper_using(site_tree.research_index, document, PageViewRestriction.PASSWORD, password="sesame")
    response = client.get(document.url)
    assert not downloaded(response)
    restriction = page.get_view_restrictions().get()
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    assert action in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_page_password_opens_its_document_in_that_session_and_leads_back_to_it(client, site_tree, document):
    page = paper_using(site_tree.research_index, document, PageViewRestriction.PASSWORD, password="sesame")
    restriction = page.get_view_restrictions().get()
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = client.post(url, {"password": "sesame", "return_url": document.url})
    assert response.status_code == 302 and response["Location"] == document.url
    response = client.get(document.url)
    assert downloaded(response)
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_a_document_only_a_members_page_uses_asks_anonymous_visitors_to_sign_in(client, site_tree, document):
    paper_using(site_tree.research_index, document, PageViewRestriction.LOGIN)
    response = client.get(document.url)
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")
    client.force_login(person("adherente"))
    assert downloaded(client.get(document.url))


def test_a_document_only_a_group_page_uses_opens_to_the_group_alone(client, site_tree, document):
    students = cohort("promotion 2025-2026", 30).group
    page = paper_using(site_tree.research_index, document)
    restrict_page(page, students)
    assert not downloaded(client.get(document.url))
    client.force_login(person("lectrice"))
    assert not downloaded(client.get(document.url))
    client.force_login(person("etudiante", students))
    assert downloaded(client.get(document.url))


def test_a_document_closes_when_the_cohort_of_its_only_page_has_ended(client, site_tree, document):
    former = cohort("promotion 2020-2021", -1).group
    page = paper_using(site_tree.research_index, document)
    restrict_page(page, former)
    client.force_login(person("ancienne", former))
    response = client.get(document.url)
    assert response.status_code == 403 and "promotion 2020-2021" in response.content.decode()


def test_a_document_linked_from_a_restricted_page_text_is_closed_as_the_page(client, site_tree, document):
    link = f'<p>Le <a linktype="document" id="{document.pk}">procès-verbal</a>.</p>'
    page = PracticeExchangePageFactory(parent=site_tree.practice_index, context=link)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert not downloaded(client.get(document.url))


def test_a_document_a_public_page_also_uses_stays_public_and_cacheable(client, site_tree, document):
    paper_using(site_tree.research_index, document, PageViewRestriction.PASSWORD, password="sesame")
    paper_using(site_tree.research_index, document)
    response = client.get(document.url)
    assert downloaded(response)
    assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]


def test_a_draft_restricted_page_does_not_close_a_document(client, site_tree, document):
    page = paper_using(site_tree.research_index, document, PageViewRestriction.LOGIN)
    page.unpublish()
    assert downloaded(client.get(document.url))


def test_a_document_no_page_uses_follows_its_collection(client, site_tree, document):
    assert downloaded(client.get(document.url))
    students = cohort("promotion 2025-2026", 30).group
    private = ArchiveDocumentFactory(collection=private_collection("Documents du DU", students))
    assert not downloaded(client.get(private.url))
    client.force_login(person("etudiante", students))
    response = client.get(private.url)
    assert downloaded(response)
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_a_restricted_page_does_not_open_a_document_of_a_stricter_collection(client, site_tree):
    students = cohort("promotion 2025-2026", 30).group
    document = ArchiveDocumentFactory(collection=private_collection("Documents du DU", students))
    paper_using(site_tree.research_index, document, PageViewRestriction.LOGIN)
    client.force_login(person("adherente"))
    assert not downloaded(client.get(document.url))
