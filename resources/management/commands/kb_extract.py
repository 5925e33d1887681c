"""manage.py kb_extract: extract the text of documents again, named or all those waiting or failed.

Queues the extraction for the background worker (`kb_worker`); `--now` runs it here, one document after the
other, within the same time and memory bounds.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from resources.extraction import extract_document
from resources.models import ExtractionStatus
from resources.tasks import documents, request_extraction, stale_after

# « En attente » and « échec » in the broad sense: what an attempt on a quieter machine, or after an
# upgrade, may turn into text. A damaged, protected or oversize file gives the same answer again: name it.
RERUN = [
    ExtractionStatus.PENDING,
    ExtractionStatus.RETRY,
    ExtractionStatus.FAILED,
    ExtractionStatus.TIMEOUT,
]


class Command(BaseCommand):
    help = "Relance l’extraction du texte des documents nommés, ou de tous ceux en attente ou en échec."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Identifiants des documents.")
        parser.add_argument(
            "--pending",
            action="store_true",
            help="Tous les documents en attente, en réessai, en échec ou laissés en cours par un processus arrêté.",
        )
        parser.add_argument("--now", action="store_true", help="Extrait ici, sans passer par le processus de fond.")

    def handle(self, *args, ids=(), pending=False, now=False, **options):
        if bool(ids) == pending:
            raise CommandError("Donnez des identifiants de documents, ou --pending (pas les deux).")
        if pending:
            left_running = Q(
                extraction_status=ExtractionStatus.RUNNING, extraction_started_at__lt=timezone.now() - stale_after()
            )
            wanted = list(
                documents().filter(Q(extraction_status__in=RERUN) | left_running).values_list("pk", flat=True)
            )
        else:
            wanted = list(documents().filter(pk__in=ids).values_list("pk", flat=True))
            missing = sorted(set(ids) - set(wanted))
            if missing:
                raise CommandError(f"Document(s) introuvable(s) : {', '.join(map(str, missing))}.")
        if now:
            for document in documents().filter(pk__in=wanted).order_by("pk"):
                status = extract_document(document)
                self.stdout.write(f"{document.pk} « {document.title} » : {ExtractionStatus(status).label}")
        else:
            request_extraction(wanted)
        done = "extrait" if now else "mis en file d’extraction"
        self.stdout.write(self.style.SUCCESS(f"{len(wanted)} document(s) {done}."))
