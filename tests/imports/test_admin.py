"""The import in the admin, as a documentalist uses it: send, read the preview, confirm, keep the report."""

import html
import json

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

from imports.models import BatchStatus, ImportBatch
from resources.models import ResearchPaperPage
from tests.people import documentalists, person

from .helpers import a_pdf, pdf_zip

BIBTEX = r"""
@article{legoff2019,
  author = {Le Goff, Anne and Martin, Paul},
  title = {Les coop{\'e}ratives d'habitants {\`a} Nantes},
  journal = {RECMA},
  year = {2019},
  month = jun,
  volume = {12},
  pages = {45--67},
  doi = {10.3917/recma.2019.012},
  keywords = {habitat participatif, Se loger},
  file = {Full Text PDF:files/12/Le Goff - 2019.pdf:application/pdf},
}

@techreport{cress2021,
  author = {{CRESS Pays de la Loire}},
  title = {Panorama de l'ESS en Pays de la Loire},
  institution = {CRESS},
  year = {2021},
}

@article{broken2020,
  author = {Durand, Léa},
  title = {Une date impossible},
  journal = {RECMA},
  date = {2007-13-45},
}
"""


@pytest.fixture
def documentalist(site_tree):
    return person("doc", documentalists())


@pytest.fixture
def admin(client, documentalist):
    client.force_login(documentalist)
    return client


def send(client, data=None, name="zotero.bib", **fields):
    data = BIBTEX.encode() if data is None else data
    payload = {"source": SimpleUploadedFile(name, data), "duplicates": "skip", "publish": "0", **fields}
    if "collection" not in fields:
        payload["collection"] = Collection.get_first_root_node().pk
    return client.post(reverse("imports:start"), payload)


def test_only_those_who_may_import_see_the_import(client, site_tree, documentalist):
    start = reverse("imports:start")
    assert client.get(start).status_code == 302
    client.force_login(person("lectrice"))
    assert client.get(start).status_code in {302, 403}
    client.force_login(documentalist)
    page = client.get(start)
    assert page.status_code == 200
    assert "Importer des références" in page.content.decode()


def test_the_preview_shows_each_row_and_writes_nothing(admin):
    response = send(admin)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:batch", args=[batch.pk])
    assert batch.status == BatchStatus.PREVIEWED
    assert batch.counts == {"create": 2, "error": 1}
    page = html.unescape(admin.get(response["Location"]).content.decode())
    assert "Les coopératives d'habitants à Nantes" in page
    assert "« 2007-13-45 » n'est pas une date (attendu : AAAA, AAAA-MM ou AAAA-MM-JJ)." in page
    assert "non joint" in page  # the PDF the reference names, without a ZIP
    assert not ResearchPaperPage.objects.exists()


def test_confirming_imports_in_the_background_once_and_keeps_the_report(admin, django_capture_on_commit_callbacks):
    send(admin)
    batch = ImportBatch.objects.get()
    confirm = reverse("imports:confirm", args=[batch.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(confirm)
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert batch.counts == {"created": 2, "failed": 1}
    assert ResearchPaperPage.objects.count() == 2
    report = admin.get(reverse("imports:batch", args=[batch.pk])).content.decode()
    paper = ResearchPaperPage.objects.get(doi="10.3917/recma.2019.012")
    assert reverse("wagtailadmin_pages:edit", args=[paper.pk]) in report
    again = admin.post(confirm, follow=True)
    assert "déjà été lancé" in again.content.decode()
    assert ResearchPaperPage.objects.count() == 2


def test_the_pdfs_come_from_the_zip_sent_with_the_file(admin, django_capture_on_commit_callbacks):
    archive = SimpleUploadedFile("pdfs.zip", pdf_zip({"storage/X/Le Goff - 2019.pdf": a_pdf("Texte du PDF")}))
    send(admin, attachments=archive)
    batch = ImportBatch.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(reverse("imports:confirm", args=[batch.pk]))
    paper = ResearchPaperPage.objects.get(doi="10.3917/recma.2019.012")
    assert "Texte du PDF" in paper.pdf.text


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"MZ\x90\x00\x03", "virus.exe", "n&#x27;est pas un format de références"),
        (b"x" * (21 * 1024 * 1024), "enorme.bib", "plus de 20 Mo"),
        (b"", "vide.bib", "vide"),
    ],
)
def test_a_file_refused_by_the_form_says_why_in_french(admin, data, name, message):
    response = send(admin, data=data, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_zip_that_is_no_zip_is_refused_by_the_form(admin):
    response = send(admin, attachments=SimpleUploadedFile("pdfs.zip", b"pas un zip"))
    assert "n&#x27;est pas une archive ZIP lisible" in response.content.decode()


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4 binary \x00\x01\x02", "\n".join(["@article{x,", "title = {sans fin"]).encode()]
)
def test_a_file_that_cannot_be_read_ends_the_batch_with_a_french_message(admin, data):
    response = send(admin, data=data)
    batch = ImportBatch.objects.get()
    assert batch.status == BatchStatus.FAILED or batch.counts.get("error")
    page = admin.get(response["Location"])
    assert page.status_code == 200
    assert not ResearchPaperPage.objects.exists()


def test_unknown_territories_for_the_batch_are_named(admin):
    response = send(admin, territory_names="44109; Atlantide")
    assert response.status_code == 200
    assert "« Atlantide »" in response.content.decode()


def test_junk_parameters_and_methods_never_break_the_pages(admin):
    send(admin)
    batch = ImportBatch.objects.get()
    page = reverse("imports:batch", args=[batch.pk])
    for query in ("?page=abc", "?page=99999", "?action=<script>", "?action=error&page=-1"):
        assert admin.get(page + query).status_code == 200, query
    assert admin.get(reverse("imports:confirm", args=[batch.pk])).status_code == 405
    assert admin.get(reverse("imports:batch", args=[987654])).status_code == 404
    assert admin.post(reverse("imports:confirm", args=[987654])).status_code == 404


def test_a_reader_cannot_confirm_a_batch(client, admin, documentalist):
    send(admin)
    batch = ImportBatch.objects.get()
    client.force_login(person("animatrice"))
    assert client.post(reverse("imports:confirm", args=[batch.pk])).status_code in {302, 403}
    batch.refresh_from_db()
    assert batch.status == BatchStatus.PREVIEWED


def test_with_the_database_backend_the_batch_waits_for_the_worker(admin, settings):
    from django_tasks_db.models import DBTaskResult

    from imports.tasks import import_batch

    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send(admin)
    batch = ImportBatch.objects.get()
    admin.post(reverse("imports:confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.QUEUED
    [queued] = DBTaskResult.objects.all()
    assert (queued.task_path, queued.args_kwargs["args"]) == ("imports.tasks.import_batch", [batch.pk])
    waiting = admin.get(reverse("imports:batch", args=[batch.pk])).content.decode()
    assert 'http-equiv="refresh"' in waiting
    assert "kb_worker" in waiting
    # What the worker runs (its own loop needs transactions of its own, which a test's transaction forbids).
    assert import_batch.call(batch.pk) == BatchStatus.DONE
    assert ResearchPaperPage.objects.count() == 2
    assert import_batch.call(batch.pk) == "gone", "a batch runs once, even if the task is delivered twice"


def test_a_batch_whose_worker_died_is_taken_back_without_creating_twice(admin):
    """The worker died after committing both rows: the task the sweep re-queues finishes the batch, no duplicate."""
    from datetime import timedelta

    from django.utils import timezone

    from imports.tasks import import_batch

    send(admin)
    batch = ImportBatch.objects.get()
    admin.post(reverse("imports:confirm", args=[batch.pk]))
    assert ResearchPaperPage.objects.count() == 2
    ImportBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.RUNNING, heartbeat_at=timezone.now())
    assert import_batch.call(batch.pk) == "gone", "a batch still beating belongs to its live worker"

    ImportBatch.objects.filter(pk=batch.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=10))
    assert import_batch.call(batch.pk) == BatchStatus.DONE
    batch.refresh_from_db()
    assert ResearchPaperPage.objects.count() == 2
    assert batch.counts == {"skipped": 2, "failed": 1}


def test_control_characters_and_huge_values_never_break_the_preview_or_the_import(
    admin, django_capture_on_commit_callbacks
):
    """PostgreSQL refuses NUL in text and JSON: a reference carrying one is cleaned or refused, never a 500."""
    items = [
        {"id": "nul\u0000", "type": "book", "title": "Titre\u0000 nul", "author": [{"literal": "A\u0000B"}]},
        {"id": "x", "type": "book", "title": "T" * 5000, "author": [{"literal": "A" * 500}], "keyword": "k" * 300},
        {"id": "y", "type": "book", "title": "Mots\u0000", "author": [{"literal": "C"}], "keyword": "a\u0000b, c"},
    ]
    response = send(admin, data=json.dumps(items).encode(), name="sale.json")
    batch = ImportBatch.objects.get()
    assert admin.get(response["Location"]).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(reverse("imports:confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert admin.get(response["Location"]).status_code == 200
    assert sorted(ResearchPaperPage.objects.values_list("title", flat=True)) == ["Mots", "Titre nul"]
