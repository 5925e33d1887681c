"""What the background worker does besides running tasks: take back the work that a dead process left.

django-tasks-db 0.12 never looks back at a task whose worker died: its row stays RUNNING for good, and a
web process killed between a commit and its search sync leaves the index behind. `kb_worker` sweeps here.
"""

import logging
from datetime import timedelta

from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from search.sync import replay_unsynced

from .tasks import extract_document_text, recover_extractions, stale_after

logger = logging.getLogger(__name__)


def requeue_stale_tasks(backend_name):
    """Put back in the queue the tasks still « running » long after any live run would have ended; returns them."""
    now = timezone.now()
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    extraction = Q(task_path=extract_document_text.module_path)
    stale = running.filter(extraction, started_at__lt=now - stale_after()) | running.filter(
        ~extraction, started_at__lt=now - timedelta(seconds=settings.KB_TASK_STALE_SECONDS)
    )
    requeued = [str(pk) for pk in stale.values_list("pk", flat=True)]
    # Conditional on RUNNING, so a task that finished meanwhile is left alone.
    DBTaskResult.objects.filter(pk__in=requeued, status="RUNNING").update(status="READY", started_at=None)
    if requeued:
        logger.warning("worker: %d task(s) whose worker died queued again: %s", len(requeued), requeued)
    return requeued


def sweep(backend_name):
    """One pass: stale tasks, extractions without a task, search changes never synced. Returns what it did."""
    return {
        "tasks": len(requeue_stale_tasks(backend_name)),
        "extractions": len(recover_extractions()),
        "search": replay_unsynced(),
    }
