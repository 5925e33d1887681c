"""The database engine's own machinery: term postings and the columns each process keeps in memory.

The contract suite checks what a researcher sees; these tests check that the engine's two
derived structures stay true to the records through writes, merges, rollbacks and other processes.
"""

import datetime

import numpy as np
import pytest

from django.db import connection, transaction

from search.access import Viewer
from search.engines import columns, postings
from search.engines.database import DatabaseEngine
from search.models import SearchChange, SearchPostings, SearchRecord
from search.query import SearchRequest, parse_query
from search.records import Record

pytestmark = pytest.mark.django_db


def record(n, title, body="", **kwargs):
    return Record(source=f"test:{n}", kind="practice", title=title, url=f"/r/{n}/", body=body, **kwargs)


def search(engine, q="", **filters):
    request = SearchRequest(q=q, filters=filters, page_size=100)
    return engine.search(request, parse_query(q), Viewer())


def titles(result):
    return [hit.record["title"] for hit in result.hits]


@pytest.fixture
def engine():
    engine = DatabaseEngine()
    engine.clear()
    return engine


def test_packed_postings_read_back_as_they_were_written():
    per_field = [[3, 9], [], [1, 2, 2**32 - 1], [7]]
    frequencies = [[1, 4], [], [2, 1, 70_000], [3]]
    unpacked = postings.unpack_frequencies(postings.pack(per_field, frequencies))
    assert [ids.tolist() for ids, _tfs in unpacked] == per_field
    # Occurrences past 65,535 are capped: BM25 saturated long before.
    assert [tfs.tolist() for _ids, tfs in unpacked] == [[1, 4], [], [2, 1, 65_535], [3]]


def test_postings_written_before_occurrences_were_kept_count_one_each():
    header = np.array([2, 0, 1, 0], dtype="<u4").tobytes()
    old_format = header + np.array([3, 9, 5], dtype="<u4").tobytes()
    unpacked = postings.unpack_frequencies(old_format)
    assert [ids.tolist() for ids, _tfs in unpacked] == [[3, 9], [], [5], []]
    assert [tfs.tolist() for _ids, tfs in unpacked] == [[1, 1], [], [1], []]


def test_an_id_beyond_32_bits_is_refused_with_a_message():
    with pytest.raises(ValueError, match="hors de l'intervalle"):
        postings.pack([[2**32], [], [], []])


def test_a_record_lists_each_term_under_every_field_holding_it():
    terms = postings.record_terms(("cooperat habitant habitant", "habitant", "", "x" * 101 + " pdf"))
    assert terms == {"cooperat": [(0, 1)], "habitant": [(0, 2), (1, 1)], "pdf": [(3, 1)]}


def test_merging_folds_segments_into_one_row_per_term_and_drops_removed_records(engine):
    for n in range(5):
        engine.index([record(n, f"Recyclerie numéro {n}", body="Une ressourcerie.")], merge=False)
    engine.remove(["test:0"])
    assert SearchPostings.objects.filter(term="recycl").count() == 5
    engine.merge()
    rows = SearchPostings.objects.filter(term="recycl")
    assert rows.count() == 1
    live = sorted(SearchRecord.objects.values_list("pk", flat=True))
    assert postings.unpack(rows.get().data)[0].tolist() == live
    assert postings.unpack_frequencies(rows.get().data)[0][1].tolist() == [1.0] * len(live)
    assert sorted(titles(search(engine, "recyclerie"))) == [f"Recyclerie numéro {n}" for n in range(1, 5)]


def test_the_sync_merges_by_itself_once_enough_writes_have_piled_up(engine):
    for n in range(postings.MERGE_AFTER):
        engine.index([record(n, f"Garage solidaire {n}")])
    assert SearchPostings.objects.filter(term="garag").count() == 1
    assert len(titles(search(engine, "garage"))) == postings.MERGE_AFTER


def test_another_process_catches_up_with_writes_it_did_not_make(engine):
    """A second Columns stands for another process: it only sees the change log."""
    other = columns.Columns()
    engine.index([record(1, "Épicerie solidaire", date=datetime.date(2020, 1, 1), poles=["alimentation"])])
    with connection.cursor() as cursor:
        other.refresh(cursor)
    first = SearchRecord.objects.get().pk
    assert other.alive[first] and other.facets["pole"].counts(other.alive) == {"alimentation": 1}

    engine.index([record(1, "Épicerie solidaire", poles=["commerce"]), record(2, "Cantine", poles=["commerce"])])
    with connection.cursor() as cursor:
        other.refresh(cursor)
    assert not other.alive[first]
    assert other.facets["pole"].counts(other.alive) == {"commerce": 2}
    engine.remove(["test:2"])
    with connection.cursor() as cursor:
        other.refresh(cursor)
    assert other.facets["pole"].counts(other.alive) == {"commerce": 1}


def test_columns_reload_when_the_change_they_last_saw_was_rolled_back(engine):
    engine.index([record(1, "Tiers-lieu")])
    with transaction.atomic():
        engine.index([record(2, "Tiers-lieu rural")])
        assert len(search(engine, "tiers-lieu").hits) == 2
        transaction.set_rollback(True)
    # The number of the rolled-back change may be reused by another write (SQLite does).
    engine.index([record(3, "Fablab")])
    assert titles(search(engine, "tiers-lieu")) == ["Tiers-lieu"]
    assert titles(search(engine, "fablab")) == ["Fablab"]


def test_the_change_log_keeps_only_its_latest_rows(engine, monkeypatch):
    monkeypatch.setattr(columns, "KEEP_CHANGES", 3)
    for n in range(6):
        engine.index([record(n, f"Note {n}")])
    assert SearchChange.objects.count() <= 3
    # A process that had not seen the pruned rows reloads everything and misses nothing.
    assert len(search(engine, "note").hits) == 6


def test_phrases_are_matched_by_the_full_text_index_and_ranked_by_the_field_that_holds_them(engine):
    engine.index(
        [
            record(1, "Rapport", body="Le commerce équitable en ville."),
            record(2, "Commerce équitable", body="Un rapport."),
            record(3, "Équitable, le commerce ?", body="Le commerce reste équitable."),
        ]
    )
    assert titles(search(engine, '"commerce équitable"')) == ["Commerce équitable", "Rapport"]


def test_the_page_of_hits_is_sorted_among_all_matches_not_a_sample(engine):
    engine.index([record(n, f"Monnaie locale {n}", date=datetime.date(2000 + n, 1, 1)) for n in range(30)])
    request = SearchRequest(q="", filters={}, sort="oldest", page=3, page_size=10)
    result = engine.search(request, parse_query(""), Viewer())
    assert [hit.record["title"] for hit in result.hits] == [f"Monnaie locale {n}" for n in range(20, 30)]
    assert result.total == 30


def test_parse_ids_reads_what_the_database_aggregates():
    assert columns.parse_ids("3,1,2").tolist() == [3, 1, 2]
    assert columns.parse_ids(",".join(map(str, range(100)))).dtype == np.int64
    assert columns.parse_ids(None).tolist() == []


def test_highlighting_marks_every_form_of_a_word_at_its_place_in_the_original_text():
    from search.analysis import analyze
    from search.highlight import best_fragment, matching_spans

    text = "Le CŒUR des Coopératives, l'habitat et les ÉCONOMIES d'énergie ; cœurs."
    spans = matching_spans(text, set(analyze("cœur coopérative habitat économie")))
    assert [text[s:e] for s, e, _t in spans] == ["CŒUR", "Coopératives", "habitat", "ÉCONOMIES", "cœurs"]
    assert "<mark>Coopératives</mark>" in best_fragment(text, set(analyze("coopérative")))


def test_the_postings_find_exactly_what_the_full_text_index_finds(engine):
    engine.index(
        [
            record(1, "Coopératives d'habitants", body="L'habitat participatif à Nantes."),
            record(2, "Épicerie solidaire", body="Une coopérative de consommateurs.", abstract="Circuits courts."),
            record(3, "Habitat", body="Rénovation énergétique."),
        ]
    )
    engine.index([record(3, "Habitat rural", body="Rénovation énergétique des logements.")])  # rewritten
    engine.remove(["test:1"])
    for q in ("coopérative", "habitat participatif", '"habitat participatif"', "énergie logement", "circuits"):
        parsed = parse_query(q)
        assert engine.postings_match_count(parsed) == engine.match_count(parsed), q


def test_a_change_that_comes_round_again_after_a_reload_counts_once(engine):
    """A write committed between a reload's read of the change log and of the records is seen twice."""
    engine.index([record(1, "Atelier vélo", poles=["mobilite"])])
    other = columns.Columns()
    with connection.cursor() as cursor:
        other.refresh(cursor)
        last = SearchChange.objects.latest("pk")
        other._apply(cursor, last.added, last.removed)
    assert other.facets["pole"].counts(other.alive) == {"mobilite": 1}
