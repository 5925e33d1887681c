"""The relevance suite behind `make relevance`: its measures, its judgements, and the ranking against plain BM25."""

import pytest

from search.engines import get_database_engine
from search.records import Record
from search.relevance import corpora
from search.relevance.evaluate import PlainBM25, by_source, evaluate, judged, scores

pytestmark = pytest.mark.django_db


def test_mrr_and_recall_at_10_count_the_first_relevant_item_and_every_relevant_one():
    rankings = [["a", "b", "c"], ["x", "y"], [str(n) for n in range(20)]]
    judgements = [{"b", "z"}, {"q"}, {"15"}]
    measured = scores(rankings, judgements)
    assert measured.mrr == pytest.approx((1 / 2 + 0 + 0) / 3)
    assert measured.recall == pytest.approx((1 / 2 + 0 + 0) / 3)


def test_plain_bm25_prefers_the_shorter_text_and_the_rarer_word():
    records = [
        Record(source="r:1", kind="page", title="Garage", url="/1/", body="garage solidaire " + "mot " * 50),
        Record(source="r:2", kind="page", title="Garage", url="/2/", body="garage solidaire"),
        Record(source="r:3", kind="page", title="Atelier", url="/3/", body="atelier vélo"),
    ]
    assert PlainBM25(records).ranking("garage solidaire") == ["r:2", "r:1"]


@pytest.mark.parametrize("name", ["questions", "keywords"])
def test_every_judged_source_is_in_its_corpus(name):
    records = corpora.passages() if name == "questions" else corpora.pages()
    sources = {record.source for record in records}
    assert len(sources) == len(records)
    for query in judged(name):
        assert query["q"].strip() and query["relevant"]
        assert set(query["relevant"]) <= sources, query["q"]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "corpus"), [("questions", corpora.passages), ("keywords", corpora.pages)])
def test_the_search_service_ranks_at_least_as_well_as_plain_bm25(name, corpus):
    project, baseline = evaluate(get_database_engine(), corpus(), by_source(name))
    print(f"{name}: MRR@10 {project.mrr:.3f} (BM25 {baseline.mrr:.3f}), recall@10 {project.recall:.3f}")
    assert project.mrr >= baseline.mrr
    assert project.recall >= baseline.recall - 0.02
