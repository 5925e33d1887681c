"""Back up and restore the whole site: database, media files and search index, checked at each step.

The search index of the database engine travels inside the database dump; after a restore it is checked
against the records (`kb_index check`, full-text tables included) and repaired when it differs, and a
search server, when one is configured, is brought in line the same way.
"""

import logging
import platform
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from . import archive
from .databases import BackupError, content_summary, for_connection, table_counts

logger = logging.getLogger(__name__)
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _version(package):
    try:
        return version(package)
    except PackageNotFoundError:
        return "inconnue"


def archive_path(destination):
    """A folder gets a dated file name; an existing file is never overwritten."""
    destination = Path(destination)
    if destination.is_dir():
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        destination = destination / f"kb-sauvegarde-{connection.vendor}-{stamp}.tar.gz"
    if destination.exists():
        raise BackupError(
            f"« {destination} » existe déjà : choisissez un autre nom, une sauvegarde n'en écrase aucune."
        )
    if not destination.parent.is_dir():
        raise BackupError(f"Le dossier « {destination.parent} » n'existe pas.")
    return destination


def backup(destination):
    """Write one archive of the database, the media files and the search index; returns (path, manifest)."""
    started = time.perf_counter()
    destination = archive_path(destination)
    database = for_connection()
    with tempfile.TemporaryDirectory(prefix="kb-sauvegarde-") as folder:
        dump = Path(folder) / database.filename
        counts, migrations = database.snapshot(dump)
        logger.info(
            "backup: %s database copied (%d bytes, %d tables)", database.engine, dump.stat().st_size, len(counts)
        )
        # Media after the database: a file uploaded meanwhile is one too many, never one missing.
        media = archive.media_files(settings.MEDIA_ROOT)
        manifest = {
            "format": archive.FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": database.engine,
            "versions": {
                "ess-kb": _version("ess-kb"),
                "python": platform.python_version(),
                "django": _version("django"),
                "wagtail": _version("wagtail"),
                **database.versions(),
            },
            "database": {"file": database.filename, **archive.describe(dump)},
            "migrations": migrations,
            "counts": counts,
            "media": {relative: archive.describe(path) for relative, path in media.items()},
        }
        archive.write(destination, manifest, dump, media)
    seconds = time.perf_counter() - started
    logger.info(
        "backup: %s written (%d bytes, %d rows, %d media files) in %.1f s",
        destination,
        destination.stat().st_size,
        sum(counts.values()),
        len(media),
        seconds,
    )
    return destination, manifest


@dataclass
class RestoreReport:
    manifest: dict
    media_written: int = 0
    media_kept: list = field(default_factory=list)
    migrated: list = field(default_factory=list)
    search: object = None
    repaired: bool = False
    seconds: float = 0.0


def restore(source, force=False, log=logger.info):
    """Restore an archive into the configured database and media folder, then check the search index.

    Everything that can refuse does so before the database is touched: a missing or damaged archive,
    another engine's dump, migrations this code does not know, a database or media folder that holds
    something else (unless `force`)."""
    started = time.perf_counter()
    reader = archive.ArchiveReader(source)
    try:
        manifest = reader.manifest
        database = for_connection()
        _refuse_other_engine(manifest, database)
        _refuse_newer_migrations(manifest)
        if not force:
            _refuse_overwrite(manifest)
        with tempfile.TemporaryDirectory(prefix="kb-restauration-") as folder:
            dump, media = reader.extract(folder)
            log(f"Archive vérifiée : {len(manifest['media'])} fichier(s) de médias et la base, empreintes conformes.")
            database.verify_dump(dump)
            database.restore(dump)
            report = RestoreReport(manifest=manifest)
            _compare_counts(manifest)
            rows = sum(manifest["counts"].values())
            log(f"Base {ENGINE_NAMES[database.engine]} restaurée : {rows} lignes conformes au manifeste.")
            report.migrated = _migrate()
            report.media_written, report.media_kept = _restore_media(media, manifest)
            log(f"Médias restaurés : {report.media_written} fichier(s) dans {settings.MEDIA_ROOT}.")
    finally:
        reader.close()
    report.search, report.repaired = _search_in_step()
    report.seconds = time.perf_counter() - started
    logger.info("restore: %s restored in %.1f s (search repaired: %s)", source, report.seconds, report.repaired)
    return report


def _refuse_other_engine(manifest, database):
    if manifest["engine"] != database.engine:
        raise BackupError(
            f"Cette archive est une sauvegarde {ENGINE_NAMES.get(manifest['engine'], manifest['engine'])} ; "
            f"la base configurée est {ENGINE_NAMES[database.engine]}. Restaurez-la sur une base du même moteur "
            "(DATABASE_URL)."
        )


def _refuse_newer_migrations(manifest):
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in known]
    if unknown:
        raise BackupError(
            f"Cette archive vient d'une version plus récente du code ({len(unknown)} migration(s) inconnue(s) ici : "
            f"{', '.join(unknown[:5])}). Installez la version du code qui l'a produite, puis restaurez."
        )


def _refuse_overwrite(manifest):
    found = content_summary()
    if found:
        held = ", ".join(f"{rows} {label}" for label, rows in found.items())
        raise BackupError(
            f"La base configurée n'est pas vide ({held}) : la restauration la remplacerait. "
            "Sauvegardez-la d'abord (kb_backup), puis relancez avec --force pour la remplacer."
        )
    differing = _differing_media(manifest)
    if differing:
        raise BackupError(
            f"Le dossier des médias contient {len(differing)} fichier(s) différent(s) de ceux de l'archive "
            f"(dont « {differing[0]} ») : relancez avec --force pour les remplacer."
        )


def _differing_media(manifest):
    root = Path(settings.MEDIA_ROOT)
    differing = []
    for relative, entry in manifest["media"].items():
        path = root / relative
        if path.exists() and archive.describe(path) != {"size": entry["size"], "sha256": entry["sha256"]}:
            differing.append(relative)
    return differing


def _compare_counts(manifest):
    restored = table_counts()
    different = {
        label: (rows, restored.get(label)) for label, rows in manifest["counts"].items() if restored.get(label) != rows
    }
    if different:
        logger.error("restore: row counts differ from the manifest: %s", different)
        label, (expected, found) = next(iter(different.items()))
        raise BackupError(
            f"La base restaurée ne correspond pas au manifeste pour {len(different)} modèle(s) "
            f"(dont {label} : {found} lignes au lieu de {expected})."
        )


def _migrate():
    """An archive older than the code gets the migrations written since, as a deployment would."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
        logger.info("restore: applying %d migration(s) newer than the archive: %s", len(names), ", ".join(names))
        call_command("migrate", interactive=False, verbosity=0)
        return names
    return []


def _restore_media(extracted, manifest):
    """Put each file in place (copied, then renamed over the old one); files the archive lacks are left."""
    root = Path(settings.MEDIA_ROOT)
    for relative in manifest["media"]:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".restauration")
        shutil.copyfile(extracted / relative, partial)
        partial.replace(target)
    kept = sorted(set(archive.media_files(root)) - set(manifest["media"]))
    if kept:
        logger.info("restore: %d media file(s) not in the archive left in %s", len(kept), root)
    return len(manifest["media"]), kept


def _search_in_step():
    """Check the search index against the restored records; repair it when it differs. Returns (report, repaired)."""
    from search import indexing
    from search.engines import columns

    columns.forget()
    report = indexing.check()
    if not report.problems:
        return report, False
    logger.warning(
        "restore: search index differs from the restored records (%d problem(s)), repairing", report.problems
    )
    indexing.repair(report)
    return indexing.check(), True
