from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = "Index de recherche : rebuild (tout réindexer), check (comparer aux contenus), repair (corriger)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "repair"])

    def handle(self, *args, action, **options):
        if action == "rebuild":
            count, seconds = indexing.rebuild(log=self.stdout.write if options["verbosity"] > 1 else None)
            rate = count / seconds if seconds else 0
            self.stdout.write(f"{count} fiches indexées en {seconds:.1f} s ({rate:.0f} fiches/s).")
            return
        report = indexing.check() if action == "check" else indexing.repair()
        self._print(report, repaired=action == "repair")
        if action == "check" and report.problems:
            raise CommandError(f"{report.problems} fiche(s) à corriger : lancez « kb_index repair ».")

    def _print(self, report, repaired):
        verb = "corrigées" if repaired else "trouvées"
        self.stdout.write(
            f"{report.expected} fiches attendues ; {len(report.missing)} manquantes, {len(report.stale)} périmées, "
            f"{len(report.orphans)} orphelines {verb} en {report.seconds:.1f} s."
        )
        for label, sources in (("manquante", report.missing), ("périmée", report.stale), ("orpheline", report.orphans)):
            for source in sources[:20]:
                self.stdout.write(f"  {label} : {source}")
