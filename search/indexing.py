"""Rebuild, check and repair the records from the source of truth, on every engine that holds them.

That is the database engine, and the search server when one is configured: the database
engine stays complete whichever engine serves, since it answers whenever the server cannot.
"""

import logging
import time
from dataclasses import dataclass, field
from itertools import islice

from django.utils import timezone

from . import registry
from .engines import get_database_engine, get_engine, integrity
from .engines.base import EngineError
from .events import announce
from .models import EngineStatus, PendingChange

logger = logging.getLogger(__name__)


@dataclass
class IndexReport:
    expected: int = 0
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    orphans: list = field(default_factory=list)
    seconds: float = 0.0
    # Changes a search server has not received yet, and the engines that could not be read.
    backlog: int = 0
    unreachable: list = field(default_factory=list)
    # The database engine's full-text, postings and facet tables against its records (integrity.TableReport).
    tables: list = field(default_factory=list)

    @property
    def problems(self):
        listed = len(self.missing) + len(self.stale) + len(self.orphans) + self.backlog + len(self.unreachable)
        return listed + sum(table.problems for table in self.tables)


class RebuildError(Exception):
    """A search server could not be rebuilt; the database engine was, and the server keeps its previous index."""


def engines():
    """The engines that hold records: the database engine, then the serving engine when it is another."""
    database, engine = get_database_engine(), get_engine()
    return [database] if engine is database else [database, engine]


def all_records():
    for model in registry.searchable_models().values():
        yield from model.search_records()


def batches(records, size):
    records = iter(records)
    while batch := list(islice(records, size)):
        yield batch


def rebuild(batch_size=1000, log=None):
    """Index every record anew on every engine; returns (count, seconds).

    A search server is rebuilt into a new index swapped in at the end; what changes meanwhile
    is queued and replayed into it. If it fails, the database engine is still rebuilt, then
    RebuildError says so.
    """
    started = time.perf_counter()
    database, *servers = engines()
    builders = {database: database.begin_rebuild()}
    failures = []
    for server in servers:
        EngineStatus.objects.update_or_create(engine=server.name, defaults={"rebuilding_since": timezone.now()})
        try:
            builders[server] = server.begin_rebuild()
        except EngineError as error:
            failures.append((server, error))
    count = 0
    for batch in batches(all_records(), batch_size):
        for engine, builder in list(builders.items()):
            try:
                builder.index(batch)
            except EngineError as error:
                failures.append((engine, error))
                builders.pop(engine).abort()
        count += len(batch)
        if log:
            log(f"… {count} fiches indexées")
    for engine, builder in builders.items():
        try:
            builder.finish()
        except EngineError as error:
            failures.append((engine, error))
            builder.abort()
    for server in servers:
        _rebuilt(server)
    # The database engine is rebuilt even when a server failed: what mirrors the records follows it.
    announce(None)
    seconds = time.perf_counter() - started
    logger.info("search rebuild: %d records in %.1f s", count, seconds)
    if failures:
        raise RebuildError("; ".join(f"{engine.name} : {error}" for engine, error in failures))
    return count, seconds


def _rebuilt(server):
    """The rebuild is over: changes go straight to the server again, after those queued meanwhile."""
    from .sync import replay

    EngineStatus.objects.filter(engine=server.name).update(rebuilding_since=None)
    replay(server)


def check():
    """Compare each engine's records with what the sources say now."""
    started = time.perf_counter()
    report = IndexReport()
    stored = []
    targets = engines()
    for engine in targets:
        try:
            stored.append(engine.fingerprints())
        except EngineError as error:
            report.unreachable.append(f"{getattr(engine, 'label', engine.name)} : {error}")
    missing, stale, seen = {}, {}, set()
    for record in all_records():
        seen.add(record.source)
        report.expected += 1
        fingerprint = record.fingerprint()
        for fingerprints in stored:
            found = fingerprints.get(record.source)
            if found is None:
                missing[record.source] = True
            elif found != fingerprint:
                stale[record.source] = True
    report.missing = list(missing)
    report.stale = [source for source in stale if source not in missing]
    report.orphans = sorted({source for fingerprints in stored for source in fingerprints} - seen)
    report.backlog = PendingChange.objects.count() if len(targets) > 1 else 0
    report.tables = integrity.verify()
    report.seconds = time.perf_counter() - started
    return report


def repair(report=None):
    """Replay what a search server missed, then index the missing and stale records and remove the orphans.

    Returns the report it acted on.
    """
    from .sync import apply, replay, replay_unsynced

    replay_unsynced(grace_seconds=0)
    for server in engines()[1:]:
        replay(server)
        try:
            server.put_synonyms()
        except EngineError as error:
            logger.warning("search repair: synonyms not sent to %s: %s", server.name, error)
    report = report or check()
    integrity.drop_extra(report.tables)
    apply({*report.missing, *report.stale, *report.orphans, *integrity.sources_to_reindex(report.tables)})
    announce(None)
    report.backlog = PendingChange.objects.count() if len(engines()) > 1 else 0
    return report
