"""Keep records in step with their sources, after the transaction commits.

Changes are collected per transaction and applied once on commit, so a page saved
three times in one request is indexed once, with its tags and inline rows written.
"""

import logging
import threading

from django.db import transaction

from . import registry
from .engines import get_engine

logger = logging.getLogger(__name__)
_pending = threading.local()


def schedule(*sources):
    """Re-index (or remove) these sources once the current transaction commits."""
    sources = {s for s in sources if s}
    if not sources:
        return
    if getattr(_pending, "sources", None) is None:
        _pending.sources = set()
    _pending.sources.update(sources)
    # Every call registers a flush: the first to run takes the whole batch, the others
    # find it empty. Sources of a rolled-back transaction wait for the next flush, which
    # re-reads them from the database, so nothing wrong is ever indexed.
    transaction.on_commit(_flush)


def _flush():
    sources, _pending.sources = getattr(_pending, "sources", None) or set(), set()
    if sources:
        apply(sources)


def load_record(source):
    """The current record of a source, or None when it must not be found."""
    model, pk = registry.model_for(source)
    if model is None or not pk.isdigit():
        return None
    instance = model.objects.filter(pk=int(pk)).first()
    if instance is None:
        return None
    return instance.specific.search_record() if hasattr(instance, "specific") else instance.search_record()


def apply(sources):
    """Bring the engine in line with the sources now; returns (indexed, removed)."""
    records, gone = [], []
    for source in sorted(sources):
        record = load_record(source)
        if record is None:
            gone.append(source)
        else:
            records.append(record)
    engine = get_engine()
    engine.index(records)
    engine.remove(gone)
    logger.info("search sync: %d indexed, %d removed", len(records), len(gone))
    return len(records), len(gone)
