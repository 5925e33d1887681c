"""Each database's own consistent copy and restore: SQLite's online backup API, PostgreSQL's pg_dump and pg_restore.

Their dumps keep what Django's dumpdata cannot see (the full-text tables and columns created outside the
models, sequences) and every row as one instant saw it, so the search answers the same after a restore.
"""

import glob
import logging
import os
import re
import shutil
import sqlite3
import subprocess

from django.apps import apps
from django.db import connection, transaction

logger = logging.getLogger(__name__)


class BackupError(Exception):
    """A backup or a restore refused or failed; the message is for the person running it, in French."""


def model_tables():
    """{"app_label.Model": table} for every table the models own, many-to-many tables included."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables[model._meta.label] = model._meta.db_table
    return tables


def count_rows(cursor, present):
    """Rows per model whose table is `present`: table names come from the models, never from input."""
    counts = {}
    for label, table in sorted(model_tables().items()):
        if table in present:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608
            counts[label] = cursor.fetchone()[0]
    return counts


def applied_migrations(cursor):
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    return [list(row) for row in cursor.fetchall()]


def for_connection():
    """The database in use, through the tools of its engine."""
    if connection.vendor == "sqlite":
        return SQLiteDatabase()
    if connection.vendor == "postgresql":
        return PostgreSQLDatabase()
    raise BackupError(f"La sauvegarde ne sait pas copier une base « {connection.vendor} » : SQLite ou PostgreSQL.")


class SQLiteDatabase:
    """The online backup API copies the database page by page while the site keeps running."""

    engine = "sqlite"
    filename = "database.sqlite3"

    def snapshot(self, path):
        """Copy the database to `path`; returns (rows per model, migrations, versions) read from the copy."""
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
            # One self-contained file, whatever journal the site uses (WAL).
            target.execute("PRAGMA journal_mode=DELETE")
            cursor = target.cursor()
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            present = {row[0] for row in cursor.fetchall()}
            return count_rows(cursor, present), applied_migrations(cursor)
        finally:
            target.close()

    def versions(self):
        return {"server": f"SQLite {sqlite3.sqlite_version}", "tool": "API de sauvegarde en ligne de SQLite"}

    def verify_dump(self, path):
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                result = source.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                source.close()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"La base contenue dans l'archive est illisible : {error}.") from error
        if result != "ok":
            raise BackupError(f"La base contenue dans l'archive est endommagée (SQLite : {result}).")

    def restore(self, path):
        """Replace every page of the database in use with the dump's, in one step."""
        connection.close()
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()


class PostgreSQLDatabase:
    """pg_dump in its custom format, reading the same snapshot as the row counts; pg_restore in one transaction."""

    engine = "postgresql"
    filename = "database.pgdump"

    def _environment(self):
        settings = connection.settings_dict
        env = {**os.environ, "PGDATABASE": settings["NAME"], "PGCONNECT_TIMEOUT": "10"}
        for key, variable in (("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"), ("HOST", "PGHOST"), ("PORT", "PGPORT")):
            if settings.get(key):
                env[variable] = str(settings[key])
        if settings.get("OPTIONS", {}).get("sslmode"):
            env["PGSSLMODE"] = settings["OPTIONS"]["sslmode"]
        return env

    def _run(self, tool, *arguments):
        command = [postgresql_tool(tool), *arguments]
        logger.info("backup: running %s", " ".join(command))
        done = subprocess.run(command, env=self._environment(), capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode:
            message = done.stderr.strip().splitlines()
            logger.error("backup: %s exited %d: %s", tool, done.returncode, done.stderr.strip())
            raise BackupError(f"{tool} a échoué : {message[-1] if message else f'code {done.returncode}'}")
        return done.stdout

    def snapshot(self, path):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            present = set(connection.introspection.table_names(cursor))
            counts, migrations = count_rows(cursor, present), applied_migrations(cursor)
            self._run(
                "pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", "-f", str(path)
            )
        return counts, migrations

    def versions(self):
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server = cursor.fetchone()[0]
        return {"server": f"PostgreSQL {server}", "tool": self._run("pg_dump", "--version").strip()}

    def verify_dump(self, path):
        try:
            self._run("pg_restore", "--list", str(path))
        except BackupError as error:
            raise BackupError(f"La base contenue dans l'archive est illisible ({error}).") from error

    def restore(self, path):
        """Drop and recreate what the dump holds, in one transaction: a failure leaves the database as it was."""
        connection.close()
        self._run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "-d",
            connection.settings_dict["NAME"],
            str(path),
        )


def postgresql_tool(name):
    """pg_dump or pg_restore: on PATH, else the newest under /usr/lib/postgresql (Debian's layout)."""
    found = shutil.which(name)
    if found:
        return found
    installed = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    if installed:
        return max(installed, key=lambda path: [int(n) for n in re.findall(r"\d+", path)])
    raise BackupError(
        f"« {name} » est introuvable : installez le client PostgreSQL (paquet postgresql-client), "
        "de la même version que le serveur ou plus récent."
    )


def content_summary():
    """What the database in use already holds that a restore would replace: {label: rows}, empty when nothing.

    Pages below the home page, accounts, documents, images and search records: a freshly migrated
    database (root and home page, territories) counts as empty."""
    from django.contrib.auth import get_user_model

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    present = set(connection.introspection.table_names())
    checks = {
        "pages": (Page._meta.db_table, "depth > 2"),
        "comptes": (get_user_model()._meta.db_table, "1 = 1"),
        "documents": (get_document_model()._meta.db_table, "1 = 1"),
        "images": (get_image_model()._meta.db_table, "1 = 1"),
        "fiches de recherche": ("search_searchrecord", "1 = 1"),
    }
    found = {}
    with connection.cursor() as cursor:
        for label, (table, condition) in checks.items():
            if table in present:
                cursor.execute(f'SELECT COUNT(*) FROM "{table}" WHERE {condition}')  # noqa: S608
                rows = cursor.fetchone()[0]
                if rows:
                    found[label] = rows
    return found


def table_counts():
    """Rows per model in the database in use, to compare with what the archive's manifest says."""
    with connection.cursor() as cursor:
        return count_rows(cursor, set(connection.introspection.table_names(cursor)))
