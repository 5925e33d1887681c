import itertools
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from search import bench, indexing
from search.engines.base import EngineError
from search.models import SearchRecord


class Command(BaseCommand):
    help = "Mesure la recherche sur une grande archive (créée une fois, puis réutilisée)."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument(
            "--sans-wagtail",
            dest="with_wagtail",
            action="store_false",
            help="sans la colonne (c), la recherche de Wagtail (jusqu'à 30 s par requête), ni son index",
        )

    def handle(self, *args, records, repeat, with_wagtail, **options):
        try:
            self._bench(records, repeat, with_wagtail)
        except EngineError as error:
            raise CommandError(f"Elasticsearch ne répond pas ({error}) : mesure impossible sur ce moteur.") from error

    def _bench(self, records, repeat, with_wagtail):
        if Page.objects.count() < records:
            self.stdout.write(f"Génération de l'archive ({records} éléments), une seule fois…")
            call_command("kb_demo", records=records)
        # A blank fingerprint: written before the engine's current format (see search migration 0004).
        outdated = SearchRecord.objects.filter(fingerprint="").exists()
        if outdated or any(len(engine.fingerprints()) < records for engine in indexing.engines()):
            count, seconds = indexing.rebuild()
            rate = f"{count / seconds:.0f} fiches/s ({count} fiches en {seconds:.0f} s, reconstruction complète"
            rate += ", base de données et Elasticsearch)" if len(indexing.engines()) > 1 else ")"
        else:
            rate = self._sample_rate()
        if with_wagtail and IndexEntry.objects.count() < records:
            self.stdout.write("Index de Wagtail pour la colonne (c) : update_index, une seule fois…")
            call_command("update_index", verbosity=0)
        requests, service, floor, wagtail, peak, server_rows, load, postings_floor = bench.run(
            repeat=repeat, with_wagtail=with_wagtail
        )
        self.stdout.write(
            bench.report(
                requests,
                service,
                floor,
                wagtail,
                peak,
                rate,
                SearchRecord.objects.count(),
                server_rows=server_rows,
                load=load,
                postings_floor=postings_floor,
            )
        )

    def _sample_rate(self, size=5_000):
        """The archive is already indexed: measure each engine on a sample rather than rebuild it all."""
        records = list(itertools.islice(indexing.all_records(), size))
        rates = []
        for engine in indexing.engines():
            started = time.perf_counter()
            engine.index(records)
            seconds = time.perf_counter() - started
            rates.append(f"{engine.name} {len(records) / seconds:.0f} fiches/s")
        return f"{', '.join(rates)} (échantillon de {len(records)} fiches relues et réindexées)"
