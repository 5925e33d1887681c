"""/sante/: whether this web process can serve, for the proxy in front and for monitoring.

Each part answers in a few milliseconds and names no host, user or key: the page is public.
"""

import logging
import uuid

from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Count, Max, Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from search.engines import get_engine
from search.engines.base import EngineError
from search.models import SearchRecord

logger = logging.getLogger(__name__)

DATABASE_TASK_BACKEND = "django_tasks_db.DatabaseBackend"


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True, "vendor": connection.vendor}


def cache():
    """Each configured cache writes and reads back a value: a cache that fails turns pages into errors."""
    for alias in settings.CACHES:
        probe = uuid.uuid4().hex
        backend = caches[alias]
        backend.set("kb-health-probe", probe, 10)
        if backend.get("kb-health-probe") != probe:
            raise RuntimeError(f"cache {alias!r} does not give back what it was given")
    return {"ok": True, "aliases": sorted(settings.CACHES)}


def worker():
    """The database task queue: a task waiting longer than KB_HEALTH_MAX_TASK_WAIT means no worker takes them.

    django-tasks-db keeps no record of its workers, so their life shows only in the tasks they take.
    """
    backends = [alias for alias, config in settings.TASKS.items() if config["BACKEND"] == DATABASE_TASK_BACKEND]
    if not backends:
        return {"ok": True, "queue": "none: tasks run in the request"}
    tasks = DBTaskResult.objects.filter(backend_name__in=backends)
    waiting = tasks.ready().aggregate(count=Count("id"), oldest=Min("enqueued_at"))
    running = tasks.running().count()
    last_started = tasks.aggregate(last=Max("started_at"))["last"]
    now = timezone.now()
    oldest_wait = (now - waiting["oldest"]).total_seconds() if waiting["oldest"] else 0
    return {
        "ok": oldest_wait <= settings.KB_HEALTH_MAX_TASK_WAIT,
        "waiting": waiting["count"],
        "oldest_waiting_seconds": round(oldest_wait),
        "running": running,
        "last_started_seconds_ago": round((now - last_started).total_seconds()) if last_started else None,
        "max_wait_seconds": settings.KB_HEALTH_MAX_TASK_WAIT,
    }


def search():
    """The database engine serves every search the cluster cannot: it is needed; the cluster is reported."""
    SearchRecord.objects.exists()
    engine = get_engine()
    part = {"ok": True, "engine": engine.name}
    if engine.name != "database":
        try:
            health = engine.cluster_health()
        except EngineError as error:
            logger.warning("health: the search cluster does not answer: %s", error)
            part["cluster"] = {"ok": False, "status": "unreachable"}
        else:
            part["cluster"] = {"ok": health["status"] in ("green", "yellow"), "status": health["status"]}
    return part


# The parts a reader's request cannot do without: one failing makes the answer 503. The worker and the
# cluster only make the service degraded (uploads wait, searches fall back to the database): a proxy
# that took every web process out of service for them would turn a slow queue into an outage.
NEEDED = {"database": database, "cache": cache, "search": search}
WATCHED = {"worker": worker}


def check(name, probe):
    try:
        return probe()
    # Whatever a cache or database client raises (each has its own errors) is the answer, not a 500.
    except Exception as error:
        logger.error("health: %s fails: %s", name, error)
        return {"ok": False}


@never_cache
@require_safe
def health(request):
    """200 with each part's state when the needed parts work, 503 when one fails."""
    parts = {name: check(name, probe) for name, probe in {**NEEDED, **WATCHED}.items()}
    needed_ok = all(parts[name]["ok"] for name in NEEDED)
    all_ok = needed_ok and all(part["ok"] and part.get("cluster", {"ok": True})["ok"] for part in parts.values())
    status = "ok" if all_ok else ("degraded" if needed_ok else "down")
    return JsonResponse({"status": status, **parts}, status=200 if needed_ok else 503)
