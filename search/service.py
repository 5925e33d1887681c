"""The search service: one request in, one response out, whatever the engine."""

import logging
import re

from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from . import registry
from .access import Viewer
from .engines import get_engine
from .highlight import best_fragment
from .models import Synonym
from .query import (
    DEFAULT_PAGE_SIZE,
    FACETS,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_RESULT_WINDOW,
    SORTS,
    FacetValue,
    Hit,
    SearchRequest,
    SearchResponse,
    Snippet,
    analyse_synonyms,
    parse_query,
)
from .suggest import suggest

logger = logging.getLogger(__name__)

_VALUE = re.compile(r"^[\w.-]{1,120}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
MAX_FILTER_VALUES = 20
MAX_SNIPPETS = 3


def parse_params(params, strict=False):
    """A SearchRequest from GET parameters, and the French messages of what was wrong.

    Wrong values are replaced by defaults; `strict` callers (the API) refuse the request.
    """
    errors = []
    request = SearchRequest()
    q = _single(params, "q", errors)
    if "\ufffd" in q:
        # Django decodes bytes that are not UTF-8 as U+FFFD: what was typed there is lost.
        errors.append(_("La requête contient des caractères illisibles (pas en UTF-8) : ils sont ignorés."))
    q = _CONTROL.sub(" ", q)
    if len(q) > MAX_QUERY_LENGTH:
        errors.append(
            _("La requête dépasse %(max)d caractères ; seul le début est pris en compte.") % {"max": MAX_QUERY_LENGTH}
        )
        q = q[:MAX_QUERY_LENGTH]
    request.q = q.strip()
    for facet in FACETS:
        values = [v.strip() for v in params.getlist(facet) if v.strip()]
        good = [v for v in values if _VALUE.match(v) and (facet != "year" or re.fullmatch(r"\d{4}", v))]
        if len(good) != len(values):
            errors.append(_("Valeur de filtre invalide pour « %(facet)s » : ignorée.") % {"facet": facet})
        request.filters[facet] = list(dict.fromkeys(good))[:MAX_FILTER_VALUES]
    sort = _single(params, "sort", errors) or "relevance"
    if sort not in SORTS:
        errors.append(_("Tri inconnu « %(sort)s » : tri par pertinence.") % {"sort": sort[:30]})
        sort = "relevance"
    request.sort = sort
    request.page_size = _integer(params, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, errors)
    max_page = MAX_RESULT_WINDOW // request.page_size
    request.page = _integer(params, "page", 1, 1, max_page, errors)
    if errors:
        logger.info("search parameters rejected (%s): %s", "strict" if strict else "lenient", "; ".join(errors))
    return request, errors


def _single(params, name, errors):
    values = params.getlist(name)
    if len(values) > 1:
        errors.append(_("Le paramètre « %(name)s » est répété ; seule sa première valeur compte.") % {"name": name})
    return values[0] if values else ""


def _integer(params, name, default, low, high, errors):
    raw = _single(params, name, errors).strip()
    if not raw:
        return default
    if not re.fullmatch(r"-?\d{1,12}", raw):
        errors.append(_("« %(name)s » doit être un nombre entier.") % {"name": name})
        return default
    value = int(raw)
    if value < low or value > high:
        errors.append(
            _("« %(name)s » doit être compris entre %(low)d et %(high)d.") % {"name": name, "low": low, "high": high}
        )
        return min(max(value, low), high)
    return value


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
