"""Rebuild, check and repair the records from the source of truth."""

import logging
import time
from dataclasses import dataclass, field

from . import registry
from .engines import get_engine

logger = logging.getLogger(__name__)


@dataclass
class IndexReport:
    expected: int = 0
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    orphans: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def problems(self):
        return len(self.missing) + len(self.stale) + len(self.orphans)


def all_records():
    for model in registry.searchable_models().values():
        yield from model.search_records()


def rebuild(batch_size=1000, log=None):
    """Index every record anew; returns (count, seconds)."""
    started = time.perf_counter()
    engine = get_engine()
    engine.clear()
    batch, count = [], 0
    for record in all_records():
        batch.append(record)
        if len(batch) >= batch_size:
            engine.index(batch)
            count += len(batch)
            batch = []
            if log:
                log(f"… {count} fiches indexées")
    engine.index(batch)
    count += len(batch)
    seconds = time.perf_counter() - started
    logger.info("search rebuild: %d records in %.1f s", count, seconds)
    return count, seconds


def check():
    """Compare the engine's records with what the sources say now."""
    started = time.perf_counter()
    stored = get_engine().fingerprints()
    report = IndexReport()
    seen = set()
    for record in all_records():
        seen.add(record.source)
        report.expected += 1
        fingerprint = stored.get(record.source)
        if fingerprint is None:
            report.missing.append(record.source)
        elif fingerprint != record.fingerprint():
            report.stale.append(record.source)
    report.orphans = sorted(set(stored) - seen)
    report.seconds = time.perf_counter() - started
    return report


def repair(report=None):
    """Index the missing and stale records, remove the orphans; returns the report it acted on."""
    from .sync import apply

    report = report or check()
    apply({*report.missing, *report.stale, *report.orphans})
    return report
