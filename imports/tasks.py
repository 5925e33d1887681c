"""The import runs in the background worker (`manage.py kb_worker --backend background`), off the web request."""

from django_tasks import task


@task(backend="background")
def import_batch(batch_id):
    from .batches import claimable, execute

    batch = claimable(batch_id)
    if batch is None:
        return "gone"
    return execute(batch).status
