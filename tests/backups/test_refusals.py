"""kb_restore refuses what it cannot restore faithfully, in French, before it touches the database or the media."""

import io
import json
import tarfile
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from backups.databases import table_counts

from .support import answers

pytestmark = pytest.mark.django_db

OTHER_ENGINE = {"sqlite": "postgresql", "postgresql": "sqlite"}


def rewritten(archive, destination, manifest=None, content=None, extra=None):
    """A copy of `archive` with manifest keys replaced, a member's bytes replaced, or one more member."""
    with tarfile.open(archive) as source, tarfile.open(destination, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json" and manifest:
                data = json.dumps({**json.loads(data), **manifest(json.loads(data))}).encode()
            if content and member.name in content:
                data = content[member.name]
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
        for name, data in (extra or {}).items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))
    return destination


@pytest.fixture
def empty_target(scratch, tmp_path):
    """An empty database and media folder to restore into: they must stay empty after a refusal."""
    with scratch.use(scratch.create(seeded=False)), override_settings(MEDIA_ROOT=tmp_path / "medias"):
        yield tmp_path / "medias"
        assert connection.introspection.table_names() == []
        assert not (tmp_path / "medias").exists()


def restore(path, *options):
    call_command("kb_restore", str(path), *options, stdout=StringIO())


def test_a_missing_archive_is_named(empty_target, tmp_path):
    with pytest.raises(CommandError, match=r"L'archive « .*absente\.tar\.gz » est introuvable\."):
        restore(tmp_path / "absente.tar.gz")


def test_a_file_that_is_no_archive_is_refused(empty_target, tmp_path):
    junk = tmp_path / "photo.tar.gz"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    with pytest.raises(CommandError, match="illisible ou endommagée"):
        restore(junk)


def test_a_truncated_archive_is_refused_before_the_database_is_touched(site, empty_target, tmp_path):
    truncated = tmp_path / "coupee.tar.gz"
    truncated.write_bytes(site.archive.read_bytes()[: site.archive.stat().st_size * 2 // 3])
    with pytest.raises(CommandError, match=r"tronquée ou endommagée|illisible"):
        restore(truncated)


def test_a_media_file_altered_in_the_archive_is_refused(site, empty_target, tmp_path):
    with tarfile.open(site.archive) as tar:
        document = next(name for name in tar.getnames() if name.startswith("media/documents/"))
    altered = rewritten(site.archive, tmp_path / "alteree.tar.gz", content={document: b"%PDF-1.4 autre chose"})
    with pytest.raises(CommandError, match="a été altéré"):
        restore(altered)


def test_a_member_the_manifest_does_not_announce_is_refused(site, empty_target, tmp_path):
    smuggled = rewritten(site.archive, tmp_path / "intrus.tar.gz", extra={"../../etc/cron.d/intrus": b"* * * * *"})
    with pytest.raises(CommandError, match="que son manifeste n'annonce pas"):
        restore(smuggled)


def test_another_engines_dump_is_refused_with_both_engines_named(site, empty_target, tmp_path):
    other = OTHER_ENGINE[connection.vendor]
    foreign = rewritten(site.archive, tmp_path / "autre.tar.gz", manifest=lambda m: {"engine": other})
    with pytest.raises(CommandError, match=r"Cette archive est une sauvegarde .* ; la base configurée est"):
        restore(foreign)


def test_an_archive_from_newer_code_is_refused_with_its_unknown_migrations(site, empty_target, tmp_path):
    future = rewritten(
        site.archive,
        tmp_path / "future.tar.gz",
        manifest=lambda m: {"migrations": [*m["migrations"], ["search", "0099_from_the_future"]]},
    )
    with pytest.raises(CommandError, match=r"version plus récente du code .*search\.0099_from_the_future"):
        restore(future)


def test_a_manifest_of_the_wrong_shape_is_refused(site, empty_target, tmp_path):
    crafted = rewritten(site.archive, tmp_path / "forgee.tar.gz", manifest=lambda m: {"migrations": [["search"]]})
    with pytest.raises(CommandError, match="est mal formé"):
        restore(crafted)


def test_a_database_with_content_is_kept_unless_forced(site, scratch):
    with scratch.use(site.settings), override_settings(MEDIA_ROOT=site.media):
        before = table_counts()
        with pytest.raises(CommandError, match=r"La base configurée n'est pas vide \(.*pages.*\).*--force"):
            restore(site.archive)
        assert table_counts() == before
        restore(site.archive, "--force")
        assert table_counts() == site.counts
        assert answers() == site.answers


def test_media_files_that_differ_are_kept_unless_forced(site, scratch, tmp_path):
    with tarfile.open(site.archive) as tar:
        document = next(name for name in tar.getnames() if name.startswith("media/documents/"))
    media = tmp_path / "medias"
    mine = media / document.removeprefix("media/")
    mine.parent.mkdir(parents=True)
    mine.write_bytes(b"mon propre fichier")
    with scratch.use(scratch.create(seeded=False)), override_settings(MEDIA_ROOT=media):
        with pytest.raises(CommandError, match="fichier\\(s\\) différent\\(s\\) de ceux de l'archive"):
            restore(site.archive)
        assert mine.read_bytes() == b"mon propre fichier"
        assert connection.introspection.table_names() == []
