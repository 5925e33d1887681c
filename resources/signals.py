"""Queue text extraction after a document's file is uploaded or replaced."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import ArchiveDocument
from .tasks import extract_document_text


@receiver(post_save, sender=ArchiveDocument)
def queue_extraction(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and "file" not in update_fields):
        return
    if instance.extracted_hash and instance.extracted_hash == instance.file_hash:
        return
    transaction.on_commit(lambda: extract_document_text.enqueue(instance.pk))
