"""A rebuild cites each page's publisher, its Wagtail site's name, as the page itself does, reading the sites once."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from kb.factories import PracticeExchangePageFactory
from kb.models import ArchivePage

pytestmark = pytest.mark.django_db


def rebuilt():
    """The citations of a rebuild's records, by source, and how many of its queries read the sites."""
    with CaptureQueriesContext(connection) as captured:
        citations = {record.source: record.citation for record in ArchivePage.search_records()}
    return citations, sum('"wagtailcore_site"' in query["sql"] for query in captured)


def test_a_rebuild_cites_each_page_by_its_own_sites_name_as_the_page_itself_does(site_tree):
    Site.objects.filter(is_default_site=True).update(site_name="Centre de ressources ESS")
    Site.objects.create(hostname="echanges.example", root_page=site_tree.practice_index, site_name="Échanges")
    exchange = PracticeExchangePageFactory(parent=site_tree.practice_index)
    elsewhere = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Hors de l'index")
    elsewhere.move(site_tree.home, pos="last-child")

    citations, _reads = rebuilt()

    assert citations[exchange.search_source]["publisher"] == "Échanges"
    assert citations[elsewhere.search_source]["publisher"] == "Centre de ressources ESS"
    for page in (exchange, elsewhere):
        page = ArchivePage.objects.get(pk=page.pk).specific
        assert citations[page.search_source] == page.citation_item()


def test_a_rebuild_reads_the_sites_in_as_many_queries_whatever_the_number_of_pages(site_tree):
    PracticeExchangePageFactory(parent=site_tree.practice_index)
    rebuilt()  # Wagtail keeps the sites' root paths in its cache
    few = rebuilt()
    PracticeExchangePageFactory.create_batch(5, parent=site_tree.practice_index)
    many = rebuilt()
    assert (len(few[0]), len(many[0])) == (1, 6)
    assert many[1] == few[1] == 1
