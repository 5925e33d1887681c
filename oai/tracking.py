"""Keep the exposed items in step with the public search records: what harvesters see, and when it changed.

An item is exposed while its record exists and is public. Its datestamp moves only when what harvesters
receive (metadata and sets) changes, so a `kb_index rebuild` does not make them fetch everything again;
an item withdrawn, unpublished or restricted stays as a deleted record, in its sets, with a new datestamp.
"""

import hashlib
import json
import logging
from itertools import islice

from django.db import transaction
from django.utils import timezone

from search.models import SearchRecord
from search.records import PUBLIC

from . import dublincore, sets
from .models import ExposedItem, SetMembership

logger = logging.getLogger(__name__)
BATCH = 500


def now():
    """Datestamps are kept at the protocol's granularity (seconds), so that « until » and cursors compare exactly."""
    return timezone.now().replace(microsecond=0)


def exposure(data, departements):
    """(metadata, set specs, fingerprint) of a public record's data."""
    metadata = dublincore.describe(data)
    specs = sets.specs(data, departements)
    payload = json.dumps([metadata, specs], sort_keys=True, ensure_ascii=False)
    return metadata, specs, hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()


def public_records(sources=None):
    """(source, data) of the public records, of `sources` only when given, read in chunks."""
    records = SearchRecord.objects.filter(access=PUBLIC)
    if sources is not None:
        records = records.filter(source__in=sources)
    return records.order_by("pk").values_list("source", "data").iterator(chunk_size=BATCH)


def reconcile(sources=None):
    """Bring the exposed items of `sources` (all when None) in line with their records; returns
    (exposed or changed, withdrawn)."""
    sources = None if sources is None else sorted(set(sources))
    if sources == []:
        return 0, 0
    departements = sets.departement_codes()
    known = ExposedItem.objects.all() if sources is None else ExposedItem.objects.filter(source__in=sources)
    stored = {
        source: (fingerprint, deleted)
        for source, fingerprint, deleted in known.values_list("source", "fingerprint", "deleted").iterator(
            chunk_size=2000
        )
    }
    changed, seen = 0, set()
    records = public_records(sources)
    while batch := list(islice(records, BATCH)):
        exposures = {source: exposure(data, departements) for source, data in batch}
        seen.update(exposures)
        fresh = {s: e for s, e in exposures.items() if stored.get(s) != (e[2], False)}
        write(fresh)
        changed += len(fresh)
    withdrawn = sorted(s for s, (_fp, deleted) in stored.items() if not deleted and s not in seen)
    for start in range(0, len(withdrawn), BATCH):
        ExposedItem.objects.filter(source__in=withdrawn[start : start + BATCH]).update(deleted=True, datestamp=now())
    if changed or withdrawn:
        logger.info("oai: %d item(s) exposed or changed, %d withdrawn", changed, len(withdrawn))
    return changed, len(withdrawn)


def write(exposures):
    """Store new or changed exposures, their sets replaced, in one transaction dated when it runs."""
    if not exposures:
        return
    with transaction.atomic():
        stamp = now()
        existing = dict(ExposedItem.objects.filter(source__in=list(exposures)).values_list("source", "pk"))
        items = [
            ExposedItem(
                pk=existing.get(source),
                source=source,
                datestamp=stamp,
                deleted=False,
                fingerprint=fp,
                metadata=metadata,
            )
            for source, (metadata, _specs, fp) in exposures.items()
        ]
        ExposedItem.objects.bulk_update([i for i in items if i.pk], ["datestamp", "deleted", "fingerprint", "metadata"])
        ExposedItem.objects.bulk_create([i for i in items if not i.pk])
        ids = dict(ExposedItem.objects.filter(source__in=list(exposures)).values_list("source", "pk"))
        SetMembership.objects.filter(item_id__in=ids.values()).delete()
        SetMembership.objects.bulk_create(
            [
                SetMembership(item_id=ids[source], spec=spec)
                for source, (_m, specs, _f) in exposures.items()
                for spec in specs
            ]
        )


def follow_records(sender, sources, **kwargs):
    """Receiver of search.events.records_changed."""
    reconcile(sources)
