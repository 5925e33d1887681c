"""Alert digests as a background task, run by one process at a time so that no reader gets a digest twice.

The lock dies with its holder: a PostgreSQL advisory lock ends with its session, an flock with its process
(SQLite lives on one machine), so a worker killed mid-run never leaves the alerts locked.
"""

import fcntl
import hashlib
import logging
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django_tasks import task

from django.db import connection
from django.utils import timezone

logger = logging.getLogger(__name__)

LOCK_NAME = "kb-alert-digests"


@task(backend="background")
def send_alert_digests(frequency=None):
    """Send the due digests, or nothing when another run is under way; returns the counts or « busy »."""
    from .digest import send_alerts

    with exclusive(LOCK_NAME) as acquired:
        if not acquired:
            logger.warning("alert digests already being sent by another process: this run sends nothing")
            return "busy"
        report = send_alerts(timezone.now(), frequency=frequency)
    return {"emails": report.emails, "items": report.items, "failed": report.failed, "readers": report.readers}


@contextmanager
def exclusive(name):
    """Yield True while this process alone holds `name` across every process using the database, else False."""
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            acquired = cursor.fetchone()[0]
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    database = str(connection.settings_dict["NAME"])
    path = Path(tempfile.gettempdir()) / f"{name}-{hashlib.sha256(database.encode()).hexdigest()[:16]}.lock"
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
