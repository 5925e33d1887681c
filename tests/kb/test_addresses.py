"""Links in Wagtail's emails (moderation) start with the site's real address, as it stands when they are sent."""

from urllib.parse import urljoin

import pytest

from django.conf import settings
from django.core import mail

from wagtail.models import Site

from kb.addresses import site_url
from resources.models import ResearchPaperPage
from tests.people import add_url, documentalists, paper_form, person

PUBLIC = "https://ressources.ess-nantes.example"


@pytest.fixture
def public_site(db):
    Site.objects.filter(is_default_site=True).update(hostname="ressources.ess-nantes.example", port=443)


def submit_paper(client, site_tree):
    """An animator submits a research paper: the documentalists get the moderation email."""
    person("documentaliste", documentalists())
    client.force_login(person("animatrice", site_tree.pole.animators))
    response = client.post(
        add_url(ResearchPaperPage, site_tree.research_index),
        paper_form("Coops", "coops", "submit", poles=[site_tree.pole]),
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    return message


def test_a_moderation_email_links_to_the_admin_on_the_default_sites_address(client, site_tree, public_site):
    message = submit_paper(client, site_tree)

    paper = ResearchPaperPage.objects.get(slug="coops")
    assert f"{PUBLIC}/admin/pages/{paper.pk}/edit/" in message.body
    (html, _type) = message.alternatives[0]
    assert f"{PUBLIC}/admin/pages/{paper.pk}/edit/" in html
    assert f'src="{PUBLIC}/static/' in html
    assert "127.0.0.1" not in message.body + html


def test_kb_site_url_names_the_address_of_the_moderation_links_when_set(client, site_tree, public_site, settings):
    settings.KB_SITE_URL = "https://kb.ess-nantes.example/"
    message = submit_paper(client, site_tree)
    assert "https://kb.ess-nantes.example/admin/pages/" in message.body
    assert PUBLIC not in message.body


def test_the_admin_address_follows_the_default_site_when_it_is_corrected(db):
    Site.objects.filter(is_default_site=True).update(hostname="ancien.example", port=8080)
    assert str(settings.WAGTAILADMIN_BASE_URL) == "http://ancien.example:8080"
    Site.objects.filter(is_default_site=True).update(hostname="ressources.ess-nantes.example", port=443)
    # Wagtail joins it (absolute_static, build_absolute_url) as well as it concatenates it.
    assert urljoin(settings.WAGTAILADMIN_BASE_URL, "/static/logo.png") == f"{PUBLIC}/static/logo.png"


def test_site_url_makes_a_path_absolute_on_the_public_address(public_site):
    assert site_url("/alertes/") == f"{PUBLIC}/alertes/"
    assert site_url() == f"{PUBLIC}/"
