"""`manage.py kb_index rebuild|check|repair`: the records against the sources, on every engine that holds them.

`repair --allow-unreachable` is for setup (`make run`): a search server that does not answer
must not keep the site from starting, since searches fall back to the database engine and the
changes wait in the queue until the server answers.
"""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search import indexing
from search.engines import server_label
from search.models import PendingChange

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Index de recherche : rebuild (tout réindexer), check (comparer aux contenus), repair (corriger)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "repair"])
        parser.add_argument(
            "--allow-unreachable",
            action="store_true",
            help="repair : avertir sans échouer quand le serveur de recherche ne répond pas (installation, make run).",
        )

    def handle(self, *args, action, **options):
        if action == "rebuild":
            self._rebuild(verbose=options["verbosity"] > 1)
            return
        report = indexing.check() if action == "check" else indexing.repair()
        self._print(report, repaired=action == "repair")
        if action == "check" and report.problems:
            raise CommandError(f"{report.problems} fiche(s) à corriger : lancez « kb_index repair ».")
        if action == "repair" and (report.backlog or report.unreachable):
            message = f"{server_label()} n'a pas tout reçu : relancez « kb_index repair » quand il répond à nouveau."
            if not options["allow_unreachable"]:
                raise CommandError(message)
            logger.warning("kb_index repair: search server unreachable, %d change(s) queued", report.backlog)
            self.stderr.write(
                self.style.WARNING(
                    f"Attention : {message} En attendant, la recherche du site répond depuis la base de données ; "
                    "les modifications en attente lui seront envoyées dès qu'il répondra (à la prochaine "
                    "publication, ou par « kb_index repair »)."
                )
            )

    def _rebuild(self, verbose):
        try:
            count, seconds = indexing.rebuild(log=self.stdout.write if verbose else None)
        except indexing.RebuildError as error:
            raise CommandError(
                f"Reconstruction incomplète ({error}). La base de données est reconstruite ; "
                f"{server_label()} garde son index précédent : relancez « kb_index rebuild » quand il répond."
            ) from error
        rate = count / seconds if seconds else 0
        self.stdout.write(f"{count} fiches indexées en {seconds:.1f} s ({rate:.0f} fiches/s).")

    def _print_tables(self, tables, verb):
        """The database engine's own tables: rows missing, rows of no record, rows that differ from the record."""
        for table in tables:
            self.stdout.write(
                f"  table {table.table} : {table.expected} fiches ; {len(table.missing)} manquantes, "
                f"{len(table.extra)} en trop, {len(table.stale)} différentes {verb}."
            )
            if table.problems:
                logger.warning(
                    "kb_index: %s has %d missing, %d extra, %d stale row(s) for %d record(s)",
                    table.table,
                    len(table.missing),
                    len(table.extra),
                    len(table.stale),
                    table.expected,
                )

    def _print(self, report, repaired):
        verb = "corrigées" if repaired else "trouvées"
        self.stdout.write(
            f"{report.expected} fiches attendues ; {len(report.missing)} manquantes, {len(report.stale)} périmées, "
            f"{len(report.orphans)} orphelines {verb} en {report.seconds:.1f} s."
        )
        for label, sources in (("manquante", report.missing), ("périmée", report.stale), ("orpheline", report.orphans)):
            for source in sources[:20]:
                self.stdout.write(f"  {label} : {source}")
        for engine in report.unreachable:
            self.stdout.write(f"  moteur injoignable : {engine}")
        self._print_tables(report.tables, verb)
        if report.backlog:
            oldest = PendingChange.objects.order_by("pk").first()
            since = f" (la plus ancienne du {timezone.localtime(oldest.created_at):%d/%m/%Y à %H:%M})" if oldest else ""
            self.stdout.write(f"  {report.backlog} modification(s) en attente pour {server_label()}{since}.")
