"""The searches the Elasticsearch engine sends, and how their answers become the service's EngineResult.

Every query word arrives analysed (ParsedQuery): it is matched as it is on the token fields,
through the `kb_tokens` analyzer that only splits on spaces. Every search is built for a
list of access keys the viewer may open and filters on them in its query, so that hits,
totals, facet counts, suggestions and autocomplete never see anything else.
"""

from dataclasses import dataclass

from elasticsearch.dsl import Q, Search

from django.utils.html import escape
from django.utils.text import Truncator

from ...highlight import WINDOW
from ...query import FACETS, MAX_RESULT_WINDOW, Snippet
from ..base import EngineHit, EngineResult
from ..database import WEIGHTS
from .mapping import RECORD_FIELDS

# title > abstract, authors and keywords > body > attachments, as the database engine weighs them.
# Elasticsearch adds up each field's own BM25 (Lucene, k1 1.2, b 0.75) where the database engine
# sums the weighted occurrences before saturating them (BM25F): the same order on the contract
# suite, not the same scores.
_TITLE, _ABSTRACT, _BODY, ATTACHMENT_WEIGHT = WEIGHTS
WEIGHTED_FIELDS = (f"tokens.title^{_TITLE:g}", f"tokens.abstract^{_ABSTRACT:g}", f"tokens.body^{_BODY:g}")
ATTACHMENT_FIELD = "attachments.tokens"
FACET_FIELDS = {
    "kind": "kind",
    "pole": "poles",
    "territory": "territory",
    "theme": "themes",
    "year": "year",
    "tag": "tags",
}
# Every value is counted, as on the database engine; the sizes stay under search.max_buckets (65,536).
FACET_SIZES = {"kind": 100, "pole": 1000, "territory": 10_000, "theme": 1000, "year": 1000, "tag": 20_000}
SNIPPET_FIELDS = ("title", "abstract", "body")
# As search.service: up to three snippets besides the title's.
MAX_SNIPPETS = 3
PAGES = "pages"
SUGGESTION = "did_you_mean"
# Highlights come back between these marks, unescaped; the engine escapes the text as the
# database engine does (django.utils.html.escape) before turning the marks into <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"
ACCESS_KEYS_SIZE = 10_000


@dataclass
class ElasticsearchResult(EngineResult):
    """An EngineResult with the suggester's correction, when the cluster offered one the viewer may use."""

    suggestion: str = ""


def alternative_query(tokens, fields):
    """One alternative of a clause, a word or a phrase, on weighted fields (fields add up)."""
    return Q(
        "multi_match", query=" ".join(tokens), fields=list(fields), type="phrase", analyzer="kb_tokens", tie_breaker=1.0
    )


def clause_query(clause, fields):
    """A clause matches when any of its alternatives (synonyms included) does; its weight scales its score."""
    alternatives = [alternative_query(tokens, fields) for tokens in clause.alternatives]
    query = alternatives[0] if len(alternatives) == 1 else Q("bool", should=alternatives)
    if clause.weight != 1:
        query = Q("bool", should=[query], boost=clause.weight)
    return query


def attachments_query(clauses, **options):
    """Clauses that match on a page of an attached document, weighed as the database engine weighs attachments."""
    return Q(
        "nested",
        path="attachments",
        query=Q("bool", should=[clause_query(c, [ATTACHMENT_FIELD]) for c in clauses]),
        boost=ATTACHMENT_WEIGHT,
        **options,
    )


def text_query(parsed, tokens=None):
    """Records that match at least one clause; more clauses matched, higher score. `tokens`: highlight pages."""
    options = {"score_mode": "max"}
    if tokens:
        options["inner_hits"] = pages_inner_hits(tokens)
    return Q(
        "bool",
        should=[
            *(clause_query(c, WEIGHTED_FIELDS) for c in parsed.should),
            attachments_query(parsed.should, **options),
        ],
        minimum_should_match=1,
    )


def exclusions(parsed):
    unweighted = [field.partition("^")[0] for field in WEIGHTED_FIELDS]
    return [Q("bool", should=[clause_query(c, unweighted), attachments_query([c])]) for c in parsed.must_not]


def record_query(parsed, allowed, tokens=None):
    """The text query, the exclusions and the permission filter: what hits and facet counts share."""
    return Q(
        "bool",
        must=[] if parsed.is_empty else [text_query(parsed, tokens)],
        filter=[Q("terms", access=list(allowed))],
        must_not=exclusions(parsed),
    )


def facet_filter(facet, values):
    return Q("terms", **{FACET_FIELDS[facet]: list(values)})


# Ties read by title, as on the database engine, whatever order the records were written in.
BY_TITLE = ({"title.sort": "asc"}, {"source": "asc"})


def sort_order(sort):
    return {
        "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}, *BY_TITLE],
        "newest": [{"date": {"order": "desc", "missing": "_last"}}, *BY_TITLE],
        "oldest": [{"date": {"order": "asc", "missing": "_last"}}, *BY_TITLE],
    }[sort]


def highlight_query(field, tokens):
    """Mark every word whose token is one of the query's, as the database engine's snippets do."""
    return Q("terms", **{field: sorted(tokens)}).to_dict()


def pages_inner_hits(tokens):
    """The pages that matched, in the record's order, with their highlighted text."""
    return {
        "name": PAGES,
        "size": MAX_SNIPPETS + 1,
        "sort": [{"attachments.position": "asc"}],
        "highlight": {
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            "encoder": "default",
            "fields": {
                "attachments.text": {
                    "type": "unified",
                    "fragment_size": WINDOW,
                    "number_of_fragments": 1,
                    "highlight_query": highlight_query("attachments.text", tokens),
                }
            },
        },
    }


def records_search(request, parsed, allowed):
    """The one request of a search: hits, total, per-facet counts, highlights and a suggestion."""
    filters = {facet: values for facet, values in request.filters.items() if values}
    tokens = parsed.highlight_tokens
    start = min(request.offset, MAX_RESULT_WINDOW)
    end = min(request.offset + request.page_size, MAX_RESULT_WINDOW)
    search = (
        Search()
        .query(record_query(parsed, allowed, tokens))
        .sort(*sort_order(request.effective_sort(parsed)))
        .source(excludes=["attachments.text"])
        .extra(track_total_hits=True)[start:end]
    )
    if filters:
        search = search.post_filter("bool", filter=[facet_filter(f, v) for f, v in filters.items()])
    for facet in FACETS:
        others = [facet_filter(f, v) for f, v in filters.items() if f != facet]
        counted = search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others) if others else Q("match_all"))
        counted.bucket("values", "terms", field=FACET_FIELDS[facet], size=FACET_SIZES[facet])
    if tokens:
        search = search.highlight_options(
            type="unified", pre_tags=[MARK_START], post_tags=[MARK_END], encoder="default", fragment_size=WINDOW
        )
        for field in SNIPPET_FIELDS:
            whole = {"number_of_fragments": 0} if field == "title" else {"number_of_fragments": 1}
            search = search.highlight(field, highlight_query=highlight_query(field, tokens), **whole)
    if request.q and not parsed.is_empty:
        search = search.suggest(SUGGESTION, request.q, phrase=phrase_suggester(allowed))
    return search


def phrase_suggester(allowed):
    """'Did you mean', from the words of the titles; only a correction that finds something the viewer may open."""
    return {
        "field": "title.shingles",
        "size": 1,
        "gram_size": 3,
        "max_errors": 2,
        "direct_generator": [{"field": "title.shingles", "suggest_mode": "always", "min_word_length": 4}],
        "collate": {
            "query": {
                "source": {
                    "bool": {
                        "must": {"multi_match": {"query": "{{suggestion}}", "fields": ["title", "abstract", "body"]}},
                        "filter": {"terms": {"access": list(allowed)}},
                    }
                }
            },
            "prune": False,
        },
    }


def count_search(parsed):
    """The bare full-text match, no permission, facets or snippets: the engine's floor in `make bench`."""
    return Search().query(text_query(parsed)).extra(track_total_hits=True, size=0)


def autocomplete_search(words, allowed, limit):
    """Titles holding every typed word, the last one as a prefix, best first then newest."""
    return (
        Search()
        .query(
            "bool",
            must=[
                Q(
                    "multi_match",
                    query=" ".join(words),
                    type="bool_prefix",
                    operator="and",
                    fields=["title.autocomplete", "title.autocomplete._2gram", "title.autocomplete._3gram"],
                )
            ],
            filter=[Q("terms", access=list(allowed))],
        )
        .sort("_score", {"date": {"order": "desc", "missing": "_last"}})
        .source(["title", "url", "kind"])[:limit]
    )


def access_keys_search():
    search = Search().extra(size=0)
    search.aggs.bucket("access", "terms", field="access", size=ACCESS_KEYS_SIZE)
    return search


# Reading answers


def result(response, parsed):
    """The EngineResult of a records_search answer."""
    hits = []
    for hit in response.hits:
        record = hit_record(hit)
        snippets = None if parsed.is_empty else hit_snippets(hit, record)
        hits.append(EngineHit(record=record, score=float(hit.meta.score or 0.0), snippets=snippets))
    aggregations = response.aggregations
    facet_counts = {
        facet: {str(bucket.key): bucket.doc_count for bucket in aggregations[facet]["values"].buckets}
        for facet in FACETS
    }
    return ElasticsearchResult(
        total=response.hits.total.value, hits=hits, facet_counts=facet_counts, suggestion=suggestion(response)
    )


def hit_record(hit):
    """The record as Record.as_json() gives it; attachment pages come without their text (the snippets stand for it)."""
    source = hit.to_dict()
    record = {name: source.get(name) for name in RECORD_FIELDS}
    for name in ("authors", "keywords", "poles", "territories", "territory_scope", "themes", "tags"):
        record[name] = record[name] or []
    record["attachments"] = [
        {"document_id": p["document_id"], "title": p["title"], "url": p["url"], "page": p["page"], "text": ""}
        for p in source.get("attachments") or []
    ]
    return record


def hit_snippets(hit, record):
    """The highlighted fields, then the pages that matched, as search.service.record_snippets orders them."""
    highlight = highlights(hit)
    snippets = [
        Snippet(field=field, html=marked_html(highlight[field][0], record.get(field) or ""))
        for field in SNIPPET_FIELDS
        if field in highlight
    ]
    inner_hits = getattr(hit.meta, "inner_hits", {})
    pages = inner_hits[PAGES].hits if PAGES in inner_hits else []
    for page in pages:
        if len(snippets) > MAX_SNIPPETS:
            break
        fragments = highlights(page).get("attachments.text")
        if fragments:
            snippets.append(
                Snippet(
                    field="attachment",
                    html=marked_html(fragments[0], page.text),
                    page=page.page,
                    url=f"{page.url}#page={page.page}",
                )
            )
    if not any(s.field != "title" for s in snippets) and record.get("abstract"):
        snippets.append(Snippet(field="abstract", html=escape(Truncator(record["abstract"]).chars(WINDOW))))
    return snippets[: MAX_SNIPPETS + 1]


def highlights(hit):
    """{field: [fragments]} of a hit or an inner hit."""
    return hit.meta.highlight.to_dict() if "highlight" in hit.meta else {}


def marked_html(fragment, text):
    """A highlighted fragment as the database engine renders one: escaped, <mark>ed, '…' where text is cut."""
    html = escape(fragment).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    html = " ".join(html.split())
    plain = " ".join(fragment.replace(MARK_START, "").replace(MARK_END, "").split())
    flat = " ".join(text.split())
    start = flat.find(plain)
    if start < 0:
        return html
    return ("… " if start > 0 else "") + html + (" …" if start + len(plain) < len(flat) else "")


def suggestion(response):
    suggest = getattr(response, "suggest", None)
    if not suggest or SUGGESTION not in suggest:
        return ""
    # The collate query already dropped the corrections that find nothing for this viewer (prune: false).
    options = [option for entry in suggest[SUGGESTION] for option in entry.options]
    return options[0].text if options else ""


def autocomplete_rows(response):
    return [(hit.title, hit.url, hit.kind) for hit in response.hits]


def access_keys(response):
    return [bucket.key for bucket in response.aggregations.access.buckets]
