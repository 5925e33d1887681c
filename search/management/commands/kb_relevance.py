from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.engines import get_database_engine
from search.relevance import corpora
from search.relevance.evaluate import by_source, by_title, evaluate, report


class Command(BaseCommand):
    help = (
        "Mesure la pertinence (MRR@10, rappel@10) sur les requêtes jugées, face à BM25 calculé sur les mêmes fiches. "
        "Réécrit l'index de la base en cours : à lancer sur une base à part (make relevance)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--skip-demo", action="store_true", help="sans le jeu de l'archive de démonstration")

    def handle(self, *args, skip_demo, **options):
        engine = get_database_engine()
        sets = [
            ("questions / passages publics", corpora.passages(), by_source("questions")),
            ("mots-clés / fiches service-public", corpora.pages(), by_source("keywords")),
        ]
        if not skip_demo:
            archive = list(indexing.all_records())
            if not archive:
                raise CommandError("L'archive est vide : chargez la démonstration (kb_demo) ou passez --skip-demo.")
            sets.append(("archive de démonstration", archive, by_title("demo", archive)))
        rows = []
        for name, records, queries in sets:
            project, baseline = evaluate(engine, records, queries)
            rows.append((name, len(records), project, baseline))
        self.stdout.write(report(rows))
        if not skip_demo:
            # Leave the database engine as the archive says, for whoever serves from this database next.
            indexing.rebuild()
