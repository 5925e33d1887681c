"""manage.py kb_import_bench [--rows N]: the import's speed on a generated Zotero-like BibTeX file (make bench-import).

It writes N references with accents, several authors, DOIs and keywords, then times reading, the dry run and the
real import (drafts sent to moderation, as the admin does by default), and prints references per second for each.
Run it on a throwaway database: the Makefile target gives it one under var/bench-import/.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError

from imports.readers import read
from imports.runner import Options, index_page, plan, run
from kb.models import HomePage, Theme
from resources.models import ResearchPaperIndexPage, ResearchPaperPage

WORDS = "coopérative habitat solidaire économie sociale territoire emploi mobilité santé insertion épargne".split()
FAMILIES = ["Le Goff", "Martin", "Durand", "Bernard", "Petit", "Leroy", "Moreau", "Lefèvre", "Garnier", "Chevalier"]
GIVEN = ["Anne", "Paul", "Léa", "Hélène", "Théo", "Zoé", "Jérôme", "Maël", "Inès", "Noé"]


def bibtex(rows, seed=13):
    """N distinct BibTeX references, as Zotero writes them (LaTeX accents, braces, months, keywords)."""
    rng = random.Random(seed)  # noqa: S311 - made-up test data
    entries = []
    for number in range(rows):
        title = " ".join(rng.choice(WORDS) for _ in range(7)).capitalize().replace("é", r"{\'e}")
        authors = " and ".join(f"{rng.choice(FAMILIES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 4)))
        entries.append(
            f"@article{{ref{number},\n  title = {{{title} {number}}},\n  author = {{{authors}}},\n"
            f"  journal = {{RECMA}},\n  year = {{{rng.randint(1980, 2025)}}},\n"
            f"  month = {rng.choice(['jan', 'jun'])},\n"
            f"  volume = {{{rng.randint(1, 60)}}},\n  pages = {{{number % 90 + 1}--{number % 90 + 20}}},\n"
            f"  doi = {{10.3917/bench.{number}}},\n  keywords = {{{rng.choice(WORDS)}, {rng.choice(WORDS)}}},\n}}\n"
        )
    return "\n".join(entries).encode("utf-8")


class Command(BaseCommand):
    help = "Mesure la vitesse de l'import sur un fichier BibTeX généré (base jetable)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, **options):
        if ResearchPaperPage.objects.exists():
            raise CommandError("La base contient déjà des travaux de recherche : mesurez sur une base jetable.")
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("La base n'a pas de page d'accueil : migrez-la d'abord.")
        if not ResearchPaperIndexPage.objects.exists():
            home.add_child(instance=ResearchPaperIndexPage(title="Travaux de recherche", slug="recherche-travaux"))
        Theme.objects.get_or_create(slug="se-loger", defaults={"name": "Se loger"})
        index_page()
        data = bibtex(options["rows"])
        rows = options["rows"]
        started = time.perf_counter()
        result = read(data, "bench.bib")
        reading = time.perf_counter() - started
        started = time.perf_counter()
        planned = list(plan(result, Options()))
        dry = time.perf_counter() - started
        started = time.perf_counter()
        outcomes = list(run(result, Options()))
        real = time.perf_counter() - started
        created = sum(row.action == "created" for row in outcomes)
        self.stdout.write(f"{rows} références BibTeX ({len(data) / 1e6:.1f} Mo), {created} créées :")
        self.stdout.write("| étape | durée | références/s |")
        self.stdout.write("|---|---|---|")
        for label, seconds in (("lecture (BibTeX → CSL-JSON)", reading), ("essai à blanc (plan)", dry)):
            self.stdout.write(f"| {label} | {seconds:.1f} s | {rows / seconds:,.0f} |")
        self.stdout.write(f"| lecture + essai à blanc | {reading + dry:.1f} s | {rows / (reading + dry):,.0f} |")
        self.stdout.write(f"| import réel (brouillons en relecture) | {real:.1f} s | {rows / real:,.0f} |")
        if len(planned) != rows or created != rows:
            raise CommandError(f"{rows} références attendues, {len(planned)} planifiées et {created} créées.")
