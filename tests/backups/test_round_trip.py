"""A site backed up with kb_backup and restored with kb_restore into an empty database is the same site:
the same rows, the same media files byte for byte, the same answers to every search."""

import tarfile
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest

from django.core.management import call_command
from django.test import override_settings

from backups.archive import media_files
from backups.databases import table_counts
from search import indexing

from .support import answers

# The mark sets the test database up (the scratch databases copy it); the archive lives outside its transaction.
pytestmark = pytest.mark.django_db


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
