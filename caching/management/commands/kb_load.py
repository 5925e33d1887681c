"""`make load`: how many readers the production server answers, page by page, against its static ceiling.

The numbers the README and the issue quote come from here; see caching/load.py for how the server is started.
"""

import os
import shutil
import urllib.parse

from django.core.management.base import BaseCommand, CommandError

from caching import load
from resources.models import ResearchPaperPage

QUERY = "coopérative"


class Command(BaseCommand):
    help = "Mesure la tenue en charge du serveur de production (gunicorn, wrk) sur la base de démonstration."

    def add_arguments(self, parser):
        parser.add_argument("--secondes", dest="seconds", type=int, default=10, help="durée de chaque mesure")

    def handle(self, *args, seconds, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk est absent : installez-le (apt-get install wrk) pour mesurer la tenue en charge.")
        paper = ResearchPaperPage.objects.live().public().order_by("pk").first()
        if paper is None:
            raise CommandError("Aucun article de recherche publié : lancez d’abord « make setup ».")
        self._say(f"Charge moyenne avant la mesure : {os.getloadavg()[0]:.2f} (2 cœurs partagés)")
        try:
            with load.production_server(self._say) as base:
                endpoints = self._endpoints(base, paper)
                cells = load.measure(endpoints, seconds, self._say)
        except (RuntimeError, OSError) as error:
            raise CommandError(f"Mesure impossible : {error}") from error
        self._say(f"Charge moyenne après : {os.getloadavg()[0]:.2f}")
        self.stdout.write(load.table(cells))
        if any(cell.errors for cell in cells):
            raise CommandError("Des requêtes ont échoué (colonnes « erreurs de connexion » et « non-2xx »).")

    def _endpoints(self, base, paper):
        query = urllib.parse.quote(QUERY)
        endpoints = [
            ("CSS statique (plafond)", base + load.stylesheet_path(base)),
            ("accueil", base + "/"),
            ("article de recherche", base + paper.get_url()),
            (f"/recherche/?q={QUERY}", f"{base}/recherche/?q={query}"),
            (f"API /api/search/?q={QUERY}", f"{base}/api/search/?q={query}"),
        ]
        for name, url in endpoints:
            status, _ = load.fetch(url)
            if status != 200:
                raise CommandError(f"{name} répond {status} au lieu de 200 : {url}")
        return endpoints

    def _say(self, message):
        self.stderr.write(message)
