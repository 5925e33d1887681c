"""The reading lists' pages pass axe-core (WCAG 2.1 AA) at 1280 and 390 px; screenshots land in var/screenshots/."""

import pytest

from tests.browser.conftest import SCREENSHOTS, WIDTHS, audit, browser, sign_in, site_server  # noqa: F401

from .support import ADD, detail, fresh, make_list, shared_url

pytestmark = pytest.mark.django_db


def test_an_item_page_and_the_list_pages_pass_axe(browser, archive):  # noqa: F811
    reading_list = make_list(archive.reader, "Habitat coopératif", archive.reze, archive.report, archive.bois)
    reading_list.description = "Pour le mémoire de fin d’année."
    reading_list.save()
    reading_list.items.filter(page=archive.reze).update(note="Le meilleur exemple de la région.")
    make_list(archive.reader, "Tiers-lieux")
    shared = make_list(archive.other, "Sélection publique", archive.reze, archive.report, shared=True)
    shared.items.filter(page=archive.reze).update(note="À lire en premier.")
    problems = audit(browser, shared_url(shared), "liste-partagee")
    fresh(archive.bois).unpublish()
    sign_in(browser, archive.reader)
    problems += audit(browser, archive.coueron.url, "liste-element")
    problems += audit(browser, detail(reading_list), "liste-detail")
    problems += audit(browser, "/compte/listes/", "listes")
    problems += audit(browser, f"{ADD}?source={archive.coueron.search_source}", "liste-ajout")
    problems += audit(browser, "/recherche/?q=coop%C3%A9rative", "liste-recherche")
    assert not problems, "\n".join(problems)
    open_box(browser, archive.coueron.url)


def open_box(driver, url):
    """Screenshots of an item page's box unfolded, to look at (its fields are audited on the add page)."""
    for width in WIDTHS:
        driver.set_window_size(width, 900)
        driver.get(driver.site + url)
        summary = driver.find_element("css selector", ".reading-box__summary")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()
        driver.save_screenshot(str(SCREENSHOTS / f"liste-element-ouvert-{width}.png"))
