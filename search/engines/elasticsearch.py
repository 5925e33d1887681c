"""The cluster engine: the database engine's records, requests and answers, on Elasticsearch or OpenSearch.

KB_SEARCH_FLAVOUR says which server runs the cluster; each is spoken to through its own
official client, and everything that differs between them lives in es.flavours. The index
definition, queries and documents below are the same JSON for both.

Same behaviour by construction. A query reaches every engine already analysed (ParsedQuery:
French tokens, phrases, exclusions, synonyms expanded from the documentalists' list), and
the engine matches those tokens on fields that hold the record's own tokens, computed by
search.analysis exactly as for the database engine. Letting Elasticsearch analyse the text
itself is not enough: its stop filter leaves a hole where "et" or "de" stood, so the phrase
"économie sociale et solidaire" (tokens econom social solidair) would never match a text
the database engine finds. The French analyzer, declared with the same chain, still analyses
the text people read, for highlighting and for queries written for Elasticsearch directly.

Synonyms. The service expands them at query time, from the Synonym table, on both engines:
an edit applies to the next search without re-indexing. The same list is also kept in the
index for the `kb_french_synonyms` search analyzer, and follows the documentalists' edits, on
rebuild and on repair: Elasticsearch reloads it from a synonyms set on the live index;
OpenSearch holds it inline, so the engine copies the records of the version in service into
a new version with the new rules and swaps the alias onto it (es.flavours says why).

Permissions. Every search, count of facets, suggestion and autocomplete filters on the
access keys the viewer may open (search.access.Viewer.allowed), in its query.

Faults. Every call gets what is left of KB_SEARCH_TIMEOUT and fails as EngineError; after a
failure, calls are suspended for a while (es.client.Health). The page and the API then
answer from the database engine (search.views), which sync keeps up to date whatever
happens; record changes wait in PendingChange (search.sync) and are replayed in order once
the cluster answers again.

Elasticsearch 9: the 8.x client talks to it in compatibility mode when the environment sets
ELASTIC_CLIENT_APIVERSIONING=1 (the client then sends `compatible-with=8` headers).
"""

import logging
import time

from elasticsearch.dsl.response import Response

from django.db import DatabaseError
from django.utils import timezone

from ..analysis import words
from ..models import EngineStatus, Synonym
from ..query import FACETS
from .base import EngineError
from .es.client import RETRY_AFTER, ClientConfig, Deadline, Health, calling
from .es.flavours import FLAVOURS, confirm
from .es.lifecycle import (
    IndexVersions,
    Rebuild,
    bulk_write,
    delete_actions,
    index_actions,
    indexed_records,
    stored_fingerprints,
)
from .es.queries import (
    ElasticsearchResult,
    access_keys,
    access_keys_search,
    autocomplete_rows,
    autocomplete_search,
    count_search,
    records_search,
    result,
)

logger = logging.getLogger(__name__)

# New access keys written by another process reach this one's searches within this delay;
# meanwhile the items under them stay hidden, never shown.
ACCESS_KEYS_TTL = 10.0
# The admin reads the cluster's health on every page: once in a while is enough.
HEALTH_TTL = 15.0
REPLAY_ON_RECOVERY = 500
# Writes to the version in service return once searchable (the next refresh, within 1 s): a page
# just published is found by the next search, and `kb_index check` reads what was written.
LIVE_WRITE = {"require_alias": True, "refresh": "wait_for"}


def synonym_rules():
    """(id, expressions) of every synonym the documentalists keep, for the synonyms set."""
    rules = [(synonym.pk, synonym.expression_list()) for synonym in Synonym.objects.order_by("pk")]
    return [(pk, expressions) for pk, expressions in rules if len(expressions) > 1]


class ElasticsearchEngine:
    """The archive search on an Elasticsearch or OpenSearch cluster, behind the alias KB_ELASTICSEARCH_INDEX.

    Its name stays "elasticsearch" on both: the cluster engine's key in EngineStatus and the API.
    """

    name = "elasticsearch"

    def __init__(self, config=None, retry_after=RETRY_AFTER, flavour=None):
        self.config = config or ClientConfig.from_settings()
        # `flavour`: one the configuration cannot name (es.flavours.ElasticsearchServerAnalysisFlavour).
        self.flavour = flavour or FLAVOURS[self.config.flavour]
        self.alias = self.config.index
        self.client = self.config.client()
        self.writer = self.config.writer(self.client)
        self.versions = IndexVersions(
            self.writer, self.flavour, self.alias, f"{self.alias}-synonyms", self.config.shards, self.config.replicas
        )
        self.health = Health(self.name, retry_after, label=self.flavour.label)
        self._access_keys = None
        self._health = None
        self._ensured = False

    def _calling(self, what):
        return calling(self.health, what, self.flavour.errors)

    @property
    def label(self):
        """The server's product name, for messages: « Elasticsearch » or « OpenSearch »."""
        return self.flavour.label

    def cluster_health(self):
        """The records index's health, read at most every HEALTH_TTL seconds: status, nodes, unassigned copies.

        Yellow means a replica has no node (one lost, service complete); red, a shard has no copy at all.
        """
        cached = self._health
        if cached and time.monotonic() - cached[1] < HEALTH_TTL:
            return cached[0]
        with self._calling("health"):
            answer = self.flavour.health(self.client, self.alias, self.config.timeout)
        health = {key: answer.get(key) for key in ("status", "number_of_nodes", "unassigned_shards")}
        self._health = (health, time.monotonic())
        return health

    def ready(self):
        """Raise EngineError at once while the cluster failed a moment ago, before any costly preparation."""
        self.health.check()

    # Writing

    def index(self, records):
        if not records:
            return
        with self._calling("index"):
            self._ensure()
            bulk_write(self.writer, self.flavour, index_actions(self.alias, records), **LIVE_WRITE)
        self.forget_access_keys()

    def remove(self, sources):
        if not sources:
            return
        with self._calling("remove"):
            self._ensure()
            bulk_write(self.writer, self.flavour, delete_actions(self.alias, sources), **LIVE_WRITE)

    def clear(self):
        with self._calling("clear"):
            self._ensure()
            # delete_by_query deletes what its snapshot sees: make every write part of it first.
            self.writer.indices.refresh(index=self.alias)
            self.writer.delete_by_query(
                index=self.alias, body={"query": {"match_all": {}}}, refresh=True, conflicts="proceed"
            )
        self.forget_access_keys()

    def refresh(self):
        """Make what was just written searchable now rather than within the refresh interval (1 s)."""
        with self._calling("refresh"):
            self.writer.indices.refresh(index=self.alias)

    def fingerprints(self):
        with self._calling("fingerprints"):
            return stored_fingerprints(self.writer, self.flavour, self.alias)

    def begin_rebuild(self):
        """A new index version to fill (index, then finish to swap it in, or abort to drop it)."""
        with self._calling("rebuild"):
            return EngineRebuild(self, Rebuild(self.writer, self.versions, synonym_rules()))

    def put_synonyms(self):
        """The index's synonyms follow the Synonym table: in place, or through a new version (es.flavours)."""
        with self._calling("synonyms"):
            needs_new_version = self.versions.apply_synonyms(synonym_rules())
        if needs_new_version:
            self.copy_into_new_version()

    def copy_into_new_version(self):
        """Swap in a new version holding the same records as the one in service, analysed with today's synonyms.

        The records are read back from the version in service, so that what it holds (or misses)
        is kept as it is: repairing it is `kb_index repair`'s work. Changes made meanwhile go to
        the version in service and are queued (search.sync), then replayed into the new one once
        it is behind the alias, as during `kb_index rebuild`.
        """
        # Imported here: sync drives the engines, the engine only asks it to catch up.
        from .. import sync

        EngineStatus.objects.update_or_create(engine=self.name, defaults={"rebuilding_since": timezone.now()})
        try:
            rebuild = self.begin_rebuild()
            try:
                with self._calling("synonyms"):
                    for batch in indexed_records(self.writer, self.flavour, self.alias):
                        rebuild.index(batch)
                rebuild.finish()
            except EngineError:
                rebuild.abort()
                raise
        finally:
            EngineStatus.objects.filter(engine=self.name).update(rebuilding_since=None)
            sync.replay(self)

    def _ensure(self):
        if not self._ensured:
            confirm(self.flavour, self.writer, self.config.url)
            self.versions.ensure(synonym_rules())
            self._ensured = True

    def _catch_up(self):
        """Once a read finds the cluster back, replay what was queued (writes do it themselves, in search.sync)."""
        if not self.health.take_recovery():
            return
        from .. import sync

        try:
            sync.replay(self, limit=REPLAY_ON_RECOVERY)
        except DatabaseError:
            logger.exception("could not replay the changes queued for %s", self.flavour.name)

    # Reading

    def access_keys(self, deadline=None):
        cached = self._access_keys
        if cached and time.monotonic() - cached[1] < ACCESS_KEYS_TTL:
            return cached[0]
        keys = access_keys(self._execute(access_keys_search(), deadline, "access keys"))
        self._access_keys = (keys, time.monotonic())
        return keys

    def forget_access_keys(self):
        """New records may carry new keys: read them again at the next search."""
        self._access_keys = None

    def search(self, request, parsed, viewer):
        deadline = self._deadline()
        allowed = viewer.allowed(self.access_keys(deadline))
        if not allowed:
            return ElasticsearchResult(total=0, hits=[], facet_counts={facet: {} for facet in FACETS})
        response = self._execute(records_search(request, parsed, allowed), deadline, "search")
        self._catch_up()
        return result(response, parsed)

    def match_count(self, parsed):
        """The bare full-text match count, no access, facets or snippets: the engine's floor."""
        response = self._execute(count_search(parsed), self._deadline(), "count")
        return response.hits.total.value

    def autocomplete(self, prefix, viewer, limit=8):
        folded = words(prefix)
        if not folded:
            return []
        deadline = self._deadline()
        allowed = viewer.allowed(self.access_keys(deadline))
        if not allowed:
            return []
        response = self._execute(autocomplete_search(folded, allowed, limit), deadline, "autocomplete")
        self._catch_up()
        return autocomplete_rows(response)

    def _deadline(self):
        return Deadline(self.config.timeout, label=self.flavour.label)

    def _execute(self, search, deadline, what):
        """Send a DSL search through the flavour's client; the answer is read back through the DSL's Response."""
        deadline = deadline or self._deadline()
        with self._calling(what):
            body = self.flavour.search(self.client, self.alias, search.to_dict(), deadline.remaining())
        return Response(search, body)


class EngineRebuild:
    """A rebuild whose every call goes through the engine's fault handling."""

    def __init__(self, engine, rebuild):
        self.engine = engine
        self.rebuild = rebuild

    def _calling(self):
        # The version being filled is not the one in service: losing it (a node gone with its only
        # copy) fails the rebuild, not the searches, which the alias keeps on the complete version.
        return calling(self.engine.health, "rebuild", self.engine.flavour.errors, judges_health=False)

    def index(self, records):
        with self._calling():
            self.rebuild.index(records)

    def finish(self):
        with self._calling():
            self.rebuild.finish()
        self.engine.forget_access_keys()

    def abort(self):
        # No fault handling here: the rebuild already failed, and the cluster may be the reason.
        try:
            self.rebuild.abort()
        except self.engine.flavour.errors as error:
            logger.warning("could not drop the unfinished index %s: %s", self.rebuild.name, error)
