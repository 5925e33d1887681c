"""The saved-search pages and the digest email pass axe-core (WCAG 2.1 AA) at 1280 and 390 px.

Screenshots land in var/screenshots/ (alertes-*), and the digest rendered there in var/screenshots/alert-digest.html.
"""

from django.core import mail

from wagtail.models import Site

from alerts.tokens import search_token
from tests.browser.conftest import SCREENSHOTS, audit, browser, sign_in, site_server  # noqa: F401 - fixtures
from tests.people import person

from .support import html_of, publish, published_long_ago, saved_search, send_alerts

SUMMARY = "Des habitants, une coopérative et un bailleur social : retour sur six ans de gestion partagée."


def test_the_search_page_with_its_save_control_and_the_saved_searches_pass_axe(browser, site_tree):  # noqa: F811
    reader = person("chercheuse")
    reader.first_name, reader.last_name = "Awa", "Diallo"
    reader.save()
    scop = saved_search(reader, "q=coopérative&pole=habitat-cooperatif", name="Coopératives d’habitants")
    saved_search(reader, "q=tiers-lieux", name="Tiers-lieux", frequency="weekly")
    sign_in(browser, reader)

    problems = audit(browser, "/recherche/?q=SCIC", "alertes-recherche")
    problems += audit(browser, "/compte/recherches/", "alertes-mes-recherches")
    problems += audit(browser, f"/compte/alertes/arreter/{search_token(scop)}/", "alertes-desabonnement")

    assert not problems, "\n".join(problems)


def test_the_digest_email_passes_axe(browser, site_tree):  # noqa: F811
    Site.objects.filter(is_default_site=True).update(hostname="ressources.ess-nantes.example", port=443)
    reader = person("chercheuse")
    reader.first_name = "Awa"
    reader.save()
    publish(site_tree.practice_index, "Une ancienne coopérative")
    published_long_ago()
    saved_search(reader, f"q=coopérative&pole={site_tree.pole.slug}", name="Coopératives d’habitants")
    saved_search(reader, "q=épicerie", name="Épiceries solidaires")
    for title in ("La coopérative d’habitants de Rezé", "Une coopérative d’habitants à Saint-Nazaire"):
        publish(site_tree.practice_index, title, summary=SUMMARY, poles=[site_tree.pole])
    publish(site_tree.practice_index, "Une épicerie solidaire à Bellevue", summary=SUMMARY)
    send_alerts()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = SCREENSHOTS / "alert-digest.html"
    page.write_text(html_of(mail.outbox[0]), encoding="utf-8")

    problems = audit(browser, page.as_uri(), "alertes-courriel")

    assert not problems, "\n".join(problems)
