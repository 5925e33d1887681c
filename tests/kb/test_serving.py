"""Production serving (gunicorn.conf.py): threaded workers that idle connections cannot block."""

import os
import runpy
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gunicorn.config import Config

from django.conf import settings

CONF = Path(settings.BASE_DIR) / "gunicorn.conf.py"


def gunicorn_config(environ):
    """gunicorn's own reading of the file, with its checks of each value, under `environ`."""
    saved = os.environ.copy()
    os.environ.update(environ)
    try:
        values = runpy.run_path(str(CONF))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    config = Config()
    for name, value in values.items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_the_workers_are_threaded_and_their_access_log_is_off_by_default():
    config = gunicorn_config({})
    assert config.worker_class_str == "gthread"
    assert (config.workers, config.threads, config.timeout) == (2, 4, 30)
    assert config.accesslog is None
    assert config.max_requests > 0 and config.max_requests_jitter > 0


def test_a_new_worker_loads_the_search_columns_before_its_first_reader(monkeypatch):
    calls = []
    monkeypatch.setattr("search.engines.columns.warm_up", lambda: calls.append("warm_up"))
    gunicorn_config({}).post_worker_init(worker=None)
    assert calls == ["warm_up"]


def test_each_setting_is_read_from_the_environment():
    config = gunicorn_config(
        {
            "WEB_CONCURRENCY": "5",
            "GUNICORN_THREADS": "8",
            "GUNICORN_TIMEOUT": "20",
            "GUNICORN_KEEPALIVE": "2",
            "GUNICORN_ACCESS_LOG": "1",
            "FORWARDED_ALLOW_IPS": "10.0.0.2",
        }
    )
    assert (config.workers, config.threads, config.timeout, config.keepalive) == (5, 8, 20, 2)
    assert config.accesslog == "-"
    assert config.forwarded_allow_ips == ["10.0.0.2"]


def test_the_search_and_extraction_bounds_stay_under_the_request_timeout():
    timeout = gunicorn_config({}).timeout
    assert timeout > settings.KB_SEARCH_TIMEOUT
    assert timeout > settings.KB_EXTRACTION_TIMEOUT_SECONDS


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answer(port, path="/sante/", timeout=15):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        return connection.recv(64)


@pytest.fixture
def server(tmp_path):
    """gunicorn with the project's configuration: one worker of two threads, on a throwaway database."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kb.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serving.sqlite3'}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "gunicorn", "kb.wsgi:application", "--config", str(CONF)]
    process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                answer(port)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("gunicorn did not start")
                time.sleep(0.5)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_idle_half_open_connections_do_not_keep_a_reader_waiting(server):
    # More idle connections than the worker has threads: a sync worker would serve none of the requests after.
    idle = [socket.create_connection(("127.0.0.1", server)) for _ in range(5)]
    try:
        for _ in range(3):
            assert answer(server).startswith(b"HTTP/1.1 "), "the request was answered"
    finally:
        for connection in idle:
            connection.close()
