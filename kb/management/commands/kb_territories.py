from django.core.management.base import BaseCommand, CommandError

from kb.territories import DEFAULT_SOURCE, TerritoryDataError, import_territories


class Command(BaseCommand):
    help = "Importe (ou met à jour) les territoires officiels : région, départements, EPCI, communes."

    def add_arguments(self, parser):
        parser.add_argument("--source", default=str(DEFAULT_SOURCE), help="Fichier JSON Etalab à importer.")

    def handle(self, *args, **options):
        try:
            report = import_territories(options["source"])
        except TerritoryDataError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(report.counts.items()))
        self.stdout.write(
            f"Territoires ({counts}) : {report.created} créés, {report.updated} mis à jour, "
            f"{report.unchanged} inchangés ; liens de rattachement +{report.links_added} / -{report.links_removed}."
        )
