"""Engine selection: the database engine by default, Elasticsearch when configured."""

from functools import cache

from django.db import connection


@cache
def _database_engine(vendor):
    from .database import DatabaseEngine

    return DatabaseEngine()


def get_engine():
    """The engine that serves searches and receives record changes."""
    return _database_engine(connection.vendor)


def get_database_engine():
    return _database_engine(connection.vendor)
