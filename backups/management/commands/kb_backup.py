"""`manage.py kb_backup DEST`: one archive of the database, the media files and the search index."""

import logging

from django.core.management.base import BaseCommand, CommandError

from backups.databases import BackupError
from backups.procedures import ENGINE_NAMES, backup

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Sauvegarde la base, les médias (documents, images) et l'index de recherche dans une archive .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="Fichier .tar.gz à écrire, ou dossier où l'écrire sous un nom daté.")

    def handle(self, *args, destination, **options):
        try:
            path, manifest = backup(destination)
        except BackupError as error:
            logger.error("kb_backup: %s", error)
            raise CommandError(str(error)) from error
        media_bytes = sum(entry["size"] for entry in manifest["media"].values())
        self.stdout.write(
            f"Sauvegarde écrite : {path} ({path.stat().st_size / 1e6:.1f} Mo). "
            f"Base {ENGINE_NAMES[manifest['engine']]} : {sum(manifest['counts'].values())} lignes dans "
            f"{len(manifest['counts'])} tables, {len(manifest['migrations'])} migrations ; "
            f"{len(manifest['media'])} fichier(s) de médias ({media_bytes / 1e6:.1f} Mo)."
        )
