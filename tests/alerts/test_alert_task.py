"""Alert digests run as a background task, and two runs never send at once: the second sends nothing."""

import threading
from contextlib import contextmanager

from django.core import mail
from django.db import connection

from alerts.tasks import LOCK_NAME, exclusive, send_alert_digests

from .support import send_alerts


@contextmanager
def another_run_sending():
    """Another process holds the alerts while the block runs (a thread has its own connection and file)."""
    taken, done = threading.Event(), threading.Event()

    def hold():
        with exclusive(LOCK_NAME) as acquired:
            assert acquired
            taken.set()
            done.wait(10)
        connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait(10)
    try:
        yield
    finally:
        done.set()
        holder.join()


def test_the_task_sends_the_due_digests_and_reports_its_counts(db):
    assert send_alert_digests.call() == {"emails": 0, "items": 0, "failed": 0, "readers": 0}


def test_a_task_started_while_another_run_sends_sends_nothing(db):
    with another_run_sending():
        assert send_alert_digests.call() == "busy"
    assert mail.outbox == []
    assert send_alert_digests.call() != "busy", "the lock is released with its holder"


def test_the_command_says_in_french_that_a_run_is_already_under_way(db):
    with another_run_sending():
        assert "Un envoi des alertes est déjà en cours : rien n’est envoyé." in send_alerts()


def test_the_command_can_leave_the_sending_to_the_worker(db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert "Envoi des alertes confié au processus de fond." in send_alerts("--background")
    assert DBTaskResult.objects.get().task_path == "alerts.tasks.send_alert_digests"
