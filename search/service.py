"""The search service: one request in, one response out, whatever the engine."""

import logging
from dataclasses import replace

from django.utils.html import escape
from django.utils.text import Truncator

from . import registry
from .access import Viewer
from .engines import get_engine
from .highlight import best_fragment
from .models import Synonym
from .query import (
    FACETS,
    MAX_PAGE_SIZE,
    FacetValue,
    Hit,
    SearchResponse,
    Snippet,
    analyse_synonyms,
    parse_query,
)
from .suggest import suggest

logger = logging.getLogger(__name__)

MAX_SNIPPETS = 3


def synonyms():
    return analyse_synonyms([s.expression_list() for s in Synonym.objects.all()])


def search(request, viewer=None, engine=None):
    """Run a SearchRequest for a viewer (anonymous by default) and build the response."""
    viewer = viewer or Viewer.anonymous()
    engine = engine or get_engine()
    groups = synonyms()
    parsed = parse_query(request.q, groups)
    result = engine.search(request, parsed, viewer)
    hits = [_hit(h, parsed) for h in result.hits]
    response = SearchResponse(
        request=request,
        total=result.total,
        hits=hits,
        facets=build_facets(result.facet_counts, request.filters),
        engine=engine.name,
    )
    if request.q and result.total == 0:
        response.suggestion = suggest(request, engine, viewer, parsed, groups)
    return response


def ranked_sources(request, viewer=None, limit=1000, engine=None):
    """The sources of the first `limit` hits of a SearchRequest, in result order, and its total: what list exports read.

    Engines answer pages of at most MAX_PAGE_SIZE hits, as the search page asks; an export walks them.
    """
    viewer = viewer or Viewer.anonymous()
    engine = engine or get_engine()
    parsed = parse_query(request.q, synonyms())
    batch = replace(request, page=1, page_size=min(MAX_PAGE_SIZE, limit))
    sources, total = {}, 0
    while len(sources) < limit:
        result = engine.search(batch, parsed, viewer)
        total = total or result.total
        # A record edited between two pages may move into the next one: a dict keeps it once, in first place.
        sources.update((hit.record["source"], None) for hit in result.hits)
        if batch.offset + batch.page_size >= result.total or not result.hits:
            break
        batch.page += 1
    return list(sources)[:limit], total


def _hit(engine_hit, parsed):
    record = engine_hit.record
    snippets = engine_hit.snippets
    if snippets is None:
        snippets = record_snippets(record, parsed.highlight_tokens)
    return Hit(
        id=record["source"],
        kind=record["kind"],
        title=record["title"],
        url=record["url"],
        date=record["date"],
        snippets=snippets,
        poles=record["poles"],
        territories=record["territories"],
        themes=record["themes"],
        tags=record["tags"],
        authors=record["authors"],
        score=engine_hit.score,
    )


def record_snippets(record, tokens):
    """Highlighted fragments from the fields that matched, best field first; a PDF page links to itself."""
    snippets = [
        Snippet(field=field, html=html)
        for field in ("title", "abstract", "body")
        if (html := best_fragment(record.get(field) or "", tokens))
    ]
    for page in record.get("attachments") or []:
        if len(snippets) > MAX_SNIPPETS:
            break
        if html := best_fragment(page["text"], tokens):
            url = f"{page['url']}#page={page['page']}"
            snippets.append(Snippet(field="attachment", html=html, page=page["page"], url=url))
    if not any(s.field != "title" for s in snippets) and record.get("abstract"):
        snippets.append(Snippet(field="abstract", html=escape(Truncator(record["abstract"]).chars(180))))
    return snippets[: MAX_SNIPPETS + 1]


def build_facets(facet_counts, filters):
    facets = {}
    for facet in FACETS:
        counts = dict(facet_counts.get(facet, {}))
        selected = set(filters.get(facet, []))
        for value in selected:
            counts.setdefault(value, 0)
        vocabulary = registry.vocabulary(facet)
        labels = vocabulary.labels(counts) if vocabulary else {}
        values = [
            FacetValue(value=v, label=str(labels.get(v, v)), count=c, selected=v in selected) for v, c in counts.items()
        ]
        if facet == "territory" and vocabulary is not None:
            facets[facet] = territory_tree(values, vocabulary.parents(counts))
        else:
            order = (lambda fv: -int(fv.value)) if facet == "year" else (lambda fv: (-fv.count, fv.label.lower()))
            facets[facet] = sorted(values, key=order)
    return facets


def territory_tree(values, parents):
    """Nest counted territories under their nearest counted parent (région → département → EPCI → commune)."""
    by_value = {fv.value: fv for fv in values}
    roots = []
    for fv in values:
        parent = parents.get(fv.value)
        while parent and parent not in by_value:
            parent = parents.get(parent)
        (by_value[parent].children if parent else roots).append(fv)

    def order(nodes):
        nodes.sort(key=lambda fv: (-fv.count, fv.label.lower()))
        for node in nodes:
            order(node.children)
        return nodes

    return order(roots)
