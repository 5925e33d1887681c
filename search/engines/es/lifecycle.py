"""Versions of the records index behind one alias, and the bulk writes that fill them.

Searches and writes always name the alias (`kb-records`); each version is a dated index
(`kb-records-v20261124225800123456`). A rebuild fills a new version while the alias still
points at the old one, then moves the alias in one atomic update_aliases call: search never
stops answering, and never sees a half-built index.
"""

import logging
import time
from concurrent.futures import ThreadPoolExecutor

from django.utils import timezone

from .mapping import document_record, index_body, record_document

logger = logging.getLogger(__name__)

BULK_CHUNK = 500
# Bulk requests a rebuild keeps in flight: the cluster indexes them while the next documents are built here.
REBUILD_IN_FLIGHT = 2
# How long a swap waits at most for the searches that may still read the old version before deleting
# it: longer than a search may last (KB_SEARCH_TIMEOUT, 2 s by default).
SWAP_PATIENCE = 5.0
# While a version is being filled: no refresh, no replica; the real values come back before the swap.
BUILDING_SETTINGS = {"refresh_interval": "-1", "number_of_replicas": 0}


def version_name(alias, now=None):
    return f"{alias}-v{(now or timezone.now()):%Y%m%d%H%M%S%f}"


def index_actions(index, records):
    for record in records:
        yield {"_op_type": "index", "_index": index, "_id": record.source, "_source": record_document(record)}


def delete_actions(index, sources):
    for source in sources:
        yield {"_op_type": "delete", "_index": index, "_id": source}


def failure_kind(item):
    """ "done", "retry" or "refused": what a failed bulk item means for the record it carried."""
    ((op_type, info),) = item.items()
    status = info.get("status", 500)
    if op_type == "delete" and status == 404:
        return "done"  # already gone
    # Overloaded or unavailable shards, or no index behind the alias yet: worth sending again later.
    if status in (404, 429) or status >= 500:
        return "retry"
    return "refused"


class IndexVersions:
    """The versions behind the alias: create one, point the alias at it, drop the others.

    Every call names its body with `body=`, which both flavours' clients take.
    """

    def __init__(self, client, flavour, alias, synonyms_set, shards=1, replicas=0):
        self.client = client
        self.flavour = flavour
        self.alias = alias
        self.synonyms_set = synonyms_set
        self.shards = shards
        self.replicas = replicas

    def definition(self, name, synonyms):
        """The JSON that creates version `name`, with the flavour's synonyms filter and analysis."""
        synonyms_filter = self.flavour.synonyms_filter(self.synonyms_set, synonyms)
        return index_body(name, synonyms_filter, self.shards, self.replicas, self.flavour.analysis)

    def current(self):
        """The indices the alias points at (one, outside the instant of a swap)."""
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except self.flavour.not_found:
            return []

    def ensure(self, synonyms):
        """Create the first version behind the alias when there is none yet."""
        if self.current():
            return
        self.flavour.put_synonyms(self.client, self.synonyms_set, synonyms)
        name = version_name(self.alias)
        body = self.definition(name, synonyms)
        self.client.indices.create(index=name, body={**body, "aliases": {self.alias: {}}})
        logger.info("%s: created %s behind %s", self.flavour.name, name, self.alias)

    def create_building(self, synonyms):
        """A new, empty version for a rebuild, tuned for bulk loading."""
        self.flavour.put_synonyms(self.client, self.synonyms_set, synonyms)
        name = version_name(self.alias)
        body = self.definition(name, synonyms)
        body["settings"].update(BUILDING_SETTINGS)
        self.client.indices.create(index=name, body=body)
        return name

    def publish(self, name):
        """Give the new version its real settings, make it searchable, then swap the alias onto it atomically."""
        self.client.indices.put_settings(
            index=name, body={"refresh_interval": None, "number_of_replicas": self.replicas}
        )
        self.client.indices.refresh(index=name)
        old = [index for index in self.current() if index != name]
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(body={"actions": actions})
        self.drain(old)
        for index in old:
            self.client.indices.delete(index=index)
        logger.info("%s: %s now behind %s (removed: %s)", self.flavour.name, name, self.alias, ", ".join(old) or "none")

    def drain(self, indices, poll=0.1):
        """Wait, SWAP_PATIENCE seconds at most, until no search may still read `indices`.

        A search resolves the alias when it starts: one that started just before the swap reads the old
        version, and fails ("all shards failed") if the version is deleted before its shard request has
        run, which may wait a while in the search queue of a busy node.
        """
        deadline = time.monotonic() + SWAP_PATIENCE
        while indices and time.monotonic() < deadline:
            time.sleep(poll)
            try:
                if not self.searching(indices):
                    return
            except (*self.flavour.errors, KeyError):
                return

    def searching(self, indices):
        """Whether a search runs on `indices`, or waits in a node's search queue (for them or not: none says)."""
        nodes = self.client.nodes.stats(metric="thread_pool")["nodes"].values()
        if any(node["thread_pool"]["search"]["queue"] for node in nodes):
            return True
        search = self.client.indices.stats(index=",".join(indices), metric="search")["_all"]["total"]["search"]
        # The contexts a search keeps open between its query and fetch phases count too.
        return any(search.get(key) for key in ("query_current", "fetch_current", "open_contexts"))

    def drop(self, name):
        self.client.indices.delete(index=name, ignore_unavailable=True)

    def apply_synonyms(self, synonyms):
        """Bring the index's synonyms in line; True when only a new version can (see es.flavours)."""
        return self.flavour.apply_synonyms(self.client, self.synonyms_set, self.alias, synonyms)


def bulk_write(client, flavour, actions, **options):
    """Send actions in chunks; items refused for good are logged and skipped, the others raise.

    A record the cluster refuses for good (a malformed value) would block a queue forever:
    it is logged with its reason, and `kb_index check` reports it as missing.
    """
    retry_later = []
    for _ok, item in flavour.streaming_bulk(
        client, actions, chunk_size=BULK_CHUNK, raise_on_error=False, yield_ok=False, **options
    ):
        kind = failure_kind(item)
        if kind == "retry":
            retry_later.append(item)
        elif kind == "refused":
            logger.error("%s refused a record for good: %s", flavour.name, item)
    if retry_later:
        raise flavour.bulk_error(f"{len(retry_later)} record(s) to send again later", retry_later)


def stored_fingerprints(client, flavour, alias):
    """{source: fingerprint} of every document behind the alias."""
    query = {"_source": ["fingerprint"], "query": {"match_all": {}}}
    hits = flavour.scan(client, index=alias, query=query, size=2000)
    return {hit["_id"]: hit["_source"].get("fingerprint", "") for hit in hits}


def indexed_records(client, flavour, alias, batch_size=BULK_CHUNK):
    """Every record behind the alias, read back from the stored documents, in batches."""
    batch = []
    for hit in flavour.scan(client, index=alias, query={"query": {"match_all": {}}}, size=batch_size):
        batch.append(document_record(hit["_source"]))
        if len(batch) == batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


class Rebuild:
    """A new version filled batch by batch, published behind the alias by `finish`, dropped by `abort`.

    Each batch's documents are built in the caller's thread, then sent from a pool thread while the
    next batch is read and built: a request that fails raises at the next call, or at `finish`.
    """

    def __init__(self, client, versions, synonyms, in_flight=REBUILD_IN_FLIGHT):
        self.client = client
        self.versions = versions
        self.name = versions.create_building(synonyms)
        self.in_flight = in_flight
        self.pool = ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="kb-rebuild")
        self.sending = []

    def index(self, records):
        actions = list(index_actions(self.name, records))
        self._wait(until=self.in_flight - 1)
        # A rebuild may wait out an overloaded cluster (429) rather than fail.
        self.sending.append(self.pool.submit(bulk_write, self.client, self.versions.flavour, actions, max_retries=3))

    def _wait(self, until):
        """Wait until at most `until` requests are in flight; the first failure among those done raises."""
        for future in [future for future in self.sending if future.done()]:
            self.sending.remove(future)
            future.result()
        while len(self.sending) > until:
            self.sending.pop(0).result()

    def finish(self):
        self._wait(until=0)
        self.pool.shutdown()
        self.versions.publish(self.name)

    def abort(self):
        # The requests in flight end first: one arriving after the drop would create the version again.
        self.pool.shutdown(cancel_futures=True)
        self.versions.drop(self.name)
