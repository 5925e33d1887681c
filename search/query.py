"""The search request, its parsed query and the response, whatever the engine."""

import datetime
import re
from dataclasses import dataclass, field

from .analysis import analyze, analyzed_words

FACETS = ("kind", "pole", "territory", "theme", "year", "tag")
SORTS = ("relevance", "newest", "oldest")
MAX_QUERY_LENGTH = 500
MAX_CLAUSES = 32
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_RESULT_WINDOW = 10_000

# The words a French question is built with, folded. Interrogatives say what kind of answer is
# wanted, not what it is about: a question drops them when it has other words. Auxiliary and
# modal verbs carry little of the subject: they still count, at a fraction of a content word.
QUESTION_WORDS = frozenset(
    """
    quel quelle quels quelles lequel laquelle lesquels lesquelles auquel auxquels auxquelles duquel desquels
    desquelles comment pourquoi combien quand quoi
    """.split()
)
AUXILIARY_WORDS = frozenset(
    """
    peut peuvent pouvoir pourrait pourraient puis pouvez pouvons peux doit doivent devoir dois devez devons
    devrait devraient faut falloir faudrait faire fait font faites fais existe existent exister
    avoir etre sera seront ete
    """.split()
)
AUXILIARY_WEIGHT = 0.3


@dataclass
class SearchRequest:
    q: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def effective_sort(self, parsed):
        if self.sort == "relevance" and parsed.is_empty:
            return "newest"
        return self.sort


@dataclass
class Clause:
    """Alternatives that satisfy one part of the query; each is a token sequence (a phrase if longer than one).

    `weight` scales what the clause adds to the score: below 1 for the verbs a question is built on.
    """

    alternatives: list
    weight: float = 1.0

    @property
    def tokens(self):
        return {token for alternative in self.alternatives for token in alternative}


@dataclass
class ParsedQuery:
    should: list = field(default_factory=list)
    must_not: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.should

    @property
    def highlight_tokens(self):
        return {token for clause in self.should for token in clause.tokens}

    @property
    def phrases(self):
        return [alt for clause in self.should for alt in clause.alternatives if len(alt) > 1]


_PART = re.compile(r'(-?)"([^"]*)"|(-?)([^\s"]+)')


def parse_query(text, synonyms=()):
    """Split a query into clauses: "phrases", -exclusions and words, expanded with synonyms.

    Unbalanced quotes are dropped; engine syntax (AND, *, :, parentheses) is plain text
    since only analysed tokens ([0-9a-z]+) ever reach an engine.
    """
    text = (text or "")[:MAX_QUERY_LENGTH]
    if text.count('"') % 2:
        text = text.replace('"', " ")
    parsed = ParsedQuery()
    loose = []
    for match in _PART.finditer(text):
        negated = bool(match.group(1) or match.group(3))
        if match.group(2) is not None:
            tokens = tuple(analyze(match.group(2)))
            if tokens:
                target = parsed.must_not if negated else parsed.should
                target.append(_expand_phrase(tokens, synonyms))
        elif negated:
            parsed.must_not.extend(Clause([(t,)]) for t in analyze(match.group(4)))
        else:
            loose.extend(_weighted_tokens(match.group(4)))
    if any(weight > 0 for _token, weight in loose) or parsed.should:
        loose = [(token, weight) for token, weight in loose if weight > 0]
    parsed.should.extend(_expand_words(loose, synonyms))
    parsed.should = _dedupe(parsed.should)[:MAX_CLAUSES]
    parsed.must_not = _dedupe(parsed.must_not)[:MAX_CLAUSES]
    return parsed


def analyse_synonyms(groups):
    """Token sequences of each synonym group: [[('ess',), ('econom', 'social', 'solidair')], ...]."""
    analysed = []
    for group in groups:
        expressions = [tuple(analyze(expression)) for expression in group]
        expressions = [e for e in dict.fromkeys(expressions) if e]
        if len(expressions) > 1:
            analysed.append(expressions)
    return analysed


def _expand_phrase(tokens, synonyms):
    for group in synonyms:
        if tokens in group:
            return Clause(list(group))
    return Clause([tokens])


def _weighted_tokens(text):
    """(token, weight) of each word: 1 for a content word, AUXILIARY_WEIGHT for an auxiliary verb,
    0 for an interrogative (dropped unless the query has nothing else)."""
    weighted = []
    for word, token in analyzed_words(text):
        if not token:
            continue
        if word in QUESTION_WORDS:
            weighted.append((token, 0.0))
        elif word in AUXILIARY_WORDS:
            weighted.append((token, AUXILIARY_WEIGHT))
        else:
            weighted.append((token, 1.0))
    return weighted


def _expand_words(weighted, synonyms):
    tokens = [token for token, _weight in weighted]
    clauses, i = [], 0
    while i < len(tokens):
        group, length = _longest_synonym_at(tokens, i, synonyms)
        if group:
            clauses.append(Clause(list(group)))
            i += length
        else:
            clauses.append(Clause([(tokens[i],)], weight=weighted[i][1] or 1.0))
            i += 1
    return clauses


def _longest_synonym_at(tokens, start, synonyms):
    best, best_length = None, 0
    for group in synonyms:
        for expression in group:
            length = len(expression)
            if length > best_length and tuple(tokens[start : start + length]) == expression:
                best, best_length = group, length
    return best, best_length


def _dedupe(clauses):
    seen, unique = set(), []
    for clause in clauses:
        key = tuple(sorted(clause.alternatives))
        if key not in seen:
            seen.add(key)
            unique.append(clause)
    return unique


@dataclass
class Snippet:
    field: str
    html: str
    page: int | None = None
    url: str = ""


@dataclass
class Hit:
    id: str
    kind: str
    title: str
    url: str
    date: datetime.date | None
    snippets: list
    poles: list
    territories: list
    themes: list
    tags: list
    authors: list = field(default_factory=list)
    score: float = 0.0


@dataclass(slots=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    children: list = field(default_factory=list)


@dataclass
class SearchResponse:
    request: SearchRequest
    total: int
    hits: list
    facets: dict
    suggestion: str = ""
    engine: str = "database"
    fallback: bool = False
    messages: list = field(default_factory=list)

    @property
    def page_count(self):
        return max(1, -(-min(self.total, MAX_RESULT_WINDOW) // self.request.page_size))
