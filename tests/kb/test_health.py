"""/sante/: what the proxy and monitoring read of the site's parts; 503 only when a reader would get errors."""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult, get_date_max

from django.conf import settings
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from kb import health
from search.engines.base import EngineError

pytestmark = pytest.mark.django_db

QUEUED = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def sante(client):
    return client.get(reverse("health"))


def waiting_task(minutes):
    task = DBTaskResult.objects.create(
        task_path="resources.tasks.extract_document_text",
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="background",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - datetime.timedelta(minutes=minutes))


def test_a_working_site_answers_200_with_each_part_ok(client):
    response = sante(client)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert {name: data[name]["ok"] for name in ("database", "cache", "search", "worker")} == dict.fromkeys(
        ("database", "cache", "search", "worker"), True
    )
    assert data["search"]["engine"] == "database"


def test_the_answer_is_never_cached(client):
    cache_control = sante(client)["Cache-Control"]
    assert "no-store" in cache_control and "max-age=0" in cache_control


def test_the_answer_names_no_host_path_or_secret(client):
    body = sante(client).content.decode()
    database = settings.DATABASES["default"]
    for secret in (settings.SECRET_KEY, str(database["NAME"]), database.get("HOST") or "", database.get("USER") or ""):
        if secret:
            assert secret not in body


def test_a_database_that_fails_gives_503(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = sante(client)
    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["database"] == {"ok": False}


def test_a_cache_that_loses_what_it_is_given_gives_503(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = sante(client)
    assert response.status_code == 503
    assert response.json()["cache"] == {"ok": False}


def test_tasks_run_in_the_request_need_no_worker(client):
    assert sante(client).json()["worker"] == {"ok": True, "queue": "none: tasks run in the request"}


def test_a_queue_served_by_a_worker_reports_its_waiting_tasks(client, settings):
    settings.TASKS = QUEUED
    waiting_task(minutes=1)
    worker = sante(client).json()["worker"]
    assert worker["ok"] is True
    assert worker["waiting"] == 1
    assert 55 <= worker["oldest_waiting_seconds"] <= 120


def test_a_task_waiting_past_the_limit_marks_the_worker_stalled_but_the_site_still_serves(client, settings):
    settings.TASKS = QUEUED
    waiting_task(minutes=30)
    response = sante(client)
    assert response.status_code == 200, "readers are served: the proxy must keep the site in rotation"
    assert response.json()["status"] == "degraded"
    assert response.json()["worker"]["ok"] is False


def test_an_unreachable_search_cluster_is_reported_and_the_site_still_serves(client, monkeypatch):
    class UnreachableCluster:
        name = "elasticsearch"

        def cluster_health(self):
            raise EngineError("Elasticsearch n'a pas répondu dans le délai imparti.")

    monkeypatch.setattr(health, "get_engine", UnreachableCluster)
    response = sante(client)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "degraded"
    assert data["search"] == {"ok": True, "engine": "elasticsearch", "cluster": {"ok": False, "status": "unreachable"}}


def test_a_red_cluster_is_reported_by_its_status(client, monkeypatch):
    class RedCluster:
        name = "elasticsearch"

        def cluster_health(self):
            return {"status": "red", "number_of_nodes": 1, "unassigned_shards": 1}

    monkeypatch.setattr(health, "get_engine", RedCluster)
    assert sante(client).json()["search"]["cluster"] == {"ok": False, "status": "red"}


def test_head_is_answered_and_other_methods_refused(client):
    assert client.head(reverse("health")).status_code == 200
    assert client.post(reverse("health")).status_code == 405


def test_the_proxy_polls_it_over_plain_http_without_being_redirected(client, settings, site_tree):
    settings.SECURE_SSL_REDIRECT = True
    assert sante(client).status_code == 200
    assert client.get(site_tree.home.url).status_code == 301
