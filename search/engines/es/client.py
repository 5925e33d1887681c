"""The connection to the cluster: client settings, errors made into EngineError, and the cluster's health.

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

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from ..base import EngineError
from .flavours import FLAVOURS

logger = logging.getLogger(__name__)

RETRY_AFTER = 30.0
# A failure is written for every process to see (the admin banner) at most this often per process.
STATUS_WRITE_INTERVAL = 10.0
# Bulk writes and rebuilds are not on a reader's clock: they may wait and retry.
WRITE_TIMEOUT = 60.0


@dataclass(frozen=True)
class ClientConfig:
    """Where the cluster is, which server it runs and how to reach it (KB_ELASTICSEARCH_*, KB_SEARCH_FLAVOUR)."""

    url: str
    flavour: str = "elasticsearch"
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
            flavour=settings.KB_SEARCH_FLAVOUR,
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

    @property
    def hosts(self):
        """The nodes KB_ELASTICSEARCH_URL names, comma-separated: the client spreads calls over them."""
        return [url.strip() for url in self.url.split(",") if url.strip()]

    @property
    def retries(self):
        """A refused connection is tried once on each other node, at no cost of time; a timeout never is.

        With one node, no retry: the search falls back to the database within its timeout instead.
        """
        return max(len(self.hosts) - 1, 0)

    def client(self):
        """The flavour's client for searches: the search timeout, no retry but on another node."""
        return FLAVOURS[self.flavour].client(self, self.timeout)

    def writer(self, client):
        """The client for writes and rebuilds: the same, waiting up to WRITE_TIMEOUT."""
        return FLAVOURS[self.flavour].writer(client, self, WRITE_TIMEOUT)


class Deadline:
    """The time a search has left: each call to the cluster gets what remains of the timeout."""

    def __init__(self, seconds, clock=time.monotonic, label="Elasticsearch"):
        self.clock = clock
        self.ends = clock() + seconds
        self.label = label

    def remaining(self):
        left = self.ends - self.clock()
        if left <= 0:
            raise EngineError(f"{self.label} n'a pas répondu dans le délai imparti.")
        return left


class Health:
    """What this process knows of the cluster; failures and recoveries are written for every process."""

    def __init__(self, engine_name, retry_after=RETRY_AFTER, clock=time.monotonic, label="Elasticsearch"):
        self.engine_name = engine_name
        self.label = label
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
            raise EngineError(f"{self.label} a échoué il y a peu : appel suspendu.")

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
            logger.warning("%s answers again", self.label)
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
def calling(health, what, errors, judges_health=True):
    """Run one call to the cluster: its failures (`errors`: the flavour's) become EngineError and mark it down.

    A call that does not `judges_health` (on an index not yet in service) fails alone: searches go on.
    """
    if judges_health:
        health.check()
    try:
        yield
    except errors as error:
        logger.warning("%s %s failed: %s", health.label, what, error)
        if judges_health:
            health.failed(error)
        raise EngineError(f"{health.label} ({what}) : {error}") from error
    if judges_health:
        health.answered()
