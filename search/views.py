"""The search page (/recherche/) and the JSON API (/api/search/)."""

import logging

from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import service
from .access import Viewer
from .api import response_json
from .engines import get_database_engine, get_engine
from .engines.base import EngineError
from .openapi import OPENAPI

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


@require_GET
def search_page(request):
    search_request, errors = service.parse_params(request.GET)
    context = {"search_request": search_request, "errors": errors, "response": None}
    try:
        context["response"] = answer(search_request, Viewer.from_request(request))
    except (DatabaseError, EngineError):
        logger.exception("search failed for q=%r", search_request.q[:200])
        context["errors"] = [*errors, UNAVAILABLE]
    return render(request, "search/search_page.html", context)


@require_GET
def api_search(request):
    search_request, errors = service.parse_params(request.GET, strict=True)
    if errors:
        return JsonResponse(
            {"error": errors[0], "errors": errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    try:
        response = answer(search_request, Viewer.from_request(request))
    except (DatabaseError, EngineError):
        logger.exception("api search failed for q=%r", search_request.q[:200])
        return JsonResponse({"error": UNAVAILABLE}, status=503)
    return JsonResponse(response_json(response), json_dumps_params={"ensure_ascii": False})


@require_GET
def api_autocomplete(request):
    values = request.GET.getlist("q")
    if len(values) > 1 or len(values[0] if values else "") > 200:
        return JsonResponse({"error": _("Un seul paramètre « q » de 200 caractères au plus.")}, status=400)
    try:
        rows = titles_starting(values[0] if values else "", Viewer.from_request(request))
    except (DatabaseError, EngineError):
        logger.exception("autocomplete failed")
        return JsonResponse({"error": UNAVAILABLE}, status=503)
    return JsonResponse({"results": [{"title": t, "url": u, "kind": k} for t, u, k in rows]})


def api_openapi(request):
    return JsonResponse(OPENAPI, json_dumps_params={"ensure_ascii": False, "indent": 2})
