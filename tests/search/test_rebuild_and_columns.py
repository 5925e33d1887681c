"""A bulk rebuild of the database engine and the columns' snapshots change how fast, never what is found.

The rebuild writes records, facets, full text and postings another way than indexing does; a
fresh process maps the columns from a snapshot instead of loading them: both must give the same answers.
"""

import datetime
import shutil

import numpy as np
import pytest

from django.db import connection

from search.access import Viewer
from search.engines import columns, postings
from search.engines.database import DatabaseEngine
from search.models import SearchFacet, SearchPostings, SearchRecord
from search.query import SearchRequest, parse_query
from search.records import AttachmentPage, Record

pytestmark = pytest.mark.django_db

QUERIES = ["habitat", "coopérative d'habitants", '"habitat participatif"', "recyclerie -nantes", ""]


def archive():
    """Records with every part the engine writes: fields, authors, attachments, facets, dates, access keys."""
    found = []
    for n in range(12):
        found.append(
            Record(
                source=f"test:{n}",
                kind="practice" if n % 3 else "paper",
                title=f"Habitat participatif {n}" if n % 2 else f"Recyclerie numéro {n} à Nantes",
                url=f"/r/{n}/",
                date=datetime.date(2000 + n, 1 + n % 12, 1) if n % 4 else None,
                authors=[f"Autrice {n}"],
                abstract="Une coopérative d'habitants. " * (n % 3),
                keywords=["habitat", f"mot{n}"],
                body="L'habitat participatif en coopérative d'habitants. " * n + "x" * 101,
                attachments=[AttachmentPage(document_id=n, title="PDF", url="/d/", page=1, text="Recyclerie " * n)],
                poles=[f"pole-{n % 2}"],
                territories=["44109"] if n % 2 else ["49"],
                territory_scope=["44", "52"] if n % 2 else ["52"],
                themes=["logement"],
                tags=[f"tag-{n % 5}"],
                access="public" if n % 5 else "group:du",
            )
        )
    return found


def stored(engine):
    """Everything the engine holds, keyed by source rather than by record id (ids differ between writes)."""
    engine.merge()
    sources = dict(SearchRecord.objects.values_list("pk", "source"))
    records = {
        row["source"]: row
        for row in SearchRecord.objects.values(
            "source", "kind", "title", "url", "date", "access", "data", "fingerprint",
            "title_length", "abstract_length", "body_length", "attachments_length",
        )
    }  # fmt: skip
    facets = sorted(
        (sources[pk], facet, value)
        for pk, facet, value in SearchFacet.objects.values_list("record_id", "facet", "value")
    )
    terms = list(SearchPostings.objects.values_list("term", flat=True).distinct())
    with connection.cursor() as cursor:
        found = postings.read(cursor, terms)
    per_term = {
        term: [sorted((sources[int(i)], float(tf)) for i, tf in zip(ids, tfs, strict=True)) for ids, tfs in fields]
        for term, fields in found.items()
    }
    return records, facets, per_term


def answers(engine):
    result = []
    for q in QUERIES:
        request = SearchRequest(q=q, filters={}, page_size=100)
        found = engine.search(request, parse_query(q), Viewer.anonymous())
        result.append(([hit.record["source"] for hit in found.hits], found.total, found.facet_counts))
    return result


@pytest.fixture
def engine():
    engine = DatabaseEngine()
    engine.clear()
    return engine


def rebuild(engine, records, batch=5):
    builder = engine.begin_rebuild()
    for start in range(0, len(records), batch):
        builder.index(records[start : start + batch])
    builder.finish()


@pytest.mark.parametrize("flush_entries", [postings.Accumulator.FLUSH_ENTRIES, 50])
def test_a_rebuild_holds_the_same_records_facets_and_postings_as_indexing_one_by_one(
    engine, monkeypatch, flush_entries
):
    for item in archive():
        engine.index([item])
    expected, expected_answers = stored(engine), answers(engine)
    # 50 entries: the postings are written in several segments, then merged.
    monkeypatch.setattr(postings.Accumulator, "FLUSH_ENTRIES", flush_entries)
    rebuild(engine, archive())
    assert stored(engine) == expected
    assert answers(engine) == expected_answers


def test_a_rebuild_finds_phrases_and_titles_in_the_full_text_index(engine):
    rebuild(engine, archive())
    with connection.cursor() as cursor:
        ids = engine.dialect.phrase_ids(cursor, ["habitat", "participatif"])
    found = set(SearchRecord.objects.filter(pk__in=ids.tolist()).values_list("source", flat=True))
    assert found == {f"test:{n}" for n in range(12) if n % 2 or n > 0}
    suggested = engine.autocomplete("recycl", Viewer.anonymous())
    assert {title for title, _url, _kind in suggested} >= {"Recyclerie numéro 2 à Nantes"}


def test_a_search_before_the_columns_are_loaded_answers_as_one_after(engine):
    rebuild(engine, archive())
    loaded = answers(engine)
    columns.forget()
    shutil.rmtree(columns.snapshot_dir(), ignore_errors=True)
    assert answers(engine) == loaded


def test_a_fresh_process_maps_the_snapshot_then_applies_what_was_written_since(engine, monkeypatch):
    rebuild(engine, archive())
    engine.index([Record(source="test:new", kind="paper", title="Habitat léger", url="/new/")])
    engine.remove(["test:3"])
    expected = answers(engine)
    columns.forget()
    # Were the columns loaded from the database rather than from the snapshot, this would fail.
    monkeypatch.setattr(columns.Columns, "_reload", lambda *args: pytest.fail("full load instead of the snapshot"))
    assert answers(engine) == expected
    habitat = answers(engine)[0][0]
    assert "test:new" in habitat
    assert "test:3" not in habitat


def test_a_snapshot_of_a_change_no_longer_in_the_log_is_not_used(engine):
    rebuild(engine, archive())
    folder = columns.snapshot_dir()
    pointer = (folder / "current.json").read_text()
    engine.clear()
    engine.index([Record(source="test:other", kind="paper", title="Habitat autre", url="/o/")])
    (folder / "current.json").write_text(pointer.replace('"change": [', '"change": [999999'))
    columns.forget()
    assert answers(engine)[0][:2] == (["test:other"], 1)


def test_warming_up_loads_the_columns_before_the_first_search(engine):
    rebuild(engine, archive())
    columns.forget()
    columns.warm_up(background=False)
    assert columns.resident_bytes() > 0
    held = next(iter(columns._by_database.values()))
    assert int(np.count_nonzero(held.alive)) == 12
