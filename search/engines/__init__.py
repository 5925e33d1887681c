"""Engine selection: the database engine by default, the cluster engine when KB_ELASTICSEARCH_URL is set.

The cluster runs Elasticsearch or OpenSearch (KB_SEARCH_FLAVOUR): one engine per configuration.

The database engine holds every record whichever engine serves: it answers when
Elasticsearch cannot (search.views) and sync always writes to it first (search.sync).
"""

from functools import cache

from django.conf import settings
from django.db import connection


@cache
def _database_engine(vendor):
    from .database import DatabaseEngine

    return DatabaseEngine()


@cache
def _elasticsearch_engine(config):
    from .elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(config)


def get_engine():
    """The engine that serves searches."""
    if settings.KB_ELASTICSEARCH_URL:
        from .es.client import ClientConfig

        return _elasticsearch_engine(ClientConfig.from_settings())
    return get_database_engine()


def server_label():
    """The configured search server's product name, for messages: « Elasticsearch » or « OpenSearch »."""
    from .es.flavours import FLAVOURS

    return FLAVOURS[settings.KB_SEARCH_FLAVOUR].label


def get_database_engine():
    """The embedded engine: the default, and the fallback of a search server."""
    return _database_engine(connection.vendor)
