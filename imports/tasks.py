"""The import runs in the background worker (`manage.py db_worker --backend background`), off the web request."""

from django_tasks import task


@task(backend="background")
def import_batch(batch_id):
    from .batches import execute
    from .models import BatchStatus, ImportBatch

    batch = ImportBatch.objects.filter(pk=batch_id, status=BatchStatus.QUEUED).first()
    if batch is None:
        return "gone"
    return execute(batch).status
