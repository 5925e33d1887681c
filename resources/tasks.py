"""PDF text extraction in the background worker, retried with backoff, its progress kept on the document.

The document's extraction fields are the source of truth: a task claims its document before reading the
file, so a task delivered twice, or queued again after its worker died, never reads a file twice at once.
"""

import logging
from datetime import timedelta

from django_tasks import task
from django_tasks_db import DatabaseBackend

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import ExtractionStatus

logger = logging.getLogger(__name__)

# A crash or a timeout may not happen again on a quieter machine; a damaged or protected file will.
RETRYABLE = {ExtractionStatus.FAILED, ExtractionStatus.TIMEOUT}
WAITING = [ExtractionStatus.PENDING, ExtractionStatus.RETRY]


def documents():
    from wagtail.documents import get_document_model

    return get_document_model().objects


def stale_after():
    """A live extraction ends within its timeout (the child is killed then): older than this, its worker died."""
    return timedelta(seconds=settings.KB_EXTRACTION_TIMEOUT_SECONDS + 60)


@task(backend="background")
def extract_document_text(document_id):
    from .extraction import read_document, store

    document = claim(document_id)
    if document is None:
        return "skipped"
    try:
        outcome = read_document(document)
    except Exception:
        # The storage failed under us: the worker must go on, the document must not stay « en cours ».
        logger.exception("document %s: extraction failed unexpectedly", document_id)
        outcome = (ExtractionStatus.FAILED, [], "L'extraction a échoué (erreur inattendue).")
    with transaction.atomic():
        if not documents().filter(pk=document_id).exists():
            return "gone"  # deleted while its file was read
        # One commit: nobody sees the failure that a retry is about to replace.
        status = store(document, *outcome)
        return retry_or_give_up(document) if status in RETRYABLE else status


def claim(document_id):
    """The document, now « en cours », if it waits for extraction (or its last worker died); else None."""
    now = timezone.now()
    claimable = Q(extraction_status__in=WAITING) | Q(
        extraction_status=ExtractionStatus.RUNNING, extraction_started_at__lt=now - stale_after()
    )
    claimed = (
        documents()
        .filter(claimable, pk=document_id)
        .update(
            extraction_status=ExtractionStatus.RUNNING,
            extraction_started_at=now,
            extraction_retry_at=None,
            extraction_attempts=F("extraction_attempts") + 1,
        )
    )
    return documents().get(pk=document_id) if claimed else None


def retry_or_give_up(document):
    attempts = document.extraction_attempts
    if attempts >= settings.KB_EXTRACTION_MAX_ATTEMPTS:
        message = f"{document.extraction_message} ({attempts} tentatives)"
        documents().filter(pk=document.pk).update(extraction_message=message[:255])
        return document.extraction_status
    retry_at = timezone.now() + timedelta(seconds=settings.KB_EXTRACTION_RETRY_SECONDS * 2 ** (attempts - 1))
    with transaction.atomic():
        documents().filter(pk=document.pk).update(
            extraction_status=ExtractionStatus.RETRY, extraction_retry_at=retry_at
        )
        # A backend that cannot wait (the immediate one) leaves the retry to the worker's sweep or kb_extract.
        if extract_document_text.get_backend().supports_defer:
            enqueue(document.pk, run_after=retry_at)
    logger.warning("document %s: extraction attempt %d failed, retry at %s", document.pk, attempts, retry_at)
    return ExtractionStatus.RETRY


def enqueue(document_id, run_after=None):
    """Queue one extraction; a queue kept in this database is written in the caller's transaction, so a commit
    never goes without its task; any other waits for the commit, so it never reads an uncommitted file."""
    extraction = extract_document_text if run_after is None else extract_document_text.using(run_after=run_after)
    if isinstance(extraction.get_backend(), DatabaseBackend):
        extraction.enqueue(document_id)
    else:
        transaction.on_commit(lambda: extraction.enqueue(document_id))


def request_extraction(document_ids):
    """Mark these documents « en attente », attempts reset, and queue their extraction."""
    documents().filter(pk__in=document_ids).update(
        extraction_status=ExtractionStatus.PENDING,
        extraction_attempts=0,
        extraction_retry_at=None,
        extraction_started_at=None,
    )
    for document_id in document_ids:
        enqueue(document_id)


def queued_extractions():
    """Ids of the documents whose extraction task waits or runs in a database queue."""
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(
        task_path=extract_document_text.module_path, status__in=["READY", "RUNNING"]
    ).values_list("args_kwargs", flat=True)
    return {row["args"][0] for row in rows if row.get("args")}


def recover_extractions():
    """Queue again what no task will finish: documents waiting without a task, or left « en cours » by a dead worker.

    Those that killed their worker every time are given up, so one file cannot keep a worker dying.
    Returns the ids queued.
    """
    stale = timezone.now() - stale_after()
    lost = documents().filter(
        Q(extraction_status__in=WAITING)
        | Q(extraction_status=ExtractionStatus.RUNNING, extraction_started_at__lt=stale)
    )
    lost = lost.exclude(pk__in=queued_extractions())
    worn_out = lost.filter(
        extraction_status=ExtractionStatus.RUNNING, extraction_attempts__gte=settings.KB_EXTRACTION_MAX_ATTEMPTS
    )
    given_up = worn_out.update(
        extraction_status=ExtractionStatus.FAILED,
        extraction_message="L'extraction a interrompu son processus à chaque tentative.",
    )
    if given_up:
        logger.error("extraction given up for %d document(s) that stopped their worker each time", given_up)
    ids = list(lost.values_list("pk", flat=True))
    for document_id in ids:
        enqueue(document_id)
    if ids:
        logger.warning("extraction queued again for %d document(s) without a live task: %s", len(ids), ids)
    return ids
