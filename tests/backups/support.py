"""The small archive the backup tests build, and every search answer a reader could notice changing."""

import datetime

from wagtail_factories import ImageFactory

from kb.models import HomePage
from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory
from search import service
from search.access import Viewer
from search.engines import get_database_engine
from search.query import SearchRequest
from tests.search.support import practice, site_tree

QUERIES = [
    "",
    "coopérative",
    '"habitat participatif"',
    "épiceries",
    "garage -voiture",
    "coperative",
    "habitats coopératifs",
]
FILTERED = [("", {"kind": ["practice"]}), ("coopérative", {"year": ["2021"]})]
PREFIXES = ["hab", "épi", "gar", "coop"]


def answers():
    """Every search answer a reader sees: hits with their snippets, totals, facet counts, suggestions, autocomplete."""
    found = {}
    for q, filters in [(q, {}) for q in QUERIES] + FILTERED:
        response = service.search(SearchRequest(q=q, filters=filters, page_size=50), Viewer())
        found[(q, str(filters))] = (response.total, response.hits, response.facets, response.suggestion)
    engine = get_database_engine()
    for prefix in PREFIXES:
        found[prefix] = engine.autocomplete(prefix, Viewer())
    return found


def build_archive():
    """A small archive: practices, a research paper with its PDF, a document alone and an image."""
    tree = site_tree()
    practice(tree.practice_index, "Habitat participatif à Rezé", body="Une coopérative d'habitants construit.")
    practice(tree.practice_index, "Garage solidaire", body="Réparer les voitures des salariés en insertion.")
    practice(tree.practice_index, "Épicerie coopérative", body="Une épicerie tenue par ses adhérents.")
    pdf = ArchiveDocumentFactory(
        title="Actes de la journée", pages=["Méthode.", "Les épiceries coopératives du département."]
    )
    ResearchPaperPageFactory(
        parent=tree.research_index,
        title="Les coopératives d'habitants",
        summary="",
        abstract="<p>Une enquête sur l'habitat participatif.</p>",
        authors=["Camille Martin"],
        date=datetime.date(2021, 3, 1),
        pdf=pdf,
    )
    ArchiveDocumentFactory(title="Note de synthèse", pages=["Un garage associatif à Saint-Nazaire."])
    ImageFactory(title="Jardin partagé")
    assert HomePage.objects.exists()
