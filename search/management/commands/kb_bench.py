import itertools
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from search import bench, indexing
from search.engines import get_engine
from search.models import SearchRecord


class Command(BaseCommand):
    help = "Mesure la recherche sur une grande archive (créée une fois, puis réutilisée)."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args, records, repeat, **options):
        if Page.objects.count() < records:
            self.stdout.write(f"Génération de l'archive ({records} éléments), une seule fois…")
            call_command("kb_demo", records=records)
        if SearchRecord.objects.count() < records:
            count, seconds = indexing.rebuild()
            rate = f"{count / seconds:.0f} fiches/s ({count} fiches en {seconds:.0f} s, reconstruction complète)"
        else:
            rate = self._sample_rate()
        if IndexEntry.objects.count() < records:
            self.stdout.write("Index de Wagtail pour la colonne (c) : update_index, une seule fois…")
            call_command("update_index", verbosity=0)
        requests, service, floor, wagtail, peak = bench.run(repeat=repeat)
        self.stdout.write(bench.report(requests, service, floor, wagtail, peak, rate, SearchRecord.objects.count()))

    def _sample_rate(self, size=5_000):
        """The archive is already indexed: measure on a sample rather than rebuild it all."""
        started = time.perf_counter()
        records = list(itertools.islice(indexing.all_records(), size))
        get_engine().index(records)
        seconds = time.perf_counter() - started
        return f"{len(records) / seconds:.0f} fiches/s (échantillon de {len(records)} fiches relues et réindexées)"
