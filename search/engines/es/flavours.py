"""Everything that differs between an Elasticsearch and an OpenSearch cluster, for the cluster engine.

The rest is shared: the mapping, analysis and query bodies the DSL builds are plain JSON both
servers take, and every index call is written with `body=`, which both official clients accept.
Here live the client each server needs (Elasticsearch's own refuses any other product), the
errors each client raises, their bulk and scroll helpers, and how the synonyms reach the index.

Synonyms. Elasticsearch keeps them in a synonyms set: the search analyzer is updateable and
reloads whenever the set is replaced, on the live index. OpenSearch has no synonyms sets and no
analyzer reload: the rules sit inline in the synonym_graph filter, and index analysis can only
change on a closed index, which fails every search sent meanwhile. So on OpenSearch a change of
synonyms builds a new index version with the new rules and swaps the alias onto it
(search.engines.elasticsearch), the way a rebuild does: searches keep answering from the old
version until the atomic swap. The service expands synonyms itself at query time on every engine,
so the index's own copy only serves the suggester's collate query and queries written by hand.

Analysis. Every flavour creates the full French index (es.mapping), except
ElasticsearchServerAnalysisFlavour, for an Elasticsearch that has none of its optional modules
(the integration-test distribution, the only build Maven Central publishes, which tests start).
"""

import logging

import elastic_transport
import elasticsearch
import elasticsearch.helpers
import opensearchpy
import opensearchpy.helpers
from elasticsearch.dsl import token_filter

from .mapping import FULL_ANALYSIS, SERVER_ANALYSIS

logger = logging.getLogger(__name__)

SYNONYMS_FILTER = "kb_synonyms"
# What Elasticsearch's client keeps open per node by default.
CONNECTIONS_PER_NODE = 10


class ElasticsearchFlavour:
    """Elasticsearch 8 (or 9 in compatibility mode) through the official `elasticsearch` client."""

    name = "elasticsearch"
    label = "Elasticsearch"
    analysis = FULL_ANALYSIS
    errors = (
        elasticsearch.ApiError,
        elastic_transport.TransportError,
        elasticsearch.helpers.BulkIndexError,
        elasticsearch.helpers.ScanError,
    )
    not_found = elasticsearch.NotFoundError
    bulk_error = elasticsearch.helpers.BulkIndexError
    streaming_bulk = staticmethod(elasticsearch.helpers.streaming_bulk)
    scan = staticmethod(elasticsearch.helpers.scan)

    def client(self, config, timeout):
        options = {"request_timeout": timeout, "max_retries": config.retries, "retry_on_timeout": False}
        if config.api_key:
            options["api_key"] = config.api_key
        elif config.username:
            options["basic_auth"] = (config.username, config.password)
        if config.ca_certs:
            options["ca_certs"] = config.ca_certs
        if not config.verify_certs:
            options["verify_certs"] = False
            options["ssl_show_warn"] = False
        return elasticsearch.Elasticsearch(config.hosts, **options)

    def writer(self, client, config, timeout):
        # Same connection pool, longer wait.
        return client.options(request_timeout=timeout)

    def search(self, client, index, body, timeout):
        # A shard copy lost with its node must fail the search (the database engine then answers),
        # never return a partial total.
        return (
            client.options(request_timeout=timeout)
            .search(index=index, body=body, allow_partial_search_results=False)
            .body
        )

    def health(self, client, index, timeout):
        return client.options(request_timeout=timeout).cluster.health(index=index).body

    def synonyms_filter(self, synonyms_set, rules):
        return token_filter(SYNONYMS_FILTER, "synonym_graph", synonyms_set=synonyms_set, updateable=True)

    def put_synonyms(self, client, synonyms_set, rules):
        """Replace the synonyms set (before a new version is created, or to change them)."""
        entries = [{"id": f"synonym-{pk}", "synonyms": ", ".join(expressions)} for pk, expressions in rules]
        client.synonyms.put_synonym(id=synonyms_set, synonyms_set=entries)

    def apply_synonyms(self, client, synonyms_set, alias, rules):
        """Apply changed rules; True when that takes a new index version. Here never: the set is reloaded live."""
        self.put_synonyms(client, synonyms_set, rules)
        return False

    def server(self, client):
        """What answers at the URL; the client's product check refuses anything but Elasticsearch."""
        try:
            return product(client.info())
        except elasticsearch.UnsupportedProductError:
            return "not Elasticsearch (the client's product check refused it)"


class ElasticsearchServerAnalysisFlavour(ElasticsearchFlavour):
    """Elasticsearch without its optional modules: the index on the server's own analysis (es.mapping).

    Without lang-mustache, the suggester's collate query, which keeps to corrections the viewer may
    open, cannot run: searches ask for no correction rather than one that could name a hidden title.
    """

    analysis = SERVER_ANALYSIS

    def search(self, client, index, body, timeout):
        body = {key: value for key, value in body.items() if key != "suggest"}
        return super().search(client, index, body, timeout)

    def put_synonyms(self, client, synonyms_set, rules):
        """Nothing: no synonym_graph filter reads a set here (and storing one needs the reindex module)."""


class OpenSearchFlavour:
    """OpenSearch 2 or 3 (self-hosted or a managed service) through the official `opensearch-py` client."""

    name = "opensearch"
    label = "OpenSearch"
    analysis = FULL_ANALYSIS
    # Connection errors, timeouts, error answers, bulk and scroll failures all derive from it.
    errors = (opensearchpy.OpenSearchException,)
    not_found = opensearchpy.NotFoundError
    bulk_error = opensearchpy.helpers.BulkIndexError
    streaming_bulk = staticmethod(opensearchpy.helpers.streaming_bulk)
    scan = staticmethod(opensearchpy.helpers.scan)

    def client(self, config, timeout):
        # Plain JSON, even where ELASTIC_CLIENT_APIVERSIONING=1 (set for Elasticsearch 9) would make
        # opensearch-py ask for Elasticsearch's compatibility media type.
        headers = {"accept": "application/json"}
        # urllib3 keeps one connection per node unless told: a threaded server or a bench reconnected each time.
        options = {
            "timeout": timeout,
            "max_retries": config.retries,
            "retry_on_timeout": False,
            "pool_maxsize": CONNECTIONS_PER_NODE,
        }
        if config.api_key:
            # OpenSearch 3.7's API keys use Elasticsearch's header; opensearch-py has no option for it.
            headers["authorization"] = f"ApiKey {config.api_key}"
        elif config.username:
            options["http_auth"] = (config.username, config.password)
        if config.ca_certs:
            options["ca_certs"] = config.ca_certs
        if not config.verify_certs:
            options["verify_certs"] = False
            options["ssl_show_warn"] = False
        return opensearchpy.OpenSearch(hosts=config.hosts, headers=headers, **options)

    def writer(self, client, config, timeout):
        # opensearch-py has no per-client options(): a client of its own, with the longer wait.
        return self.client(config, timeout)

    def search(self, client, index, body, timeout):
        return client.search(index=index, body=body, request_timeout=timeout, allow_partial_search_results=False)

    def health(self, client, index, timeout):
        return client.cluster.health(index=index, request_timeout=timeout)

    def synonyms_filter(self, synonyms_set, rules):
        return token_filter(SYNONYMS_FILTER, "synonym_graph", synonyms=inline_rules(rules))

    def put_synonyms(self, client, synonyms_set, rules):
        """Nothing to send ahead: the rules go inline into each new version's analysis."""

    def apply_synonyms(self, client, synonyms_set, alias, rules):
        """True when the version behind the alias holds other rules: only a new version can change them."""
        setting = f"index.analysis.filter.{SYNONYMS_FILTER}.synonyms"
        try:
            answer = client.indices.get_settings(index=alias, name=setting, flat_settings=True)
        except opensearchpy.NotFoundError:
            return False  # no version yet: the first one is created with the rules of the day
        wanted = inline_rules(rules)
        return any(version["settings"].get(setting, []) != wanted for version in answer.values())

    def server(self, client):
        """What answers at the URL."""
        return product(client.info())


def product(info):
    """ "opensearch" or "elasticsearch", from the server's root answer (GET /)."""
    return "opensearch" if info.get("version", {}).get("distribution") == "opensearch" else "elasticsearch"


def inline_rules(rules):
    """The synonyms as synonym_graph's inline rules ("SCOP, société coopérative et participative")."""
    return [", ".join(expressions) for _pk, expressions in rules]


# KB_SEARCH_FLAVOUR names one of them (kb.settings.base refuses any other value).
FLAVOURS = {flavour.name: flavour for flavour in (ElasticsearchFlavour(), OpenSearchFlavour())}


def confirm(flavour, client, url):
    """Warn, once, when the server at the URL is not what KB_SEARCH_FLAVOUR says; never blocks a write."""
    try:
        found = flavour.server(client)
    except flavour.errors as error:
        logger.debug("%s: could not read the server's identity: %s", flavour.name, error)
        return
    if found != flavour.name:
        logger.warning(
            "KB_SEARCH_FLAVOUR=%s but the server at %s is %s: set KB_SEARCH_FLAVOUR to the server's product",
            flavour.name,
            url,
            found,
        )
