"""gunicorn's settings in production, each read from the environment (README, « Production »).

Threaded workers: an idle or slow connection waits in the worker's poller or holds one thread, never a
whole process, so a few half-open connections cannot stop the site (sync workers froze for 60 s on three).
"""

import os


def _int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# gunicorn's own name for the number of processes; with 2 cores, 2 processes of 4 threads each.
workers = _int("WEB_CONCURRENCY", 2)
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
# Idle connections a worker keeps open besides those its threads serve.
worker_connections = _int("GUNICORN_WORKER_CONNECTIONS", 1000)

# A request running longer than this gets its worker restarted. PDF extraction runs in the task worker,
# bounded by KB_EXTRACTION_TIMEOUT_SECONDS (25 s), and a search server by KB_SEARCH_TIMEOUT (2 s): both below.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Under the proxy's own keep-alive to the application (nginx: keepalive_timeout of its upstream, 60 s).
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# A worker is replaced after this many requests, give or take the jitter (so they do not all restart at
# once): whatever a long-lived process slowly accumulates is given back. Not too often: under load a worker
# recycled every few seconds drops connections while its successor starts (measured with `make load`).
max_requests = _int("GUNICORN_MAX_REQUESTS", 50_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 5_000)

# Whose X-Forwarded-* headers are believed: the proxy's address (Django reads X-Forwarded-Proto itself,
# SECURE_PROXY_SSL_HEADER, and the client's address through KB_TRUSTED_PROXIES).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The longest request line gunicorn takes (its maximum): a query past the API's 500 characters still
# reaches the application, which answers in JSON with the limit, rather than gunicorn's own 400.
limit_request_line = 8190

# The proxy logs each request already; turn this on (GUNICORN_ACCESS_LOG=1) where there is no proxy.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "") in ("1", "true", "yes") else None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The workers' heartbeat files in memory: on a container's overlay disk a slow write can look like a hung worker.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108


def post_worker_init(worker):
    """A new worker maps the search columns in a thread of its own, so that its first reader does not wait."""
    from search.engines.columns import warm_up

    warm_up()
