"""Queue text extraction after a document's file is uploaded or replaced."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import ArchiveDocument, ExtractionStatus
from .tasks import request_extraction


@receiver(post_save, sender=ArchiveDocument)
def queue_extraction(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and "file" not in update_fields):
        return
    if instance.extracted_hash and instance.extracted_hash == instance.file_hash:
        return
    # The instance too, so that a later save of it in the same request does not undo « en attente ».
    instance.extraction_status, instance.extraction_attempts = ExtractionStatus.PENDING, 0
    request_extraction([instance.pk])
