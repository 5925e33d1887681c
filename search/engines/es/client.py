"""The connection to Elasticsearch: client settings, errors made into EngineError, and the cluster's health.

A search must fall back to the database within KB_SEARCH_TIMEOUT, so the client never
retries a search and every call gets what is left of the request's time. After a failure the
engine stops calling the cluster for RETRY_AFTER seconds: while it is down, searches go
straight to the database instead of each waiting for a timeout.
"""

import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.helpers import BulkIndexError, ScanError

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from ..base import EngineError

logger = logging.getLogger(__name__)

RETRY_AFTER = 30.0
# A failure is written for every process to see (the admin banner) at most this often per process.
STATUS_WRITE_INTERVAL = 10.0
# Bulk writes and rebuilds are not on a reader's clock: they may wait and retry.
WRITE_TIMEOUT = 60.0


@dataclass(frozen=True)
class ClientConfig:
    """Where the cluster is and how to reach it (KB_ELASTICSEARCH_* settings)."""

    url: str
    index: str = "kb-records"
    username: str = ""
    password: str = ""
    api_key: str = ""
    ca_certs: str = ""
    verify_certs: bool = True
    timeout: float = 2.0
    shards: int = 1
    replicas: int = 0

    @classmethod
    def from_settings(cls):
        return cls(
            url=settings.KB_ELASTICSEARCH_URL,
            index=settings.KB_ELASTICSEARCH_INDEX,
            username=settings.KB_ELASTICSEARCH_USERNAME,
            password=settings.KB_ELASTICSEARCH_PASSWORD,
            api_key=settings.KB_ELASTICSEARCH_API_KEY,
            ca_certs=settings.KB_ELASTICSEARCH_CA_CERTS,
            verify_certs=settings.KB_ELASTICSEARCH_VERIFY_CERTS,
            timeout=settings.KB_SEARCH_TIMEOUT,
            shards=settings.KB_ELASTICSEARCH_SHARDS,
            replicas=settings.KB_ELASTICSEARCH_REPLICAS,
        )

    def client(self):
        """The client for searches: no retry, the search timeout. Writers use `.options()` to wait longer."""
        options = {"request_timeout": self.timeout, "max_retries": 0, "retry_on_timeout": False}
        if self.api_key:
            options["api_key"] = self.api_key
        elif self.username:
            options["basic_auth"] = (self.username, self.password)
        if self.ca_certs:
            options["ca_certs"] = self.ca_certs
        if not self.verify_certs:
            options["verify_certs"] = False
            options["ssl_show_warn"] = False
        return Elasticsearch(self.url, **options)


class Deadline:
    """The time a search has left: each call to the cluster gets what remains of the timeout."""

    def __init__(self, seconds, clock=time.monotonic):
        self.clock = clock
        self.ends = clock() + seconds

    def remaining(self):
        left = self.ends - self.clock()
        if left <= 0:
            raise EngineError("Elasticsearch n'a pas répondu dans le délai imparti.")
        return left


class Health:
    """What this process knows of the cluster; failures and recoveries are written for every process."""

    def __init__(self, engine_name, retry_after=RETRY_AFTER, clock=time.monotonic):
        self.engine_name = engine_name
        self.retry_after = retry_after
        self.clock = clock
        self.down_since = None
        self.last_written = None
        self.recovered = False
        self.lock = threading.Lock()

    def check(self):
        """Refuse at once while the cluster failed less than `retry_after` seconds ago."""
        down_since = self.down_since
        if down_since is not None and self.clock() - down_since < self.retry_after:
            raise EngineError("Elasticsearch a échoué il y a peu : appel suspendu.")

    def failed(self, error):
        now = self.clock()
        with self.lock:
            self.down_since = now
            due = self.last_written is None or now - self.last_written >= STATUS_WRITE_INTERVAL
            if due:
                self.last_written = now
        if due:
            self._write(failed_at=timezone.now(), error=str(error)[:2000])

    def answered(self):
        with self.lock:
            recovered, self.down_since, self.last_written = self.down_since is not None, None, None
            self.recovered = self.recovered or recovered
        if recovered:
            logger.warning("elasticsearch answers again")
            self._write(answered_at=timezone.now())

    def take_recovery(self):
        """True once after the cluster answered again: time to replay what was queued meanwhile."""
        with self.lock:
            recovered, self.recovered = self.recovered, False
        return recovered

    def _write(self, **fields):
        from ...models import EngineStatus

        try:
            EngineStatus.objects.update_or_create(engine=self.engine_name, defaults=fields)
        except DatabaseError:
            logger.exception("could not record the state of %s", self.engine_name)


@contextmanager
def calling(health, what):
    """Run one call to the cluster: its failures become EngineError and mark the cluster down."""
    health.check()
    try:
        yield
    except (ApiError, TransportError, BulkIndexError, ScanError) as error:
        logger.warning("elasticsearch %s failed: %s", what, error)
        health.failed(error)
        raise EngineError(f"Elasticsearch ({what}) : {error}") from error
    health.answered()
