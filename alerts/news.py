"""What a saved search has new for its reader, found by the archive search run as that reader.

An item is news when it entered the archive after the search's alerts started, its record was written since
the previous check, the search finds it for that reader (search.access.Viewer: their groups, DU cohorts
ended or not) and no digest announced it yet for that search.
"""

import datetime
import logging
from dataclasses import replace
from functools import reduce
from operator import or_

from django.db.models import Q

from search import registry, service
from search.engines import get_database_engine
from search.models import SearchRecord
from search.query import MAX_RESULT_WINDOW
from search.records import source_key

from .models import Frequency, SavedSearch

logger = logging.getLogger(__name__)

PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}
# A cron line that runs at 07:00 may start a few minutes early or late: a search checked less than a full
# period ago is due all the same once the period, less this margin, has passed.
MARGIN = datetime.timedelta(hours=3)
# Records are stamped when written, before their transaction commits: one committed while the previous check
# was reading is looked for again (what was announced is not announced twice).
OVERLAP = datetime.timedelta(hours=1)


def due(now, frequency=None):
    """The saved searches whose alerts are due at `now`, of one frequency or both, grouped by reader."""
    condition = Q()
    for each, period in PERIODS.items():
        if frequency in (None, each):
            checked_before = now - (period - MARGIN)
            condition |= Q(frequency=each) & (
                Q(checked_at__lte=checked_before) | Q(checked_at=None, alerts_since__lte=checked_before)
            )
    return SavedSearch.objects.filter(condition).select_related("user").order_by("user_id", "name", "pk")


def news(saved_search, viewer):
    """The sources new to this saved search for this viewer, newest first; None when the search no longer reads
    (a pole or a theme deleted since it was saved: searching without that filter would announce everything)."""
    search_request, problems = saved_search.search_request()
    if problems:
        logger.warning("saved search %s not checked: %s", saved_search.pk, "; ".join(p.problem for p in problems))
        return None
    since = (saved_search.checked_at or saved_search.alerts_since) - OVERLAP
    written = SearchRecord.objects.filter(indexed_at__gte=since).values_list("source", "kind", "date")
    fresh = entered_since(saved_search) - set(saved_search.sent_items.values_list("source", flat=True))
    candidates = {source: (kind, date) for source, kind, date in written if source in fresh}
    return found_for(search_request, viewer, candidates) if candidates else []


def entered_since(saved_search):
    """The sources of the items that entered the archive after the saved search's alerts started.

    An item entered when it got an id above the archive's highest then, or, for a page, when it was first
    published (a draft begun before and published after). Rebuilding the records or editing an old item
    rewrites its record but does not make it news.
    """
    sources = set()
    for prefix, model in registry.searchable_models().items():
        conditions = []
        if prefix in saved_search.watermarks:
            conditions.append(Q(pk__gt=saved_search.watermarks[prefix]))
        if any(field.name == "first_published_at" for field in model._meta.get_fields()):
            conditions.append(Q(first_published_at__gte=saved_search.alerts_since))
        if not conditions:
            continue
        pks = model.objects.filter(reduce(or_, conditions)).values_list("pk", flat=True)
        sources.update(source_key(prefix, pk) for pk in pks)
    return sources


def found_for(search_request, viewer, candidates):
    """The `candidates` ({source: (kind, date)}) that the search finds for `viewer`, newest first.

    The search is narrowed to the candidates' kinds and years, filters every candidate passes, so that it
    reads a few hits rather than the whole archive. It runs on the database engine, which is written in the
    records' own transaction: a search server may not have received an item yet, and it would be missed for good.
    """
    search_request = replace(search_request, filters=dict(search_request.filters), sort="newest", page=1)
    narrowing = {"kind": {kind for kind, _date in candidates.values()}}
    if all(date for _kind, date in candidates.values()):
        narrowing["year"] = {str(date.year) for _kind, date in candidates.values()}
    for facet, values in narrowing.items():
        search_request.filters[facet] = sorted(set(search_request.filters.get(facet) or values) & values)
        if not search_request.filters[facet]:
            return []
    sources, _total = service.ranked_sources(
        search_request, viewer, limit=MAX_RESULT_WINDOW, engine=get_database_engine()
    )
    return [source for source in sources if source in candidates]
