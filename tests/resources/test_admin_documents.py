"""Uploading documents through the Wagtail admin: a bad file gets a clear answer, never a 500."""

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

from kb.factories import PoleFactory, ThemeFactory
from kb.models import Territory
from resources.factories import ArchiveDocumentFactory
from resources.models import ArchiveDocument, ExtractionStatus
from resources.pdf import make_pdf

from .pdfs import FRENCH_PAGES


@pytest.fixture
def upload(admin_client, django_capture_on_commit_callbacks):
    """POST one file to the document add view, running what is queued after commit."""

    def post(name, data, title="Document versé", **fields):
        form = {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
            **fields,
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


# Publication date and classification


@pytest.fixture
def classification(db, territory):
    return {
        "pole": PoleFactory(name="Habitat", slug="habitat"),
        "theme": ThemeFactory(name="Se loger", slug="se-loger"),
        "territory": territory("44143"),
    }


def test_the_document_form_offers_a_publication_date_and_the_classification_of_pages(admin_client, classification):
    document = ArchiveDocumentFactory(title="Guide", territories=[classification["territory"]])
    response = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert {"publication_date", "poles", "themes", "territories", "tags"} <= set(form.fields)
    content = response.content.decode()
    assert 'type="checkbox" name="poles"' in content and "Habitat" in content
    assert 'type="checkbox" name="themes"' in content and "Se loger" in content
    # Territories through the snippet chooser the pages use, the chosen ones as ticked boxes.
    chooser_url = reverse(Territory.snippet_viewset.chooser_viewset.get_url_name("choose"))
    assert f'data-chooser-url="{chooser_url}"' in content
    assert f'name="territories" value="{classification["territory"].pk}" checked' in content
    assert "Rezé — commune, Nantes Métropole (EPCI)" in content
    assert "js/territories-chooser.js" in content
    # Started by a Stimulus controller from that file: no inline script.
    assert 'data-controller="kb-territories-chooser"' in content
    assert "new TerritoriesChooser" not in content


def test_the_document_form_saves_the_publication_date_and_the_classification(admin_client, classification):
    document = ArchiveDocumentFactory(title="Guide de l'habitat participatif")
    nantes = Territory.objects.get(code="44109")
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": document.collection_id,
            "publication_date": "15/03/2012",
            "description": "",
            "poles": [classification["pole"].pk],
            "themes": [classification["theme"].pk],
            "territories": [classification["territory"].pk, nantes.pk],
            "tags": "autopromotion",
        },
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    document.refresh_from_db()
    assert document.publication_date == datetime.date(2012, 3, 15)
    assert list(document.poles.all()) == [classification["pole"]]
    assert list(document.themes.all()) == [classification["theme"]]
    assert set(document.territories.all()) == {classification["territory"], nantes}
    assert [tag.name for tag in document.tags.all()] == ["autopromotion"]


def test_unticking_every_territory_removes_them(admin_client, classification):
    document = ArchiveDocumentFactory(title="Guide", territories=[classification["territory"]])
    form = {"title": document.title, "collection": document.collection_id, "tags": ""}
    response = admin_client.post(reverse("wagtaildocs:edit", args=[document.pk]), form)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert not document.territories.exists()


def test_an_upload_can_be_dated_and_classed_at_once(upload, classification):
    response = upload(
        "guide.pdf",
        make_pdf(FRENCH_PAGES),
        title="Guide",
        publication_date="2012-03-15",
        poles=[classification["pole"].pk],
        territories=[classification["territory"].pk],
    )
    assert response.status_code == 302
    document = ArchiveDocument.objects.get(title="Guide")
    assert document.publication_date == datetime.date(2012, 3, 15)
    assert list(document.poles.all()) == [classification["pole"]]
    assert list(document.territories.all()) == [classification["territory"]]


def test_a_document_awaiting_a_retry_shows_when_on_its_page_and_in_the_report(admin_client, db):
    document = ArchiveDocumentFactory(title="Actes lents")
    document.set_extraction(ExtractionStatus.RETRY, [], "L'extraction a dépassé 25 s et a été interrompue.")
    document.extraction_attempts = 1
    document.extraction_retry_at = datetime.datetime(2026, 3, 2, 13, 5, tzinfo=datetime.UTC)
    document.save()
    page = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    report = admin_client.get(reverse("kb_extraction_report")).content.decode()
    for content in (page, report):
        assert "Réessai prévu le 2 mars à 14:05 (tentative 2)" in content
        assert "dépassé 25 s" in content
