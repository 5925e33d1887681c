"""The pages people sign in, keep their things and read their alerts on pass axe-core (WCAG 2.1 AA) at 1280 and 390 px.

Each test also leaves its screenshots in var/screenshots/ to be looked at.
"""

from kb.factories import PracticeExchangePageFactory
from tests.browser.conftest import audit


def test_home_and_an_item_page_pass_axe(browser, site_tree):
    item = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Une épicerie solidaire à Rezé")
    problems = audit(browser, site_tree.home.url, "accueil") + audit(browser, item.url, "echange")
    assert not problems, "\n".join(problems)


def test_axe_does_report_a_violation(browser, tmp_path):
    # The audits above would pass vacuously if axe-core never ran: here it must catch an unlabelled field.
    page = tmp_path / "sans-etiquette.html"
    page.write_text("<!DOCTYPE html><html lang='fr'><title>t</title><main><input></main></html>", encoding="utf-8")
    problems = audit(browser, page.as_uri(), "controle-axe")
    assert any(": label (" in problem for problem in problems), problems
