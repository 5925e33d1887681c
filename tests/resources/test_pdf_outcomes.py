"""Every hostile or protected PDF ends with a named status and a French reason, never a traceback or a hang."""

from django.core.files.base import ContentFile

from resources.extraction import extract_document, run_worker
from resources.factories import ArchiveDocumentFactory
from resources.models import ArchiveDocument, ExtractionStatus
from resources.pdf_worker import extract_pages

from .pdfs import (
    FRENCH_PAGES,
    aes256_pdf,
    compression_bomb,
    length_lie,
    page_references,
    text_operators,
)


def extracted(data):
    document = ArchiveDocumentFactory(file=ContentFile(data, name="piege.pdf"))
    extract_document(document)
    return ArchiveDocument.objects.get(pk=document.pk)


def test_a_compression_bomb_is_named_too_large_not_failed(db):
    document = extracted(compression_bomb())
    assert document.extraction_status == ExtractionStatus.TOO_LARGE
    assert document.get_extraction_status_display() == "Trop volumineux"
    assert "bombe de décompression" in document.extraction_message


def test_a_page_tree_of_200000_references_is_named_too_large():
    status, pages, message = extract_pages(page_references())
    assert (status, pages) == ("too_large", [])
    assert "structure démesurée" in message


def test_millions_of_text_operators_end_as_a_timeout_within_the_bound():
    status, pages, message = run_worker(text_operators(), timeout=2)
    assert (status, pages) == ("timeout", [])
    assert message == "L'extraction a dépassé 2 s et a été interrompue."


def test_an_aes_256_pdf_with_a_user_password_is_named_protected():
    status, pages, message = extract_pages(aes256_pdf(user_password="lecture", owner_password="gestion"))
    assert (status, pages) == ("encrypted", [])
    assert "protégé par un mot de passe" in message


def test_an_aes_256_pdf_with_an_owner_password_only_is_read():
    status, pages, _message = extract_pages(aes256_pdf(user_password="", owner_password="gestion"))
    assert (status, pages) == ("done", FRENCH_PAGES)


def test_a_stream_whose_length_lies_is_still_read():
    assert extract_pages(length_lie()) == ("done", ["Rapport de la cooperative"], "")


def test_a_file_over_the_size_limit_is_named_too_large_without_being_read(db, settings):
    settings.KB_EXTRACTION_MAX_MB = 1
    document = extracted(b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 1))
    assert document.extraction_status == ExtractionStatus.TOO_LARGE
    assert document.extraction_message == "Le fichier dépasse 1 Mo : son texte n'est pas lu."
