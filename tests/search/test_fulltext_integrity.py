"""`kb_index check` sees the database engine's own tables fall out of step with its records, and repair mends them.

A logical restore (dumpdata/loaddata) leaves records without their full-text rows: here rows are removed
behind the engine's back the same way, and phrase search, autocomplete and facet counts come back after repair.
"""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from search import indexing
from search.access import Viewer
from search.engines import get_database_engine
from search.models import SearchRecord

from .support import facet_counts, find, index_records, module_transaction, practice, site_tree, titles

pytestmark = pytest.mark.django_db

SQLITE_ONLY = "PostgreSQL garde les vecteurs sur la ligne de la fiche : aucune ligne de texte intégral sans fiche"


@pytest.fixture(scope="module")
def engine():
    """These tables belong to the database engine alone."""
    return get_database_engine()


@pytest.fixture(scope="module")
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        tree = site_tree()
        pages = [
            practice(tree.practice_index, "Habitat participatif à Rezé", body="Une coopérative d'habitants construit."),
            practice(tree.practice_index, "Garage solidaire", body="Réparer les voitures des salariés en insertion."),
            practice(tree.practice_index, "Épicerie coopérative", body="Une épicerie tenue par ses adhérents."),
        ]
        index_records(engine)
        yield pages


def record_id(page):
    return SearchRecord.objects.get(source=f"page:{page.pk}").pk


def tables(report):
    return {table.table: table for table in report.tables}


def fulltext_table():
    return "search_fts" if connection.vendor == "sqlite" else "search_searchrecord.search_vector"


def drop_fulltext(ids):
    """Remove full-text rows as a logical restore leaves them: the records stay, their text index does not."""
    with connection.cursor() as cursor:
        for pk in ids:
            if connection.vendor == "sqlite":
                cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [pk])
                cursor.execute("DELETE FROM search_title_fts WHERE rowid = %s", [pk])
            else:
                cursor.execute(
                    "UPDATE search_searchrecord SET search_vector = NULL, title_vector = NULL WHERE id = %s", [pk]
                )


def test_check_finds_every_table_in_step_with_the_records(archive):
    report = indexing.check()
    assert report.problems == 0
    assert {table.table for table in report.tables} >= {fulltext_table(), "search_searchpostings", "search_searchfacet"}
    assert all(table.expected == SearchRecord.objects.count() for table in report.tables)


def test_full_text_rows_lost_are_reported_missing_and_repair_brings_phrases_and_autocomplete_back(archive, engine):
    lost = [record_id(archive[0]), record_id(archive[2])]
    drop_fulltext(lost)
    assert "Habitat participatif à Rezé" not in titles(find(engine, '"habitat participatif"'))
    assert not engine.autocomplete("épicer", Viewer())

    report = indexing.check()
    assert sorted(tables(report)[fulltext_table()].missing) == sorted(lost)
    assert report.problems >= 2

    indexing.repair()
    assert indexing.check().problems == 0
    assert titles(find(engine, '"habitat participatif"')) == ["Habitat participatif à Rezé"]
    assert [title for title, _url, _kind in engine.autocomplete("épicer", Viewer())] == ["Épicerie coopérative"]


def test_a_full_text_row_that_belongs_to_another_record_is_reported_different(archive):
    if connection.vendor != "sqlite":
        pytest.skip(SQLITE_ONLY)
    garage, grocery = record_id(archive[1]), record_id(archive[2])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_fts SET title = (SELECT title FROM search_fts WHERE rowid = %s) WHERE rowid = %s",
            [grocery, garage],
        )
    assert tables(indexing.check())["search_fts"].stale == [garage]
    indexing.repair()
    assert indexing.check().problems == 0


def test_full_text_rows_of_no_record_are_reported_extra_and_repair_deletes_them(archive):
    if connection.vendor != "sqlite":
        pytest.skip(SQLITE_ONLY)
    ghost = SearchRecord.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_fts (rowid, title, abstract, body, attachments) VALUES (%s, 'fantome', '', '', '')",
            [ghost],
        )
    assert tables(indexing.check())["search_fts"].extra == [ghost]
    indexing.repair()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM search_fts WHERE rowid = %s", [ghost])
        assert cursor.fetchone()[0] == 0
    assert indexing.check().problems == 0


def test_lost_postings_are_reported_for_every_record_and_repair_finds_words_again(archive, engine):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_searchpostings")
    assert not titles(find(engine, "garage"))
    report = tables(indexing.check())["search_searchpostings"]
    assert len(report.missing) == SearchRecord.objects.count()

    indexing.repair()
    assert indexing.check().problems == 0
    assert titles(find(engine, "garage")) == ["Garage solidaire"]


def test_lost_facet_rows_are_reported_and_repair_counts_the_item_again(archive, engine):
    garage = record_id(archive[1])
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_searchfacet WHERE record_id = %s", [garage])
    assert tables(indexing.check())["search_searchfacet"].missing == [garage]
    indexing.repair()
    assert indexing.check().problems == 0
    assert sum(facet_counts(find(engine), "kind").values()) == 3


def test_kb_index_check_names_the_table_out_of_step_and_fails(archive):
    drop_fulltext([record_id(archive[0])])
    out = StringIO()
    with pytest.raises(CommandError, match="kb_index repair"):
        call_command("kb_index", "check", stdout=out)
    assert f"table {fulltext_table()} : 3 fiches ; 1 manquantes, 0 en trop, 0 différentes trouvées." in out.getvalue()
