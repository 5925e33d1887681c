import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Charge l'archive de démonstration (idempotent). Avec --records N, génère en masse "
        "N éléments réalistes pour les mesures de performance."
    )

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=0, help="Nombre d'éléments à générer en masse (≤ 100 000).")
        parser.add_argument("--seed", type=int, default=2003, help="Graine du générateur (résultat reproductible).")

    def handle(self, *args, records, seed, **options):
        started = time.perf_counter()
        if records < 0 or records > 100_000:
            raise CommandError("--records doit être compris entre 0 et 100 000.")
        if records:
            from kb.demo.bulk import generate_records

            report = generate_records(records, seed=seed, log=self.stdout.write)
        else:
            from kb.demo.curated import build_demo_archive

            report = build_demo_archive(seed=seed, log=self.stdout.write)
        self.stdout.write(f"{report} en {time.perf_counter() - started:.1f} s.")
