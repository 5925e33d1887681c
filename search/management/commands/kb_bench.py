"""`make bench`: searches and writes measured on a large archive, generated once and reused."""

import json
import logging
import os
from dataclasses import asdict
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from search import bench
from search.engines import get_database_engine
from search.engines.base import EngineError
from search.models import SearchRecord


class Command(BaseCommand):
    help = "Mesure la recherche et l'indexation sur une grande archive (créée une fois, puis réutilisée)."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument(
            "--sans-wagtail",
            dest="with_wagtail",
            action="store_false",
            help="sans la colonne (c), la recherche de Wagtail (jusqu'à 30 s par requête), ni son index",
        )
        parser.add_argument(
            "--fils", dest="threads", type=int, default=2, help="fils qui cherchent pendant la bascule d'alias"
        )
        parser.add_argument(
            "--croissance",
            dest="growth",
            type=Path,
            help="fichier JSON des tailles mesurées (make bench BENCH_SIZES=…) : le moteur de base de données est "
            "toujours reconstruit, la ligne de cette taille y est ajoutée, puis le tableau de toutes est affiché",
        )

    def handle(self, *args, records, repeat, with_wagtail, threads, growth, **options):
        if not 0 < records <= 100_000:
            raise CommandError("--records doit être compris entre 1 et 100 000 (le générateur d'archive s'arrête là).")
        server = bench.server_engine()
        pool = logging.getLogger("urllib3.connectionpool")
        pool.addFilter(extra_connections)
        try:
            self._bench(records, repeat, with_wagtail, threads, server, growth)
        except EngineError as error:
            raise CommandError(f"Le cluster ne répond pas ({error}) : mesure impossible sur ce moteur.") from error
        finally:
            pool.removeFilter(extra_connections)

    def _bench(self, records, repeat, with_wagtail, threads, server, growth):
        load = os.getloadavg()[0]
        if Page.objects.count() < records:
            self._say(f"Génération de l'archive ({records} éléments), une seule fois…")
            call_command("kb_demo", records=records)
        if growth:
            self._say("Reconstruction du moteur de base de données (kb_index rebuild, serveur de recherche à part)…")
            built, rebuilt = None, bench.rebuild_database()
        else:
            built, rebuilt = self._records_from_sources()
        bulk = self._load_cluster(server) if server else None
        if with_wagtail and IndexEntry.objects.count() < records:
            self._say("Index de Wagtail pour la colonne (c) : update_index, une seule fois…")
            call_command("update_index", verbosity=0)
        self._say("Recherches…")
        timings = bench.run(repeat=repeat, with_wagtail=with_wagtail, server=server)
        swap = None
        if server:
            self._say(f"{server.flavour.label} : reconstruction avec bascule d'alias, {threads} fils cherchant…")
            swap = bench.swap_under_load(server, timings.requests, threads)
        # Re-indexing a sample comes last: it leaves the database engine's postings to merge, which searches feel.
        writes = [built, rebuilt or bench.reindex_database_sample(), *([bulk, swap.load] if server else [])]
        count = SearchRecord.objects.count()
        text = bench.report(timings, [w for w in writes if w], swap, count, repeat, bench.machine_load(load))
        self.stdout.write(text)
        if growth:
            self._growth(growth, bench.GrowthRow.of(count, timings, rebuilt))

    def _growth(self, path, row):
        """Add this size to the file, and print every size measured so far."""
        try:
            rows = {r["records"]: r for r in json.loads(path.read_text())} if path.exists() else {}
        except (ValueError, TypeError, KeyError):
            rows = {}
        rows[row.records] = asdict(row)
        path.write_text(json.dumps(list(rows.values()), indent=1))
        self.stdout.write("\nCroissance (une ligne par taille d'archive, moteur de base de données) :")
        self.stdout.write("\n".join(bench.growth_table([bench.GrowthRow(**r) for r in rows.values()])))

    def _records_from_sources(self):
        """Every record built from the sources, timed; the database engine rebuilt when what it holds differs."""
        self._say("Fiches construites depuis les sources et comparées à celles du moteur de base de données…")
        fingerprints, built = bench.build_from_sources()
        stored = get_database_engine().fingerprints()
        differing = [s for s in fingerprints.keys() | stored.keys() if fingerprints.get(s) != stored.get(s)]
        if not differing:
            return built, None
        self._say(f"{len(differing)} fiches manquantes, périmées ou en trop : le moteur de base de données est refait…")
        return built, bench.rebuild_database()

    def _load_cluster(self, server):
        self._say(f"{server.flavour.label} : chargement en masse des fiches du moteur de base de données…")
        label = f"{server.flavour.label} : chargement en masse de fiches déjà construites"
        return bench.load_cluster(server, label, goal=bench.BULK_GOAL)

    def _say(self, message):
        self.stdout.write(message)
        self.stdout.flush()


def extra_connections(record):
    """False for urllib3's note that it closed a connection beyond its pool, which the bench makes on purpose.

    opensearch-py keeps one connection per node: the searching threads and a rebuild's requests in
    flight open more, and urllib3 says so each time it lets one go.
    """
    return not record.getMessage().startswith("Connection pool is full")
