"""The search page (/recherche/), and the answers with their fallback that it shares with the API (search.api)."""

import logging

from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import service
from .access import Viewer
from .engines import get_database_engine, get_engine
from .engines.base import EngineError
from .params import beyond_last_page, parse_params, unmatched_selections, window_pages

logger = logging.getLogger(__name__)
UNAVAILABLE = _("La recherche est momentanément indisponible. Réessayez dans un instant.")


def answer(search_request, viewer):
    """The service's response; when a search server fails, the database engine's, marked as a fallback."""
    try:
        return service.search(search_request, viewer)
    except EngineError as error:
        logger.warning("search server failed, answering from the database for q=%r: %s", search_request.q[:200], error)
        response = service.search(search_request, viewer, engine=get_database_engine())
        response.fallback = True
        return response


def titles_starting(prefix, viewer):
    """Autocomplete rows, from the database engine when a search server fails."""
    try:
        return get_engine().autocomplete(prefix, viewer)
    except EngineError as error:
        logger.warning("search server failed, autocomplete from the database: %s", error)
        return get_database_engine().autocomplete(prefix, viewer)


def answer_a_page(search_request, viewer):
    """The answer for the page asked; past the last page, the last page's, with why.

    Returns (response, BadParameter or None); `search_request.page` becomes the page answered.
    """
    asked = search_request.page
    search_request.page = min(asked, window_pages(search_request.page_size))
    response = answer(search_request, viewer)
    beyond = beyond_last_page(asked, response)
    if beyond:
        logger.info("search page %s is past the last (%s) for q=%r", asked, response.page_count, search_request.q[:200])
        if search_request.page != response.page_count:
            search_request.page = response.page_count
            response = answer(search_request, viewer)
    return response, beyond


# The facet panel ships at most this many values per facet, and per level of the territory tree: the rest,
# seldom chosen, cost every reader bytes (a search over the archive counts hundreds of tags and communes).
FACET_LIMIT = 12
# `?voir=tag` asks for every value of one facet.
SHOW_ALL = "voir"


def _has_selected(value):
    return value.selected or any(_has_selected(child) for child in value.children)


def trimmed(values):
    """The first FACET_LIMIT values of each level (selected ones always kept), and how many were left out."""
    kept = [value for rank, value in enumerate(values) if rank < FACET_LIMIT or _has_selected(value)]
    left_out = len(values) - len(kept)
    for value in kept:
        value.children, below = trimmed(value.children)
        left_out += below
    return kept, left_out


def slim_facets(request, response):
    """Trim the facets the reader did not ask to see whole; for each trimmed one, how many and the link to all."""
    asked = set(request.GET.getlist(SHOW_ALL))
    more = {}
    for facet, values in response.facets.items():
        if facet in asked:
            continue
        response.facets[facet], left_out = trimmed(values)
        if left_out:
            params = request.GET.copy()
            params.appendlist(SHOW_ALL, facet)
            more[facet] = {"count": left_out, "url": f"?{params.urlencode()}#filtres"}
    return more


@require_GET
def search_page(request):
    search_request, problems = parse_params(request.GET)
    notices = [problem.notice for problem in problems]
    context = {"search_request": search_request, "errors": notices, "response": None}
    try:
        response, beyond = answer_a_page(search_request, Viewer.from_request(request))
    except (DatabaseError, EngineError):
        logger.exception("search failed for q=%r", search_request.q[:200])
        context["errors"] = [*notices, UNAVAILABLE]
    else:
        if beyond:
            notices.append(beyond.notice)
        response.messages.extend(unmatched_selections(response))
        context["response"] = response
        context["more_values"] = slim_facets(request, response)
    return render(request, "search/search_page.html", context)
