"""What search engines read: robots.txt and the sitemap, on the host they asked, with nothing restricted."""

import pytest
from lxml import etree

from wagtail.documents import get_document_model

from resources.models import ResearchPaperPage
from search.models import SearchRecord

from .conftest import PRIVATE_DOCUMENT, PUBLIC_DOCUMENT

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HOST = "archive.ess-nantes.example"


@pytest.fixture
def public_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]


def sitemap_entries(client, **extra):
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}


def document_url(title):
    return SearchRecord.objects.get(title=title, kind="document").url


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_of_answers_to_requests(client, public_host):
    response = client.get("/robots.txt", HTTP_HOST=HOST, secure=True)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    for path in ("/admin/", "/recherche/?", "/api/", "/selection/", "/citer/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
    assert f"Sitemap: https://{HOST}/sitemap.xml" in lines


def test_the_sitemap_names_the_host_that_was_asked_never_localhost(client, archive, public_host):
    entries = sitemap_entries(client, HTTP_HOST=HOST, secure=True)
    assert f"https://{HOST}/" in entries
    assert f"https://{HOST}{archive.paper.url}" in entries
    assert all(location.startswith(f"https://{HOST}/") for location in entries)


def test_a_page_is_dated_by_its_last_publication_and_a_document_by_its_upload(client, archive):
    paper = ResearchPaperPage.objects.get(pk=archive.paper.pk)
    paper.save_revision().publish()
    paper.refresh_from_db()
    document = get_document_model().objects.get(title=PUBLIC_DOCUMENT)
    entries = sitemap_entries(client)
    assert entries[f"http://testserver{paper.url}"] == paper.last_published_at.date().isoformat()
    assert entries[f"http://testserver{document.url}"] == document.created_at.date().isoformat()


def test_the_sitemap_lists_public_standalone_documents_and_not_private_ones(client):
    entries = sitemap_entries(client)
    assert f"http://testserver{document_url(PUBLIC_DOCUMENT)}" in entries
    assert not any(document_url(PRIVATE_DOCUMENT) in location for location in entries)
