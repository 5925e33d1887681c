"""manage.py kb_worker: django-tasks-db's db_worker that also takes back what a dead process left.

It sweeps (resources.recovery) when it starts, which is when systemd or supervisor restarts it after a
crash, and every KB_WORKER_SWEEP_SECONDS meanwhile, for the web processes that died.
"""

import logging
import os
import threading
import time

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from django.conf import settings
from django.db import connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from resources.recovery import sweep

logger = logging.getLogger(__name__)


class Command(DatabaseWorkerCommand):
    help = "Processus de fond : exécute les tâches et reprend celles qu’un processus arrêté a laissées."

    def handle(self, *args, **options):
        # With --reload, the watching parent runs no task: only the child it starts sweeps.
        if not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            self.sweep(options["backend_name"])
            threading.Thread(target=self.sweep_every, args=(options["backend_name"],), daemon=True).start()
        super().handle(*args, **options)

    def sweep(self, backend_name):
        try:
            done = sweep(backend_name)
        except Exception:
            # A database that is briefly away must not stop the worker: the next sweep tries again.
            logger.exception("worker sweep failed")
            return
        finally:
            connection.close()
        if any(done.values()):
            logger.warning("worker sweep: %s", done)

    def sweep_every(self, backend_name):
        while True:
            time.sleep(settings.KB_WORKER_SWEEP_SECONDS)
            self.sweep(backend_name)
