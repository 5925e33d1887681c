"""The full-text index of the database engine, in each database's own dialect.

Django has no portable full-text index: FTS5 virtual tables on SQLite, tsvector
columns with GIN indexes on PostgreSQL. Both hold tokens already analysed by
search.analysis, so that French behaviour is identical on both.
"""

from django.db import migrations

SQLITE = [
    (
        "CREATE VIRTUAL TABLE search_fts USING fts5(title, abstract, body, attachments, tokenize='unicode61')",
        "DROP TABLE IF EXISTS search_fts",
    ),
    (
        "CREATE VIRTUAL TABLE search_title_fts USING fts5(words, tokenize='unicode61', prefix='1 2 3 4')",
        "DROP TABLE IF EXISTS search_title_fts",
    ),
]
POSTGRESQL = [
    (
        "ALTER TABLE search_searchrecord ADD COLUMN search_vector tsvector, ADD COLUMN title_vector tsvector",
        "ALTER TABLE search_searchrecord DROP COLUMN search_vector, DROP COLUMN title_vector",
    ),
    (
        "CREATE INDEX search_record_vector_idx ON search_searchrecord USING gin (search_vector)",
        "DROP INDEX IF EXISTS search_record_vector_idx",
    ),
    (
        "CREATE INDEX search_record_title_vector_idx ON search_searchrecord USING gin (title_vector)",
        "DROP INDEX IF EXISTS search_record_title_vector_idx",
    ),
]


def _statements(connection, reverse=False):
    plan = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(connection.vendor, [])
    pairs = reversed(plan) if reverse else plan
    return [undo if reverse else do for do, undo in pairs]


def create_index(apps, schema_editor):
    for statement in _statements(schema_editor.connection):
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    for statement in _statements(schema_editor.connection, reverse=True):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_records")]

    operations = [migrations.RunPython(create_index, drop_index)]
