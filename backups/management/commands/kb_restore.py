"""`manage.py kb_restore SRC [--force]`: put a kb_backup archive back, then check and repair the search index.

Stop the site and its worker first: a restore replaces the database under them.
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from backups.databases import BackupError
from backups.procedures import restore

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Restaure une archive de kb_backup (base, médias, index de recherche), puis vérifie l'index."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Archive .tar.gz écrite par kb_backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remplacer une base qui contient déjà des contenus, et des médias différents de ceux de l'archive.",
        )

    def handle(self, *args, source, force, **options):
        try:
            report = restore(source, force=force, log=self.stdout.write)
        except BackupError as error:
            logger.error("kb_restore: %s refused: %s", source, error)
            raise CommandError(str(error)) from error
        if report.migrated:
            self.stdout.write(f"{len(report.migrated)} migration(s) plus récente(s) que l'archive appliquée(s).")
        if report.media_kept:
            self.stdout.write(f"{len(report.media_kept)} fichier(s) de médias absents de l'archive laissés en place.")
        search = report.search
        state = "réparé puis vérifié" if report.repaired else "vérifié, conforme"
        self.stdout.write(f"Index de recherche {state} : {search.expected} fiches.")
        if search.problems:
            raise CommandError(
                f"L'index de recherche garde {search.problems} écart(s) : lancez « kb_index check » pour le détail."
            )
        self.stdout.write(f"Restauration terminée en {report.seconds:.1f} s.")
