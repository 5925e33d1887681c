"""Text extraction from documents: French text page by page, and every broken file kept with a status."""

import sys
from types import SimpleNamespace

import pytest

from django.core.files.base import ContentFile

from resources import extraction, tasks
from resources.extraction import extract_document, run_worker
from resources.factories import ArchiveDocumentFactory
from resources.models import ArchiveDocument, ExtractionStatus
from resources.pdf import make_pdf
from resources.tasks import extract_document_text

from .pdfs import FRENCH_PAGES, encrypted_pdf, scanned_pdf, truncated_pdf


def document_with(data, name="document.pdf"):
    return ArchiveDocumentFactory(file=ContentFile(data, name=name))


def python_worker(code):
    return [sys.executable, "-c", code]


def assert_kept(document):
    """The row and its file are still there, whatever happened to the extraction."""
    kept = ArchiveDocument.objects.get(pk=document.pk)
    assert kept.file.storage.exists(kept.file.name)
    return kept


def test_a_multipage_pdf_keeps_its_french_accents_page_by_page(db):
    document = ArchiveDocumentFactory(pages=FRENCH_PAGES)
    assert extract_document(document) == ExtractionStatus.DONE
    document.refresh_from_db()
    assert document.page_count == 3
    assert document.page_texts == FRENCH_PAGES
    assert "Économie" in document.page_texts[0]
    assert "coopérative" in document.page_texts[1] and "façade" in document.page_texts[1]
    assert "l'habitat" in document.page_texts[2]
    assert document.text == "\n\n".join(FRENCH_PAGES)
    assert document.extracted_hash == document.file_hash
    assert document.extracted_at is not None
    assert document.extraction_ok


@pytest.mark.parametrize(
    ("data", "status", "french_message"),
    [
        (b"", ExtractionStatus.EMPTY_FILE, "Le fichier est vide"),
        (b"<html><body>Ceci est une page web</body></html>", ExtractionStatus.NOT_PDF, "n'est pas un PDF"),
        (truncated_pdf(), ExtractionStatus.BROKEN, "illisible ou endommagé"),
        (encrypted_pdf(), ExtractionStatus.ENCRYPTED, "protégé par un mot de passe"),
        (scanned_pdf(), ExtractionStatus.NO_TEXT, "Aucun texte extractible"),
    ],
    ids=["empty_file", "not_pdf", "broken", "encrypted", "no_text"],
)
def test_a_broken_pdf_is_kept_with_a_status_and_a_french_message(db, data, status, french_message):
    document = document_with(data)
    assert extract_document(document) == status
    kept = assert_kept(document)
    assert kept.extraction_status == status
    assert french_message in kept.extraction_message
    assert not kept.extraction_ok
    assert kept.text.strip() == ""


def test_a_scanned_pdf_still_counts_its_pages(db):
    document = document_with(scanned_pdf())
    extract_document(document)
    document.refresh_from_db()
    assert (document.page_count, document.page_texts) == (1, [""])


def test_a_pdf_protected_by_an_owner_password_only_is_read(db):
    document = document_with(encrypted_pdf(user_password="", owner_password="proprietaire"))
    assert extract_document(document) == ExtractionStatus.DONE
    document.refresh_from_db()
    assert document.page_texts == FRENCH_PAGES


def test_a_document_whose_file_vanished_is_marked_failed(db):
    document = ArchiveDocumentFactory()
    document.file.storage.delete(document.file.name)
    assert extract_document(document) == ExtractionStatus.FAILED
    document.refresh_from_db()
    assert document.extraction_message == "Le fichier est introuvable sur le disque."


def test_a_document_that_is_not_a_pdf_is_not_applicable(db):
    document = document_with("Compte rendu en texte brut, accentué.".encode(), name="compte-rendu.txt")
    assert extract_document(document) == ExtractionStatus.NOT_APPLICABLE
    kept = assert_kept(document)
    assert kept.extraction_ok
    assert kept.page_texts == []


def test_a_slow_extraction_is_stopped_with_the_timeout_status(monkeypatch):
    monkeypatch.setattr(extraction, "WORKER", python_worker("import time; time.sleep(30)"))
    status, pages, message = run_worker(make_pdf(["Lent"]), timeout=1)
    assert (status, pages) == ("timeout", [])
    assert message == "L'extraction a dépassé 1 s et a été interrompue."


def test_a_document_too_slow_to_read_is_kept_with_the_timeout_status(db, monkeypatch, settings):
    settings.KB_EXTRACTION_TIMEOUT_SECONDS = 1
    monkeypatch.setattr(extraction, "WORKER", python_worker("import time; time.sleep(30)"))
    document = ArchiveDocumentFactory()
    assert extract_document(document) == ExtractionStatus.TIMEOUT
    assert assert_kept(document).extraction_status == ExtractionStatus.TIMEOUT


def test_an_extraction_that_needs_too_much_memory_is_stopped(monkeypatch):
    # 512 MB is fine for an unbounded process: only the memory limit makes this fail.
    monkeypatch.setattr(extraction, "WORKER", python_worker("data = bytearray(512 * 1024 * 1024)"))
    status, pages, message = run_worker(b"%PDF-1.7", memory_mb=128)
    assert (status, pages) == ("too_large", [])
    assert message == "L'extraction a dépassé la mémoire permise (128 Mo)."


def test_a_crashing_worker_gives_the_failed_status(monkeypatch):
    monkeypatch.setattr(extraction, "WORKER", python_worker("import sys; sys.exit(3)"))
    assert run_worker(b"%PDF-1.7") == ("failed", [], "L'extraction a échoué (processus interrompu).")


def test_a_worker_answer_that_is_not_json_gives_the_failed_status(monkeypatch):
    monkeypatch.setattr(extraction, "WORKER", python_worker("print('pas du JSON')"))
    assert run_worker(b"%PDF-1.7") == ("failed", [], "L'extraction a rendu une réponse illisible.")


@pytest.fixture
def queued_extractions(monkeypatch):
    """The ids of the documents queued for extraction, instead of running it."""
    queued = []
    immediate = SimpleNamespace(enqueue=queued.append, get_backend=tasks.extract_document_text.get_backend)
    monkeypatch.setattr(tasks, "extract_document_text", immediate)
    return queued


def test_text_is_extracted_once_the_upload_is_committed(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = ArchiveDocumentFactory(pages=FRENCH_PAGES)
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.PENDING

    for callback in callbacks:
        callback()
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.page_texts == FRENCH_PAGES


def test_an_upload_queues_its_extraction_only_after_commit(db, django_capture_on_commit_callbacks, queued_extractions):
    with django_capture_on_commit_callbacks(execute=True):
        document = ArchiveDocumentFactory()
        assert queued_extractions == []
    assert queued_extractions == [document.pk]


def test_replacing_the_file_extracts_the_new_text(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = ArchiveDocumentFactory(pages=["Première version du rapport."])
    document.refresh_from_db()
    assert document.page_texts == ["Première version du rapport."]

    document.file = ContentFile(make_pdf(["Version révisée.", "Annexe : les coopératives."]), name="rapport.pdf")
    document._set_document_file_metadata()
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    document.refresh_from_db()
    assert document.page_texts == ["Version révisée.", "Annexe : les coopératives."]
    assert document.extracted_hash == document.file_hash


def test_saving_a_document_without_changing_its_file_does_not_extract_again(
    db, django_capture_on_commit_callbacks, queued_extractions
):
    document = ArchiveDocumentFactory()
    extract_document(document)
    document.refresh_from_db()
    document.title = "Actes (titre corrigé)"
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert queued_extractions == []


def test_a_text_document_is_marked_not_applicable_on_upload(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_with(b"Ordre du jour", name="ordre-du-jour.txt")
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.NOT_APPLICABLE


def test_a_broken_upload_is_kept_with_its_status(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_with(b"PK\x03\x04 un zip renomme", name="rapport.pdf")
    assert assert_kept(document).extraction_status == ExtractionStatus.NOT_PDF


def test_the_extraction_task_skips_a_deleted_document(db):
    document = ArchiveDocumentFactory()
    pk = document.pk
    document.delete()
    assert extract_document_text.call(pk) == "skipped"
