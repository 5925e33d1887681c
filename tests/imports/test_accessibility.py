"""The import pages of the admin pass axe-core (WCAG 2.1 AA) at 1280 and 390 px: the form, a preview with a refused
row, and the report. Screenshots land in var/screenshots/ (import-*)."""

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.models import Collection

from imports.batches import execute, preview
from imports.models import BatchStatus, ImportBatch
from tests.browser.conftest import audit, browser, sign_in, site_server  # noqa: F401 - fixtures
from tests.people import documentalists, person

from .test_admin import BIBTEX


def batch_of(user):
    batch = ImportBatch(created_by=user, source_name="zotero.bib", collection=Collection.get_first_root_node())
    batch.source.save("zotero.bib", ContentFile(BIBTEX.encode()), save=False)
    batch.save()
    return preview(batch)


def test_the_import_pages_pass_axe(browser, site_tree):  # noqa: F811
    documentalist = person("documentaliste", documentalists())
    sign_in(browser, documentalist)
    problems = audit(browser, reverse("imports:start"), "import-formulaire")
    batch = batch_of(documentalist)
    problems += audit(browser, reverse("imports:batch", args=[batch.pk]), "import-apercu")
    batch.status = BatchStatus.QUEUED
    batch.save()
    execute(batch)
    problems += audit(browser, reverse("imports:batch", args=[batch.pk]), "import-rapport")
    assert not problems, "\n".join(problems)
