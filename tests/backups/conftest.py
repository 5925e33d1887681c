"""Databases of the tests' own, outside the suite's rolled-back transaction.

A backup reads committed rows (pg_dump runs in another process), and a restore replaces a whole
database: neither can happen inside the transaction that keeps the suite's territories. Each scratch
database starts as a copy of the test database (migrated, with the territories), made with the
backup's own engine tools, and the default connection points at it while a test uses it.
"""

import itertools
import uuid
from contextlib import contextmanager
from io import StringIO
from types import SimpleNamespace

import pytest

from django.core.management import call_command
from django.db import connections
from django.test import override_settings

from backups import databases
from backups.databases import table_counts
from search import indexing

from .support import answers, build_archive


class ScratchDatabases:
    """Creates, switches to and drops databases beside the test database (SQLite files, PostgreSQL databases)."""

    def __init__(self, folder):
        self.folder = folder
        self.original = connections["default"]
        # pytest-django sets the test database up only when some test of the run is marked django_db.
        name = str(self.original.settings_dict["NAME"])
        if "memory" not in name and not name.startswith("test_"):
            raise RuntimeError(f"{name} is not a test database: mark the tests django_db.")
        self.created = []
        self._numbers = itertools.count()

    def create(self, seeded=True):
        """A new database: a copy of the test database, or empty (`seeded=False`)."""
        settings = dict(self.original.settings_dict)
        if self.original.vendor == "sqlite":
            settings["NAME"] = str(self.folder / f"scratch-{next(self._numbers)}.sqlite3")
        else:
            settings["NAME"] = f"kb_scratch_{uuid.uuid4().hex[:12]}"
            with self._maintenance() as admin:
                admin.execute(f'CREATE DATABASE "{settings["NAME"]}"')
        self.created.append(settings["NAME"])
        if seeded:
            seed = self.folder / f"seed-{next(self._numbers)}"
            databases.for_connection().snapshot(seed)
            with self.use(settings):
                databases.for_connection().restore(seed)
        return settings

    @contextmanager
    def use(self, settings):
        """The default connection (the ORM, the search, the commands) reads and writes `settings`' database."""
        wrapper = type(self.original)(settings, alias="default")
        connections["default"] = wrapper
        try:
            yield wrapper
        finally:
            wrapper.close()
            connections["default"] = self.original

    @contextmanager
    def _maintenance(self):
        import psycopg

        settings = self.original.settings_dict
        with psycopg.connect(
            dbname="postgres",
            user=settings["USER"],
            password=settings["PASSWORD"],
            host=settings["HOST"] or None,
            port=settings["PORT"] or None,
            autocommit=True,
        ) as admin:
            yield admin

    def drop_all(self):
        if self.original.vendor != "postgresql":
            return
        with self._maintenance() as admin:
            for name in self.created:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, django_db_setup):
    databases_ = ScratchDatabases(tmp_path_factory.mktemp("bases"))
    yield databases_
    databases_.drop_all()


@pytest.fixture(scope="module")
def site(scratch, tmp_path_factory, django_db_blocker):
    """The archive built in a database of its own, its answers taken, then backed up with kb_backup."""
    folder = tmp_path_factory.mktemp("sauvegarde")
    media = folder / "medias-source"
    with django_db_blocker.unblock(), scratch.use(scratch.create()) as wrapper, override_settings(MEDIA_ROOT=media):
        build_archive()
        # Factories save pages without publishing them through Wagtail: indexed as `make setup` does.
        indexing.rebuild()
        assert indexing.check().problems == 0
        before = SimpleNamespace(settings=wrapper.settings_dict, media=media, answers=answers(), counts=table_counts())
        out = StringIO()
        call_command("kb_backup", str(folder / "site.tar.gz"), stdout=out)
    before.archive = folder / "site.tar.gz"
    before.output = out.getvalue()
    return before
