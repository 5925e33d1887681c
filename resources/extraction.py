"""Run PDF text extraction in a bounded child process and store the outcome on the document."""

import json
import logging
import resource
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)

# How the kernel stops a child past RLIMIT_CPU: SIGXCPU at the soft limit, SIGKILL at the hard one.
CPU_LIMIT_SIGNALS = {-signal.SIGXCPU, -signal.SIGKILL}
WORKER = [sys.executable, "-I", str(Path(__file__).with_name("pdf_worker.py"))]


def _limit_child(memory_mb, cpu_seconds):
    def apply():
        memory = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))

    return apply


def run_worker(data, timeout=None, memory_mb=None):
    """Extract in a child process limited in time, CPU and memory; never raises."""
    timeout = timeout or settings.KB_EXTRACTION_TIMEOUT_SECONDS
    memory_mb = memory_mb or settings.KB_EXTRACTION_MEMORY_MB
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argv, our own worker
            WORKER,
            input=data,
            capture_output=True,
            timeout=timeout,
            preexec_fn=_limit_child(memory_mb, timeout),
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "timeout", [], f"L'extraction a dépassé {timeout} s et a été interrompue."
    if completed.returncode in CPU_LIMIT_SIGNALS:
        # On an idle machine the CPU limit (the same seconds) can strike before the wall-clock one.
        logger.warning("pdf worker stopped by its CPU limit (%s s)", timeout)
        return "timeout", [], f"L'extraction a dépassé {timeout} s et a été interrompue."
    if completed.returncode != 0:
        stderr = completed.stderr.decode("utf-8", "replace")
        if "MemoryError" in stderr:
            return "too_large", [], f"L'extraction a dépassé la mémoire permise ({memory_mb} Mo)."
        logger.warning("pdf worker exited %s: %s", completed.returncode, stderr[-500:])
        return "failed", [], "L'extraction a échoué (processus interrompu)."
    try:
        payload = json.loads(completed.stdout)
    except ValueError:
        return "failed", [], "L'extraction a rendu une réponse illisible."
    return payload["status"], payload["pages"], payload["message"]


def extract_document(document):
    """Extract the text of one document and save the outcome; returns the status."""
    return store(document, *read_document(document))


def read_document(document):
    """(status, pages, message) for the document's file, read within the bounds; never raises for a bad file."""
    if document.file_extension.lower() != "pdf":
        return "not_applicable", [], ""
    limit = settings.KB_EXTRACTION_MAX_MB
    try:
        # One read more than the limit tells an oversize file without loading all of it.
        with document.open_file() as handle:
            data = handle.read(limit * 1024 * 1024 + 1)
    except OSError as exc:
        logger.error("document %s: file unreadable: %s", document.pk, exc)
        return "failed", [], "Le fichier est introuvable sur le disque."
    if len(data) > limit * 1024 * 1024:
        return "too_large", [], f"Le fichier dépasse {limit} Mo : son texte n'est pas lu."
    return run_worker(data)


def store(document, status, pages, message):
    """Save an extraction's outcome on the document; returns the status."""
    document.set_extraction(status, pages, message)
    document.extracted_at = timezone.now()
    document.save(update_fields=[*document.EXTRACTION_FIELDS, "extracted_at"])
    log = logger.info if status in {"done", "not_applicable"} else logger.warning
    log("document %s (%s): extraction %s, %d pages. %s", document.pk, document.filename, status, len(pages), message)
    return status
