"""A site backed up with kb_backup and restored with kb_restore into an empty database is the same site:
the same rows, the same media files byte for byte, the same answers to every search."""

import datetime
import tarfile
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from wagtail_factories import ImageFactory

from django.core.management import call_command
from django.test import override_settings

from backups.archive import media_files
from backups.databases import table_counts
from kb.models import HomePage
from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory
from search import indexing, service
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

# The mark sets the test database up (the scratch databases copy it); the archive lives outside its transaction.
pytestmark = pytest.mark.django_db


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


@pytest.fixture(scope="module")
def site(scratch, tmp_path_factory, django_db_blocker):
    """The archive built in a database of its own, its answers taken, then backed up with kb_backup."""
    folder = tmp_path_factory.mktemp("sauvegarde")
    media = folder / "medias-source"
    with django_db_blocker.unblock(), scratch.use(scratch.create()) as wrapper, override_settings(MEDIA_ROOT=media):
        build_archive()
        # Factories save pages without publishing them through Wagtail: indexed as `make setup` does.
        indexing.rebuild()
        assert indexing.check().problems == 0
        before = SimpleNamespace(settings=wrapper.settings_dict, media=media, answers=answers(), counts=table_counts())
        out = StringIO()
        call_command("kb_backup", str(folder / "site.tar.gz"), stdout=out)
    before.archive = folder / "site.tar.gz"
    before.output = out.getvalue()
    return before


@pytest.fixture(scope="module")
def restored(site, scratch, tmp_path_factory, django_db_blocker):
    """An empty database and media folder, then kb_restore of the site's archive; its answers taken."""
    media = tmp_path_factory.mktemp("restauration") / "medias"
    empty = scratch.create(seeded=False)
    with django_db_blocker.unblock(), scratch.use(empty), override_settings(MEDIA_ROOT=media):
        out = StringIO()
        call_command("kb_restore", str(site.archive), stdout=out)
        return SimpleNamespace(
            media=media, answers=answers(), counts=table_counts(), check=indexing.check(), output=out.getvalue()
        )


def test_the_backup_is_one_archive_with_its_manifest_database_and_media(site):
    with tarfile.open(site.archive) as tar:
        names = tar.getnames()
    assert names[0] == "manifest.json"
    assert any(name.startswith("database/database.") for name in names)
    assert sum(name.startswith("media/documents/") for name in names) == 2
    assert any(name.startswith("media/original_images/") for name in names)
    assert "Sauvegarde écrite" in site.output


def test_every_table_has_the_same_rows_after_restore(site, restored):
    assert restored.counts == site.counts
    assert restored.counts["resources.ArchiveDocument"] == 2


def test_media_files_come_back_byte_for_byte(site, restored):
    before, after = media_files(site.media), media_files(restored.media)
    assert sorted(before) == sorted(after)
    assert len(before) >= 3
    for relative, path in before.items():
        assert Path(after[relative]).read_bytes() == path.read_bytes(), relative


def test_search_answers_are_identical_after_restore(site, restored):
    assert restored.answers == site.answers
    assert site.answers[('"habitat participatif"', "{}")][0] == 2
    assert site.answers[("épiceries", "{}")][0] >= 2
    assert site.answers["épi"]


def test_the_restored_search_index_is_checked_and_in_step(restored):
    assert restored.check.problems == 0
    assert "Index de recherche vérifié, conforme" in restored.output
    assert "Restauration terminée" in restored.output
