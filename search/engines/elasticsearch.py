"""The Elasticsearch engine: the database engine's records, requests and answers, on a cluster.

Same behaviour by construction. A query reaches every engine already analysed (ParsedQuery:
French tokens, phrases, exclusions, synonyms expanded from the documentalists' list), and
the engine matches those tokens on fields that hold the record's own tokens, computed by
search.analysis exactly as for the database engine. Letting Elasticsearch analyse the text
itself is not enough: its stop filter leaves a hole where "et" or "de" stood, so the phrase
"économie sociale et solidaire" (tokens econom social solidair) would never match a text
the database engine finds. The French analyzer, declared with the same chain, still analyses
the text people read, for highlighting and for queries written for Elasticsearch directly.

Synonyms. The service expands them at query time, from the Synonym table, on both engines:
an edit applies to the next search without re-indexing. The same list is also kept in an
Elasticsearch synonyms set used by the `kb_french_synonyms` search analyzer (synonym_graph,
updateable): Elasticsearch reloads that analyzer whenever the set is replaced, and the engine
replaces it when documentalists edit a synonym, on rebuild and on repair.

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

from elastic_transport import TransportError
from elasticsearch import ApiError

from django.db import DatabaseError

from ..analysis import words
from ..models import Synonym
from ..query import FACETS
from .es.client import RETRY_AFTER, WRITE_TIMEOUT, ClientConfig, Deadline, Health, calling
from .es.lifecycle import IndexVersions, Rebuild, bulk_write, delete_actions, index_actions, stored_fingerprints
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
REPLAY_ON_RECOVERY = 500


def synonym_rules():
    """(id, expressions) of every synonym the documentalists keep, for the synonyms set."""
    rules = [(synonym.pk, synonym.expression_list()) for synonym in Synonym.objects.order_by("pk")]
    return [(pk, expressions) for pk, expressions in rules if len(expressions) > 1]


class ElasticsearchEngine:
    """The archive search on an Elasticsearch cluster, behind the alias KB_ELASTICSEARCH_INDEX."""

    name = "elasticsearch"

    def __init__(self, config=None, retry_after=RETRY_AFTER):
        self.config = config or ClientConfig.from_settings()
        self.alias = self.config.index
        self.client = self.config.client()
        self.writer = self.client.options(request_timeout=WRITE_TIMEOUT)
        self.versions = IndexVersions(
            self.writer, self.alias, f"{self.alias}-synonyms", self.config.shards, self.config.replicas
        )
        self.health = Health(self.name, retry_after)
        self._access_keys = None
        self._ensured = False

    # Writing

    def index(self, records):
        if not records:
            return
        with calling(self.health, "index"):
            self._ensure()
            bulk_write(self.writer, index_actions(self.alias, records), require_alias=True)
        self.forget_access_keys()

    def remove(self, sources):
        if not sources:
            return
        with calling(self.health, "remove"):
            self._ensure()
            bulk_write(self.writer, delete_actions(self.alias, sources), require_alias=True)

    def clear(self):
        with calling(self.health, "clear"):
            self._ensure()
            self.writer.delete_by_query(index=self.alias, query={"match_all": {}}, refresh=True, conflicts="proceed")
        self.forget_access_keys()

    def refresh(self):
        """Make what was just written searchable now rather than within the refresh interval (1 s)."""
        with calling(self.health, "refresh"):
            self.writer.indices.refresh(index=self.alias)

    def fingerprints(self):
        with calling(self.health, "fingerprints"):
            return stored_fingerprints(self.writer, self.alias)

    def begin_rebuild(self):
        """A new index version to fill (index, then finish to swap it in, or abort to drop it)."""
        with calling(self.health, "rebuild"):
            return EngineRebuild(self, Rebuild(self.writer, self.versions, synonym_rules()))

    def put_synonyms(self):
        with calling(self.health, "synonyms"):
            self.versions.put_synonyms(synonym_rules())

    def _ensure(self):
        if not self._ensured:
            self.versions.ensure(synonym_rules())
            self._ensured = True

    def _catch_up(self):
        """Once a read finds the cluster back, replay what was queued (writes do it themselves, in search.sync)."""
        if not self.health.take_recovery():
            return
        # Imported here: sync drives the engines, the engine only asks it to catch up.
        from .. import sync

        try:
            sync.replay(self, limit=REPLAY_ON_RECOVERY)
        except DatabaseError:
            logger.exception("could not replay the changes queued for elasticsearch")

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
        deadline = Deadline(self.config.timeout)
        allowed = viewer.allowed(self.access_keys(deadline))
        if not allowed:
            return ElasticsearchResult(total=0, hits=[], facet_counts={facet: {} for facet in FACETS})
        response = self._execute(records_search(request, parsed, allowed), deadline, "search")
        self._catch_up()
        return result(response, parsed)

    def match_count(self, parsed):
        """The bare full-text match count, no access, facets or snippets: the engine's floor."""
        response = self._execute(count_search(parsed), Deadline(self.config.timeout), "count")
        return response.hits.total.value

    def autocomplete(self, prefix, viewer, limit=8):
        folded = words(prefix)
        if not folded:
            return []
        deadline = Deadline(self.config.timeout)
        allowed = viewer.allowed(self.access_keys(deadline))
        if not allowed:
            return []
        response = self._execute(autocomplete_search(folded, allowed, limit), deadline, "autocomplete")
        self._catch_up()
        return autocomplete_rows(response)

    def _execute(self, search, deadline, what):
        deadline = deadline or Deadline(self.config.timeout)
        with calling(self.health, what):
            client = self.client.options(request_timeout=deadline.remaining())
            return search.using(client).index(self.alias).execute()


class EngineRebuild:
    """A rebuild whose every call goes through the engine's fault handling."""

    def __init__(self, engine, rebuild):
        self.engine = engine
        self.rebuild = rebuild

    def index(self, records):
        with calling(self.engine.health, "rebuild"):
            self.rebuild.index(records)

    def finish(self):
        with calling(self.engine.health, "rebuild"):
            self.rebuild.finish()
        self.engine.forget_access_keys()

    def abort(self):
        # No fault handling here: the rebuild already failed, and the cluster may be the reason.
        try:
            self.rebuild.abort()
        except (ApiError, TransportError) as error:
            logger.warning("could not drop the unfinished index %s: %s", self.rebuild.name, error)
