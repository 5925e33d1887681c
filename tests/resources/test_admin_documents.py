"""Uploading documents through the Wagtail admin: a bad file gets a clear answer, never a 500."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

from resources.factories import ArchiveDocumentFactory
from resources.models import ArchiveDocument, ExtractionStatus
from resources.pdf import make_pdf

from .pdfs import FRENCH_PAGES


@pytest.fixture
def upload(admin_client, django_capture_on_commit_callbacks):
    """POST one file to the document add view, running what is queued after commit."""

    def post(name, data, title="Document versé"):
        form = {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        }
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(reverse("wagtaildocs:add"), form)

    return post


def test_an_uploaded_pdf_has_its_text_extracted(upload):
    response = upload("actes.pdf", make_pdf(FRENCH_PAGES), title="Actes de la journée")
    assert response.status_code == 302
    document = ArchiveDocument.objects.get(title="Actes de la journée")
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.page_texts == FRENCH_PAGES


def test_an_empty_pdf_is_refused_with_a_form_error(upload):
    response = upload("vide.pdf", b"", title="Fichier vide")
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["Le fichier soumis est vide."]
    assert not ArchiveDocument.objects.filter(title="Fichier vide").exists()


def test_a_file_with_a_forbidden_extension_is_still_refused(upload):
    response = upload("script.exe", b"MZ binaire", title="Exécutable")
    assert response.status_code == 200
    assert "n’est pas autorisée" in response.context["form"].errors["file"][0]
    assert not ArchiveDocument.objects.filter(title="Exécutable").exists()


def test_a_mislabelled_pdf_is_kept_with_the_not_pdf_status(upload):
    response = upload("rapport.pdf", b"<html><body>Pas un PDF</body></html>", title="Rapport mal nommé")
    assert response.status_code == 302
    document = ArchiveDocument.objects.get(title="Rapport mal nommé")
    assert document.file.storage.exists(document.file.name)
    assert document.extraction_status == ExtractionStatus.NOT_PDF
    assert document.extraction_message == "Le fichier n'est pas un PDF malgré son extension."


def test_the_document_page_shows_the_extraction_status_in_french(admin_client, upload):
    upload("rapport.pdf", b"GIF89a pas un PDF", title="Image renommée")
    document = ArchiveDocument.objects.get(title="Image renommée")
    response = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Pas un vrai PDF" in content
    assert "n&#x27;est pas un PDF malgré son extension" in content


def test_the_extraction_report_lists_the_documents_that_need_attention(admin_client, db):
    broken = ArchiveDocumentFactory(title="Actes illisibles")
    broken.set_extraction(ExtractionStatus.BROKEN, [], "Le PDF est illisible ou endommagé (PdfStreamError).")
    broken.save()
    fine = ArchiveDocumentFactory(title="Actes lisibles")
    fine.set_extraction(ExtractionStatus.DONE, ["Texte"], "")
    fine.save()
    response = admin_client.get(reverse("kb_extraction_report"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Actes illisibles" in content
    assert "PDF endommagé" in content
    assert "Actes lisibles" not in content
