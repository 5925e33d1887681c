"""Existing documents get a publication date from the live pages that attach them, or none.

Until now a document's search record was dated by its upload. A document no live page attaches through
a relation (the slides of a talk, which the study day's programme links to, were then hits of their own)
takes the date and the classification of the live pages that link to it, as Wagtail's reference index
knows them. Only empty fields are filled, so running it on edited documents changes nothing a person chose.
"""

from collections import defaultdict

from django.db import migrations


def attaching_pages(apps):
    """{document id: {page id}} for the live pages that attach a document (its text is in their records)."""
    ResearchPaperPage = apps.get_model("resources", "ResearchPaperPage")
    LessonDocument = apps.get_model("resources", "LessonDocument")
    StudyDayDocument = apps.get_model("studydays", "StudyDayDocument")
    found = defaultdict(set)
    for page, document in ResearchPaperPage.objects.filter(live=True, pdf__isnull=False).values_list("pk", "pdf"):
        found[document].add(page)
    for link in (LessonDocument, StudyDayDocument):
        for page, document in link.objects.filter(page__live=True).values_list("page", "document"):
            found[document].add(page)
    return found


def linking_pages(apps):
    """{document id: {page id}} for the live archive pages whose content links a document."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ArchivePage = apps.get_model("kb", "ArchivePage")
    document_type = ContentType.objects.filter(app_label="resources", model="archivedocument").first()
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if document_type is None or page_type is None:
        return {}
    references = ReferenceIndex.objects.filter(to_content_type=document_type, base_content_type=page_type)
    references = references.values_list("to_object_id", "object_id")
    pairs = [(int(document), int(page)) for document, page in references if document.isdigit() and page.isdigit()]
    pages = ArchivePage.objects.filter(live=True, pk__in={page for _doc, page in pairs})
    live = set(pages.values_list("pk", flat=True))
    found = defaultdict(set)
    for document, page in pairs:
        if page in live:
            found[document].add(page)
    return found


def date_documents(apps, schema_editor):
    ArchiveDocument = apps.get_model("resources", "ArchiveDocument")
    ArchivePage = apps.get_model("kb", "ArchivePage")
    attached, linked = attaching_pages(apps), linking_pages(apps)
    for document in ArchiveDocument.objects.filter(publication_date__isnull=True):
        standalone = document.pk not in attached
        pages = ArchivePage.objects.filter(pk__in=attached.get(document.pk) or linked.get(document.pk, ()))
        dates = [day for day in pages.values_list("date", flat=True) if day]
        if dates:
            document.publication_date = min(dates)
            document.save(update_fields=["publication_date"])
        if standalone and pages:
            classify(document, pages)


def classify(document, pages):
    """A document found by itself gets the classification of the pages that link it, where it has none."""
    for relation in ("poles", "themes"):
        if not getattr(document, relation).exists():
            getattr(document, relation).set({item for page in pages for item in getattr(page, relation).all()})
    if not document.territories.exists():
        document.territories.set({link.territory_id for page in pages for link in page.territory_links.all()})


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_document_date_and_taxonomy"),
        ("studydays", "0001_initial"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [migrations.RunPython(date_documents, migrations.RunPython.noop)]
