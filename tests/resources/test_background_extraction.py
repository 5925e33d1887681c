"""Extraction in the background worker: the upload returns at once, failures are retried with backoff, a task
whose worker died is run again, and `kb_extract` re-runs what waits or failed."""

import sys
from datetime import timedelta

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from resources import extraction
from resources.factories import ArchiveDocumentFactory
from resources.models import ArchiveDocument, ExtractionStatus
from resources.recovery import sweep
from resources.tasks import extract_document_text

from .pdfs import FRENCH_PAGES, truncated_pdf

CRASH = [sys.executable, "-c", "import sys; sys.exit(3)"]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """What `kb_worker` does with each ready task, until none is left (its loop's locking transaction, which a
    test's transaction forbids, aside)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    while (row := DBTaskResult.objects.ready().filter(backend_name="background").first()) is not None:
        row.claim(worker.worker_id)
        worker.run_task(row)


def state(document):
    return ArchiveDocument.objects.get(pk=document.pk)


def test_an_upload_only_queues_its_extraction_in_the_same_transaction(db, database_queue):
    document = ArchiveDocumentFactory(pages=FRENCH_PAGES)
    assert state(document).extraction_status == ExtractionStatus.PENDING
    assert state(document).extraction_state() == "En attente"
    [queued] = DBTaskResult.objects.all()
    assert (queued.task_path, queued.args_kwargs["args"], queued.status) == (
        "resources.tasks.extract_document_text",
        [document.pk],
        "READY",
    )


def test_the_worker_extracts_a_queued_upload(db, database_queue):
    document = ArchiveDocumentFactory(pages=FRENCH_PAGES)
    run_worker()
    document = state(document)
    assert (document.extraction_status, document.page_texts) == (ExtractionStatus.DONE, FRENCH_PAGES)
    assert document.extraction_attempts == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_crashed_extraction_is_retried_later_with_a_growing_delay(db, database_queue, monkeypatch, settings):
    settings.KB_EXTRACTION_RETRY_SECONDS = 60
    monkeypatch.setattr(extraction, "WORKER", CRASH)
    document = ArchiveDocumentFactory()
    assert extract_document_text.call(document.pk) == ExtractionStatus.RETRY
    first = state(document)
    assert first.extraction_status == ExtractionStatus.RETRY
    assert timedelta(seconds=55) < first.extraction_retry_at - timezone.now() <= timedelta(seconds=60)
    assert first.extraction_state().startswith("Réessai prévu le ")
    assert "(tentative 2)" in first.extraction_state()
    retry = DBTaskResult.objects.order_by("enqueued_at").last()
    assert retry.run_after == first.extraction_retry_at

    assert extract_document_text.call(document.pk) == ExtractionStatus.RETRY
    second = state(document)
    assert timedelta(seconds=115) < second.extraction_retry_at - timezone.now() <= timedelta(seconds=120)


def test_an_extraction_that_keeps_crashing_ends_as_failed_after_the_last_attempt(db, monkeypatch, settings):
    settings.KB_EXTRACTION_MAX_ATTEMPTS = 2
    monkeypatch.setattr(extraction, "WORKER", CRASH)
    document = ArchiveDocumentFactory()
    extract_document_text.call(document.pk)
    assert extract_document_text.call(document.pk) == ExtractionStatus.FAILED
    failed = state(document)
    assert failed.extraction_message == "L'extraction a échoué (processus interrompu). (2 tentatives)"
    assert failed.extraction_state().startswith("Échec : Échec de l'extraction.")


def test_a_damaged_file_is_not_retried(db, database_queue):
    document = ArchiveDocumentFactory(file=ContentFile(truncated_pdf(), name="abime.pdf"))
    DBTaskResult.objects.all().delete()
    assert extract_document_text.call(document.pk) == ExtractionStatus.BROKEN
    assert not DBTaskResult.objects.exists()


def test_a_task_delivered_twice_extracts_once(db, database_queue):
    document = ArchiveDocumentFactory(pages=FRENCH_PAGES)
    assert extract_document_text.call(document.pk) == ExtractionStatus.DONE
    assert extract_document_text.call(document.pk) == "skipped"


def test_an_extraction_left_running_by_a_dead_worker_is_run_again(db, database_queue):
    document = ArchiveDocumentFactory(pages=FRENCH_PAGES)
    # A worker claimed the task and the document, then was killed: both stay « running ».
    row = DBTaskResult.objects.get()
    row.claim("dead-worker")
    long_ago = timezone.now() - timedelta(hours=1)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=long_ago)
    ArchiveDocument.objects.filter(pk=document.pk).update(
        extraction_status=ExtractionStatus.RUNNING, extraction_started_at=long_ago, extraction_attempts=1
    )
    run_worker()
    assert state(document).extraction_status == ExtractionStatus.RUNNING, "db_worker alone never looks back"

    assert sweep("background")["tasks"] == 1
    run_worker()
    document = state(document)
    assert (document.extraction_status, document.page_texts) == (ExtractionStatus.DONE, FRENCH_PAGES)
    assert DBTaskResult.objects.get().worker_ids == ["dead-worker", "test-worker"]


def test_a_running_extraction_within_its_bound_is_left_alone(db, database_queue):
    ArchiveDocumentFactory()
    DBTaskResult.objects.get().claim("live-worker")
    assert sweep("background") == {"tasks": 0, "extractions": 0, "search": 0}


def test_a_document_waiting_without_any_task_is_queued_by_the_sweep(db, database_queue):
    document = ArchiveDocumentFactory()
    DBTaskResult.objects.all().delete()
    assert sweep("background")["extractions"] == 1
    assert DBTaskResult.objects.get().args_kwargs["args"] == [document.pk]


def test_kb_extract_runs_a_named_document_again(db, database_queue):
    document = ArchiveDocumentFactory(pages=FRENCH_PAGES)
    extract_document_text.call(document.pk)
    DBTaskResult.objects.all().delete()
    call_command("kb_extract", str(document.pk))
    assert state(document).extraction_status == ExtractionStatus.PENDING
    assert DBTaskResult.objects.get().args_kwargs["args"] == [document.pk]


def test_kb_extract_pending_takes_the_waiting_and_failed_but_not_the_damaged(db, database_queue, capsys):
    waiting, failed, damaged, done = ArchiveDocumentFactory.create_batch(4)
    DBTaskResult.objects.all().delete()
    ArchiveDocument.objects.filter(pk=failed.pk).update(extraction_status=ExtractionStatus.FAILED)
    ArchiveDocument.objects.filter(pk=damaged.pk).update(extraction_status=ExtractionStatus.BROKEN)
    ArchiveDocument.objects.filter(pk=done.pk).update(extraction_status=ExtractionStatus.DONE)
    call_command("kb_extract", "--pending")
    queued = {row.args_kwargs["args"][0] for row in DBTaskResult.objects.all()}
    assert queued == {waiting.pk, failed.pk}
    assert "2 document(s) mis en file d’extraction." in capsys.readouterr().out


def test_kb_extract_now_extracts_here_and_names_the_outcome(db, capsys):
    document = ArchiveDocumentFactory(pages=FRENCH_PAGES)
    call_command("kb_extract", str(document.pk), "--now")
    assert f"{document.pk} « {document.title} » : Texte extrait" in capsys.readouterr().out


def test_kb_extract_names_an_unknown_document_in_french(db):
    with pytest.raises(CommandError, match=r"Document\(s\) introuvable\(s\) : 999999\."):
        call_command("kb_extract", "999999")
    with pytest.raises(CommandError, match="ou --pending"):
        call_command("kb_extract")


def test_a_document_deleted_while_its_file_is_read_ends_the_task_quietly(db, monkeypatch):
    document = ArchiveDocumentFactory(pages=FRENCH_PAGES)

    def read_then_deleted(data, **bounds):
        ArchiveDocument.objects.filter(pk=document.pk).delete()
        return "done", FRENCH_PAGES, ""

    monkeypatch.setattr(extraction, "run_worker", read_then_deleted)
    assert extract_document_text.call(document.pk) == "gone"
