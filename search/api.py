"""The JSON API: /api/search/, its autocomplete and its OpenAPI description (search/openapi.py).

A request the description allows is answered; one it does not gets a 400 that names the parameter, the
value and the form expected; another method than GET or HEAD a JSON 405 with `Allow`.
"""

import logging
from functools import wraps

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.db import DatabaseError
from django.http import JsonResponse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .access import Viewer
from .engines.base import EngineError
from .openapi import description
from .params import beyond_last_page, parse_params, parse_prefix, unknown_parameters, unmatched_selections, window_pages
from .query import FACETS

logger = logging.getLogger(__name__)
METHODS = ("GET", "HEAD")


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def endpoint(view):
    """An API view that answers GET and HEAD, and any other method with a JSON 405 and `Allow`.

    CSRF is exempted because Django's check runs before the view and would answer an HTML 403 to a POST;
    the exemption opens nothing: every method the check guards (POST, PUT, PATCH, DELETE) is refused here
    before anything is read or written, and GET and HEAD, the only ones served, are never checked anyway.
    """

    @csrf_exempt
    @wraps(view)
    def answer_or_refuse(request):
        if request.method not in METHODS:
            logger.info("api %s refused: method %s", request.path, request.method[:20])
            message = _("La méthode %(method)s n’est pas prise en charge : cette adresse répond à %(allowed)s.")
            response = _json({"error": message % {"method": request.method[:20], "allowed": " et ".join(METHODS)}}, 405)
            response["Allow"] = ", ".join(METHODS)
            return response
        try:
            request.GET  # noqa: B018 (Django reads the query string lazily, and refuses too many fields then)
        except TooManyFieldsSent:
            return _too_many_fields()
        return view(request)

    return answer_or_refuse


def _too_many_fields():
    limit = number_format(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS, force_grouping=True)
    logger.info("api request refused: more than %s parameters", limit)
    message = _("La requête compte plus de %(max)s paramètres ; %(max)s au plus sont lus.") % {"max": limit}
    return _json({"error": message, "errors": [message], "details": []}, 400)


def _labelled(values, labels):
    return [{"value": v, "label": labels.get(v, v)} for v in values]


def facet_json(value):
    data = {"value": value.value, "label": value.label, "count": value.count}
    if value.selected:
        data["selected"] = True
    if value.children:
        data["children"] = [facet_json(child) for child in value.children]
    return data


def _labels(response):
    """Labels of every value the hits name, from the facets already computed for this response."""
    labels = {facet: {} for facet in FACETS}

    def walk(facet, values):
        for value in values:
            labels[facet][value.value] = value.label
            walk(facet, value.children)

    for facet, values in response.facets.items():
        walk(facet, values)
    return labels


def response_json(response):
    labels = _labels(response)
    return {
        "total": response.total,
        "page": response.request.page,
        "page_size": response.request.page_size,
        "page_count": response.page_count,
        "engine": response.engine,
        "fallback": response.fallback,
        "hits": [
            {
                "id": hit.id,
                "kind": hit.kind,
                "title": hit.title,
                "url": hit.url,
                "date": hit.date,
                "authors": hit.authors,
                "snippets": [{"field": s.field, "html": s.html, "page": s.page, "url": s.url} for s in hit.snippets],
                "poles": _labelled(hit.poles, labels["pole"]),
                "territories": _labelled(hit.territories, labels["territory"]),
                "themes": _labelled(hit.themes, labels["theme"]),
                "tags": _labelled(hit.tags, labels["tag"]),
            }
            for hit in response.hits
        ],
        "facets": {facet: [facet_json(v) for v in values] for facet, values in response.facets.items()},
        "suggestion": response.suggestion,
        "messages": [str(message) for message in response.messages],
    }


def refusal(problems):
    """A 400 that says, for each wrong parameter, its value, what was wrong and the form expected."""
    reasons = [problem.refusal for problem in problems]
    data = {
        "error": _("Requête refusée, aucun résultat renvoyé. %(reasons)s") % {"reasons": " ".join(reasons)},
        "errors": reasons,
        "details": [problem.as_json() for problem in problems],
    }
    return _json(data, 400)


def _unavailable(what):
    # search.views imports this module (response_json): its names are read when a request comes.
    from .views import UNAVAILABLE

    logger.exception("api %s failed", what)
    return _json({"error": str(UNAVAILABLE)}, 503)


@endpoint
def search(request):
    """The search; a page past the last one (or past the 10,000 results engines page through) has no hits."""
    from .views import answer

    search_request, problems = parse_params(request.GET, strict=True)
    if problems:
        return refusal(problems)
    asked = search_request.page
    search_request.page = min(asked, window_pages(search_request.page_size))
    try:
        response = answer(search_request, Viewer.from_request(request))
    except (DatabaseError, EngineError):
        return _unavailable(f"search for q={search_request.q[:200]!r}")
    beyond = beyond_last_page(asked, response)
    if beyond:
        logger.info("api search: page %s is past the last (%s), answered empty", asked, response.page_count)
        response.hits = []
        response.request.page = asked
        response.messages.append(_("%(problem)s.") % {"problem": beyond.problem})
    response.messages.extend(unmatched_selections(response))
    response.messages.extend(
        _("Paramètre inconnu « %(name)s » : ignoré.") % {"name": name} for name in unknown_parameters(request.GET)
    )
    return _json(response_json(response))


@endpoint
def autocomplete(request):
    from .views import titles_starting

    prefix, problems = parse_prefix(request.GET)
    if problems:
        return refusal(problems)
    try:
        rows = titles_starting(prefix, Viewer.from_request(request))
    except (DatabaseError, EngineError):
        return _unavailable("autocomplete")
    return _json({"results": [{"title": t, "url": u, "kind": k} for t, u, k in rows]})


@endpoint
def openapi(request):
    return JsonResponse(description(), json_dumps_params={"ensure_ascii": False, "indent": 2})
