"""The list views: export of a search's results, the reader's selection, and the unAPI endpoint.

Each reads what the request may open now, with the search's own viewer (search.access.Viewer).
"""

import logging

from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.http import content_disposition_header
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from kb.addresses import next_path
from search import registry
from search.access import Viewer
from search.engines import get_database_engine
from search.engines.base import EngineError
from search.params import parse_params
from search.views import UNAVAILABLE

from . import selection as selections
from .formats import FORMATS, UnknownFormat, get_format
from .items import entry_key
from .lists import NOT_SEARCH_PARAMETERS, entries, result_items, stored_items
from .selection import NOTICE_KEY, Added, Selection, well_formed
from .unapi import formats_xml

logger = logging.getLogger(__name__)


def download(request, export_format, items, stem):
    """The file of `items` in `export_format`, named like « recherche-cooperative-2026-11-29.bib »."""
    base_url = request.build_absolute_uri("/")
    response = HttpResponse(export_format.render(entries(items, base_url)), content_type=export_format.content_type)
    filename = f"{stem}-{timezone.localdate().isoformat()}.{export_format.extension.lstrip('.')}"
    response.headers["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def refused(request, problems, format_links=(), status=400):
    """An HTML page saying why nothing was exported, with a link per format when only the format was wrong."""
    context = {"problems": problems, "format_links": format_links}
    return render(request, "citations/export_refused.html", context, status=status)


def format_links(request, path):
    """(label, address) of each format for the same request: what a page refusing an unknown format offers."""
    params = request.GET.copy()
    links = []
    for export_format in FORMATS.values():
        params.setlist("format", [export_format.name])
        links.append((export_format.label, f"{path}?{params.urlencode()}"))
    return links


def chosen_format(request, path):
    """(Format, None), or (None, the 400 page listing the formats) when the format is missing or unknown."""
    name = request.GET.get("format", "")
    try:
        return get_format(name), None
    except UnknownFormat:
        logger.info("export refused: unknown format %r", name[:40])
        problem = _("Format d’export inconnu : « %(name)s ».") % {"name": Truncator(name).chars(40)}
        if not name:
            problem = _("Aucun format d’export choisi.")
        return None, refused(request, [problem], format_links(request, path))


@require_GET
def export_results(request):
    """The first MAX_EXPORTED results of the search the parameters describe, as the search page orders them."""
    export_format, refusal = chosen_format(request, reverse("citations:export_results"))
    if refusal:
        return refusal
    params = request.GET.copy()
    for name in NOT_SEARCH_PARAMETERS:
        params.pop(name, None)
    search_request, problems = parse_params(params)
    if problems:
        return refused(request, [problem.refusal for problem in problems])
    viewer = Viewer.from_request(request)
    try:
        items = search_items(search_request, viewer)
    except (DatabaseError, EngineError):
        logger.exception("result export failed for q=%r", search_request.q[:200])
        return refused(request, [UNAVAILABLE], status=503)
    stem = "-".join(filter(None, ["recherche", slugify(search_request.q)[:50].strip("-")]))
    return download(request, export_format, items, stem)


def search_items(search_request, viewer):
    """The items to export; when a search server fails, from the database engine, as the search page does."""
    try:
        items, _total = result_items(search_request, viewer)
    except EngineError as error:
        logger.warning("search server failed, exporting from the database for q=%r: %s", search_request.q[:200], error)
        items, _total = result_items(search_request, viewer, engine=get_database_engine())
    return items


@require_GET
def selection_page(request):
    """The selected items the request may open, in the order added, with how many it no longer may."""
    selection = Selection(request.session)
    items, hidden = stored_items(selection.sources, Viewer.from_request(request))
    kinds = registry.vocabulary("kind")
    labels = {"kind": kinds.labels({item.kind for item in items}) if kinds else {}}
    context = {
        "items": items,
        "hidden": hidden,
        "labels": labels,
        "formats": FORMATS.values(),
        "limit": number(selections.MAX_SELECTION),
    }
    return render(request, "citations/selection.html", context)


@require_GET
def selection_export(request):
    """The selected items the request may open, in one format; the others are left out."""
    export_format, refusal = chosen_format(request, reverse("citations:selection_export"))
    if refusal:
        return refusal
    items, hidden = stored_items(Selection(request.session).sources, Viewer.from_request(request))
    if hidden:
        logger.info("selection export leaves out %d item(s) the request may not open", hidden)
    return download(request, export_format, items, "selection")


@require_POST
def selection_add(request):
    """Add an item the request may open; anything else is refused with the same message, existing or not."""
    source = request.POST.get("source", "")
    selection = Selection(request.session)
    found = stored_items([source], Viewer.from_request(request))[0] if well_formed(source) else []
    if not found:
        logger.info("selection: refused to add %r (malformed, unknown or not open to this request)", source[:80])
        message = _("Cet élément n’existe pas ou ne vous est pas accessible : il n’a pas été ajouté à la sélection.")
        return answer(request, selection, source, message, ok=False)
    title = found[0].title
    outcome = selection.add(source)
    if outcome is Added.FULL:
        logger.info("selection: full (%d items), %s not added", len(selection), source)
        message = _(
            "Votre sélection compte déjà %(limit)s éléments, le maximum : « %(title)s » n’y a pas été ajouté. "
            "Exportez-la ou retirez-en des éléments avant d’en ajouter d’autres."
        ) % {"limit": number(selections.MAX_SELECTION), "title": title}
        return answer(request, selection, source, message, ok=False)
    if outcome is Added.ALREADY:
        message = _("« %(title)s » est déjà dans votre sélection.") % {"title": title}
    else:
        message = _("« %(title)s » a été ajouté à votre sélection.") % {"title": title}
    return answer(request, selection, source, message)


@require_POST
def selection_remove(request):
    source = request.POST.get("source", "")
    selection = Selection(request.session)
    if not selection.remove(source):
        logger.info("selection: %r was not selected", source[:80])
        return answer(request, selection, source, _("Cet élément n’était pas dans votre sélection."), ok=False)
    found = stored_items([source], Viewer.from_request(request))[0]
    if found:
        message = _("« %(title)s » a été retiré de votre sélection.") % {"title": found[0].title}
    else:
        message = _("Un élément qui ne vous est plus accessible a été retiré de votre sélection.")
    return answer(request, selection, source, message)


@require_POST
def selection_clear(request):
    selection = Selection(request.session)
    count = len(selection)
    selection.clear()
    message = ngettext(
        "Votre sélection a été vidée (%(count)s élément retiré).",
        "Votre sélection a été vidée (%(count)s éléments retirés).",
        count,
    ) % {"count": number(count)}
    return answer(request, selection, "", message)


def answer(request, selection, source, message, ok=True):
    """What a selection form gets back: JSON for the script (a 400 when nothing was done), else a redirect
    to `next`, the message kept for the page it leads to."""
    if "application/json" in request.headers.get("Accept", ""):
        data = {"ok": ok, "message": message, "selected": source in selection, "count": len(selection)}
        return JsonResponse(data, status=200 if ok else 400, json_dumps_params={"ensure_ascii": False})
    request.session[NOTICE_KEY] = {"message": message, "ok": ok}
    return redirect(next_address(request))


def next_address(request):
    """Where the form came from, when it is an address of this site; else the selection page."""
    return next_path(request, reverse("citations:selection"))


def number(value):
    """« 1 000 »: French groups thousands, whatever USE_THOUSAND_SEPARATOR says."""
    return number_format(value, force_grouping=True)


@require_GET
def unapi(request):
    """unAPI: no id, the formats; an id, its formats (300); an id and a format, the item in it."""
    source, name = request.GET.get("id", ""), request.GET.get("format", "")
    if not source:
        if name:
            return HttpResponse(_("Paramètre « id » manquant."), status=400, content_type="text/plain; charset=utf-8")
        return HttpResponse(formats_xml(FORMATS.values()), content_type="application/xml")
    items = stored_items([source], Viewer.from_request(request))[0] if well_formed(source) else []
    if not items:
        logger.info("unapi: unknown or hidden id %r", source[:80])
        return HttpResponse(_("Identifiant inconnu."), status=404, content_type="text/plain; charset=utf-8")
    if not name:
        return HttpResponse(formats_xml(FORMATS.values(), source), status=300, content_type="application/xml")
    try:
        export_format = get_format(name)
    except UnknownFormat:
        logger.info("unapi: unknown format %r", name[:40])
        return HttpResponse(_("Format inconnu."), status=406, content_type="text/plain; charset=utf-8")
    return download(request, export_format, items, entry_key(source))
