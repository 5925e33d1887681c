"""An ImportBatch previewed, then run: the file read, the plan or the import done, the outcome stored on the batch.

The admin views and the kb_import command both go through here; the background task only calls `execute()`.
"""

import logging
from collections import Counter
from contextlib import ExitStack
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from . import readers
from .attachments import PdfArchive, UnreadableZip
from .models import BatchStatus, ImportBatch
from .readers import UnreadableFile
from .runner import BatchError, Options, plan, run

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 20
# A running batch silent this long lost its worker (one row never takes minutes): its task may take it back.
STALLED_AFTER = timedelta(minutes=5)


def options_of(batch):
    return Options(
        duplicates=batch.duplicates,
        publish=batch.publish,
        poles=tuple(batch.poles.values_list("pk", flat=True)),
        themes=tuple(batch.themes.values_list("pk", flat=True)),
        territories=tuple(batch.territories.values_list("pk", flat=True)),
        collection_id=batch.collection_id,
        user=batch.created_by,
    )


def _read(batch):
    with batch.source.open("rb") as handle:
        data = handle.read()
    result = readers.read(data, batch.source_name, format=batch.format or None, encoding=batch.encoding or None)
    batch.format, batch.encoding = result.format, result.encoding
    return result


def _pdfs(batch, stack):
    if not batch.attachments:
        return None
    handle = stack.enter_context(batch.attachments.open("rb"))
    archive = PdfArchive(handle)
    stack.callback(archive.close)
    return archive


def preview(batch):
    """Read and plan the batch without writing any page: its rows and counts are stored for the preview table."""
    try:
        with ExitStack() as stack:
            result = _read(batch)
            rows = [planned.row.as_dict() for planned in plan(result, options_of(batch), _pdfs(batch, stack))]
    except (UnreadableFile, UnreadableZip, BatchError) as exc:
        logger.warning("import batch %s (%s) refused: %s", batch.pk, batch.source_name, exc)
        batch.status, batch.message = BatchStatus.FAILED, str(exc)
        batch.save()
        return batch
    batch.preview, batch.total = rows, len(rows)
    batch.counts = dict(Counter(row["action"] for row in rows))
    batch.message = ""
    batch.save()
    return batch


def execute(batch, progress=None):
    """Run the import of a previewed batch; whatever happens, the batch ends done or failed, never running.

    `progress(done, total)` is called after each row (the command's bar); the batch's own count is saved as it goes.
    """
    now = timezone.now()
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, started_at=now, heartbeat_at=now, processed=0
    )
    batch.refresh_from_db()
    rows = []
    try:
        with ExitStack() as stack:
            result = _read(batch)
            pdfs = _pdfs(batch, stack)
            for done, row in enumerate(run(result, options_of(batch), pdfs), 1):
                rows.append(row.as_dict())
                _progress(batch, done, len(result.records))
                if progress is not None:
                    progress(done, len(result.records))
    except (UnreadableFile, UnreadableZip, BatchError) as exc:
        logger.warning("import batch %s (%s) failed: %s", batch.pk, batch.source_name, exc)
        return _finish(batch, BatchStatus.FAILED, rows, str(exc))
    except Exception:
        # The batch must never stay « en cours »: the rows committed so far stay and are reported, the rest is not.
        logger.exception("import batch %s (%s) stopped after %s rows", batch.pk, batch.source_name, len(rows))
        return _finish(batch, BatchStatus.FAILED, rows, _("L'import s'est interrompu sur une erreur inattendue."))
    return _finish(batch, BatchStatus.DONE, rows, "")


def _progress(batch, done, total):
    if done % PROGRESS_EVERY == 0 or done == total:
        ImportBatch.objects.filter(pk=batch.pk).update(processed=done, total=total, heartbeat_at=timezone.now())


def claimable(batch_id):
    """The batch a task may run: queued, or left « en cours » by a worker that died (its heartbeat stopped).

    Taking one back is safe: the rows committed before the death are found as duplicates of themselves
    and skipped, filled or overwritten by the batch's own policy, so nothing is created twice.
    """
    waiting = ImportBatch.objects.filter(pk=batch_id, status=BatchStatus.QUEUED).first()
    if waiting is not None:
        return waiting
    stalled = ImportBatch.objects.filter(
        pk=batch_id, status=BatchStatus.RUNNING, heartbeat_at__lt=timezone.now() - STALLED_AFTER
    ).first()
    if stalled is not None:
        logger.warning(
            "import batch %s (%s): taken back after its worker stopped at row %s",
            stalled.pk,
            stalled.source_name,
            stalled.processed,
        )
    return stalled


def _finish(batch, status, rows, message):
    batch.status, batch.message, batch.report = status, message, rows
    batch.counts = dict(Counter(row["action"] for row in rows)) if rows else batch.counts
    batch.processed = len(rows) or batch.processed
    batch.finished_at = timezone.now()
    batch.save()
    logger.info("import batch %s (%s): %s %s", batch.pk, batch.source_name, status, batch.counts)
    return batch
