"""Keep records in step with their sources, after the transaction commits.

Changes are collected per transaction and applied once on commit, so a page saved
three times in one request is indexed once, with its tags and inline rows written.

The database engine always receives them: it is the engine, or the fallback of a search
server. A search server that cannot take them (unreachable, slow, refusing) gets them later:
they wait in PendingChange and are replayed in order, before any newer change, once it answers.

A process can die between the commit and the sync (a web worker killed at its timeout): each transaction
also writes its sources to UnsyncedChange, which the sync deletes; the worker replays what is left.
"""

import logging
import threading
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import registry
from .engines import get_database_engine, get_engine
from .engines.base import EngineError
from .events import announce
from .models import EngineStatus, PendingChange, SearchRecord, UnsyncedChange
from .records import source_key

logger = logging.getLogger(__name__)
_pending = threading.local()
REPLAY_BATCH = 500
# A commit replays at most this much of a backlog; `kb_index repair` replays all of it.
REPLAY_ON_COMMIT = 4 * REPLAY_BATCH
# A sync runs right after its commit: an outbox row older than this was left by a process that died.
UNSYNCED_GRACE_SECONDS = 60


def schedule(*sources):
    """Re-index (or remove) these sources once the current transaction commits."""
    sources = {s for s in sources if s}
    if not sources:
        return
    if getattr(_pending, "sources", None) is None:
        _pending.sources, _pending.outbox = set(), []
    _pending.sources.update(sources)
    # In the transaction: the commit that makes the change also keeps the promise to index it.
    written = UnsyncedChange.objects.bulk_create([UnsyncedChange(source=source) for source in sources])
    _pending.outbox.extend(change.pk for change in written)
    # Every call registers a flush: the first to run takes the whole batch, the others
    # find it empty. Sources of a rolled-back transaction wait for the next flush, which
    # re-reads them from the database, so nothing wrong is ever indexed.
    transaction.on_commit(_flush)


def _flush():
    sources, _pending.sources = getattr(_pending, "sources", None) or set(), set()
    outbox, _pending.outbox = getattr(_pending, "outbox", None) or [], []
    if sources:
        apply(sources)
    # Only once applied: a sync that failed leaves its rows for the worker to replay.
    for start in range(0, len(outbox), REPLAY_BATCH):
        UnsyncedChange.objects.filter(pk__in=outbox[start : start + REPLAY_BATCH]).delete()


def replay_unsynced(grace_seconds=UNSYNCED_GRACE_SECONDS):
    """Apply the changes that a dead process committed but never synced; returns how many sources.

    Rows younger than the grace belong to syncs under way; applying a source twice does no harm.
    """
    left = UnsyncedChange.objects.filter(created_at__lt=timezone.now() - timedelta(seconds=grace_seconds))
    rows = list(left.values_list("pk", "source"))
    if not rows:
        return 0
    sources = {source for _pk, source in rows}
    apply(sources)
    left.filter(pk__lte=max(pk for pk, _source in rows)).delete()
    logger.warning("search sync: %d change(s) left unsynced by a stopped process replayed", len(sources))
    return len(sources)


def load(source):
    """The item behind a source as it stands now (a page as its specific type), or None."""
    model, pk = registry.model_for(source)
    if model is None or not pk.isdigit():
        return None
    instance = model.objects.filter(pk=int(pk)).first()
    if instance is None:
        return None
    return instance.specific if hasattr(instance, "specific") else instance


def read(sources, related=None):
    """(records to index, sources to remove) as the sources stand now; `related` collects the sources they name."""
    records, gone = [], []
    for source in sources:
        instance = load(source)
        record = instance.search_record() if instance is not None else None
        if related is not None and instance is not None:
            related.update(instance.search_related_sources())
        if record is None:
            gone.append(source)
        else:
            records.append(record)
    return records, gone


def attached_documents(source, document_ids):
    """The documents a record carries the text of, as sources; a document's own text does not count."""
    return {source_key("document", pk) for pk in document_ids} - {source}


def indexed_attachments(sources):
    """The documents whose text the records of these sources carried, as the database engine holds them."""
    named = set()
    for start in range(0, len(sources), REPLAY_BATCH):
        stored = SearchRecord.objects.filter(source__in=sources[start : start + REPLAY_BATCH])
        for source, attachments in stored.values_list("source", "data__attachments"):
            named |= attached_documents(source, (attachment["document_id"] for attachment in attachments or []))
    return named


def apply(sources):
    """Bring the engines in line with the sources now; returns (indexed, removed).

    A document attached to a page is found through the page or by itself depending on the page:
    the documents a page attached before (its indexed record), attaches now (its new record) or
    names otherwise (search_related_sources) are re-read with it.
    """
    sources = sorted(set(sources))
    followers = indexed_attachments(sources)
    records, gone = read(sources, related=followers)
    for record in records:
        followers |= attached_documents(record.source, (attachment.document_id for attachment in record.attachments))
    followers -= set(sources)
    if followers:
        more_records, more_gone = read(sorted(followers))
        records, gone = records + more_records, gone + more_gone
        sources = sorted({*sources, *followers})
    database = get_database_engine()
    database.index(records)
    database.remove(gone)
    announce(sources)
    engine = get_engine()
    if engine is not database:
        deliver(engine, sources, records, gone)
    logger.info("search sync: %d indexed, %d removed", len(records), len(gone))
    return len(records), len(gone)


def rebuilding(engine):
    return EngineStatus.objects.filter(engine=engine.name, rebuilding_since__isnull=False).exists()


def deliver(engine, sources, records, gone):
    """Send changes to a search server, or queue them when it cannot take them now.

    During a rebuild they go to the index in service and are queued too: the new index
    replays them once it is in place. Behind a backlog they wait their turn.
    """
    during_rebuild = rebuilding(engine)
    if during_rebuild or PendingChange.objects.exists():
        queue(sources)
        if not during_rebuild:
            replay(engine, limit=REPLAY_ON_COMMIT)
            return
    try:
        engine.index(records)
        engine.remove(gone)
    except EngineError as error:
        logger.warning("search sync: %s unavailable, %d change(s) queued: %s", engine.name, len(sources), error)
        if not during_rebuild:
            queue(sources)


def queue(sources):
    PendingChange.objects.bulk_create([PendingChange(source=source) for source in sources])


def replay(engine, limit=None):
    """Send the queued changes in the order they were made; stop at the first failure. Returns how many went."""
    if rebuilding(engine):
        return 0
    try:
        # Reading a batch of records costs seconds: not while the server is known to be down.
        engine.ready()
    except EngineError as error:
        logger.warning("search sync: %s unavailable, %d change(s) still queued: %s", engine.name, backlog(), error)
        return 0
    done = 0
    while limit is None or done < limit:
        batch = list(PendingChange.objects.order_by("pk")[:REPLAY_BATCH])
        if not batch:
            break
        # Each source is read as it stands now, so sending it once per batch is enough.
        records, gone = read(dict.fromkeys(change.source for change in batch))
        try:
            engine.index(records)
            engine.remove(gone)
        except EngineError as error:
            logger.warning(
                "search sync: replay to %s stopped, %d change(s) still queued: %s", engine.name, backlog(), error
            )
            break
        PendingChange.objects.filter(pk__in=[change.pk for change in batch]).delete()
        done += len(batch)
    if done:
        logger.info("search sync: %d queued change(s) replayed to %s", done, engine.name)
    return done


def backlog():
    return PendingChange.objects.count()
