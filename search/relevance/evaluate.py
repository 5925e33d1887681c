"""Measure the ranking on judged French queries, against plain BM25 computed on the same records.

Each set's records are indexed alone in the engine, and each query goes through the search
service exactly as `/api/search/` sends it; the baseline ranks the same records with textbook
BM25 over all their words (same French analysis, no fields, no synonyms, no question words).
"""

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..access import Viewer
from ..analysis import analyze
from ..query import SearchRequest
from ..service import search

JUDGEMENTS = Path(__file__).with_name("judgements")
CUTOFF = 10


@dataclass
class Scores:
    """MRR@10 and recall@10 of one ranking over one set of judged queries."""

    mrr: float
    recall: float
    queries: int


def judged(name):
    """The judged queries of a set: [{"q": ..., "relevant": [...]} or {"q": ..., "relevant_titles": [...]}]."""
    with (JUDGEMENTS / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def scores(rankings, judgements):
    """Mean reciprocal rank of the first relevant item in the top 10, and the share of relevant items there."""
    reciprocal, recall = [], []
    for ranking, relevant in zip(rankings, judgements, strict=True):
        top = ranking[:CUTOFF]
        first = next((rank for rank, source in enumerate(top, start=1) if source in relevant), None)
        reciprocal.append(1 / first if first else 0.0)
        recall.append(len(relevant & set(top)) / len(relevant))
    count = len(judgements)
    return Scores(mrr=sum(reciprocal) / count, recall=sum(recall) / count, queries=count)


def service_ranking(engine, q):
    """The sources of the first results the search service gives an anonymous reader."""
    response = search(SearchRequest(q=q, page_size=CUTOFF), Viewer.anonymous(), engine=engine)
    return [hit.id for hit in response.hits]


class PlainBM25:
    """Textbook BM25 (k1 = 1.2, b = 0.75) over every word of a record, fields merged: the baseline.

    Written here rather than taken from a library so that it reads the same analysed tokens
    as the engines (search.analysis), which is what makes the comparison about ranking alone.
    """

    def __init__(self, records, k1=1.2, b=0.75):
        self.sources = [record.source for record in records]
        self.k1, self.b = k1, b
        self.frequencies = [Counter(analyze(_all_text(record))) for record in records]
        self.lengths = [sum(counts.values()) for counts in self.frequencies]
        self.mean_length = sum(self.lengths) / max(1, len(self.lengths))
        self.df = Counter(term for counts in self.frequencies for term in counts)

    def ranking(self, q):
        terms = analyze(q)
        total = len(self.sources)
        scored = []
        for position, counts in enumerate(self.frequencies):
            score = 0.0
            norm = self.k1 * (1 - self.b + self.b * self.lengths[position] / self.mean_length)
            for term in terms:
                tf = counts.get(term)
                if tf:
                    idf = math.log(1 + (total - self.df[term] + 0.5) / (self.df[term] + 0.5))
                    score += idf * tf * (self.k1 + 1) / (tf + norm)
            if score > 0:
                scored.append((-score, position))
        scored.sort()
        return [self.sources[position] for _score, position in scored[:CUTOFF]]


def _all_text(record):
    attachments = " ".join(page.text for page in record.attachments)
    return " ".join([record.title, record.abstract, *record.authors, *record.keywords, record.body, attachments])


def evaluate(engine, records, queries):
    """(project, baseline) Scores of one set: `queries` are (q, set of relevant sources)."""
    engine.clear()
    engine.index(records)
    judgements = [relevant for _q, relevant in queries]
    project = scores([service_ranking(engine, q) for q, _relevant in queries], judgements)
    baseline_ranker = PlainBM25(records)
    baseline = scores([baseline_ranker.ranking(q) for q, _relevant in queries], judgements)
    return project, baseline


def by_source(name):
    return [(query["q"], set(query["relevant"])) for query in judged(name)]


def by_title(name, records):
    """Judgements that name items by title, resolved to the sources of the records holding those titles.

    Documents never count: a PDF is found through the page that attaches it.
    """
    sources = {}
    for record in records:
        if record.kind != "document":
            sources.setdefault(record.title, set()).add(record.source)
    resolved = []
    for query in judged(name):
        relevant = set().union(*(sources.get(title, set()) for title in query["relevant_titles"]))
        if relevant:
            resolved.append((query["q"], relevant))
    return resolved


def report(rows):
    """The table `make relevance` prints: rows are (set, records, project Scores, baseline Scores)."""
    lines = [
        f"{'jeu':<34}{'fiches':>7}{'requêtes':>10}{'MRR@10 projet':>15}{'BM25':>7}{'rappel@10 projet':>18}{'BM25':>7}",
    ]
    for name, count, project, baseline in rows:
        lines.append(
            f"{name:<34}{count:>7}{project.queries:>10}{project.mrr:>15.3f}{baseline.mrr:>7.3f}"
            f"{project.recall:>18.3f}{baseline.recall:>7.3f}"
        )
    return "\n".join(lines)
