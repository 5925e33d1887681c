"""Background tasks of the resources app (django-tasks, as Wagtail uses)."""

from django_tasks import task


@task()
def extract_document_text(document_id):
    from wagtail.documents import get_document_model

    from .extraction import extract_document

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return "gone"
    return extract_document(document)
