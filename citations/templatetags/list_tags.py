"""Template helpers of result lists: the reader's selection (header link, hit buttons, notices) and COinS.

What a list shows of an item's citation comes from its stored record, read once per list (citations.lists).
"""

from django import template
from django.urls import reverse

from search.access import Viewer

from .. import lists
from ..coins import coins_span
from ..formats import FORMATS
from ..list_views import number
from ..lists import NOT_SEARCH_PARAMETERS, entries, stored_items
from ..selection import NOTICE_KEY, Selection

register = template.Library()


def _session(request):
    return getattr(request, "session", None) if request is not None else None


@register.simple_tag
def selection_sources(request):
    """The sources the reader has selected (hits show « Retirer de la sélection » for these)."""
    session = _session(request)
    return set(Selection(session).sources) if session is not None else set()


@register.inclusion_tag("citations/includes/selection_link.html")
def selection_link(request):
    """The header's « Sélection (N) » link."""
    session = _session(request)
    count = len(Selection(session)) if session is not None else 0
    current = request is not None and request.path == reverse("citations:selection")
    return {"count": number(count), "current": current}


@register.simple_tag
def selection_notice(request):
    """What the last selection form did ({"message", "ok"}), shown once on the page it came back to."""
    session = _session(request)
    return session.pop(NOTICE_KEY, None) if session is not None else None


@register.inclusion_tag("citations/includes/export_menu.html")
def export_menu(request, response):
    """« Exporter ces résultats »: a link per format to the export of the search on screen, its page aside."""
    params = request.GET.copy()
    for name in NOT_SEARCH_PARAMETERS:
        params.pop(name, None)
    links = []
    for export_format in FORMATS.values():
        params.setlist("format", [export_format.name])
        links.append((export_format, f"{reverse('citations:export_results')}?{params.urlencode()}"))
    return {"links": links, "capped": response.total > lists.MAX_EXPORTED, "limit": number(lists.MAX_EXPORTED)}


@register.simple_tag
def citation_entries(request, hits):
    """{source: CitationEntry} of a page of hits, read in one query, each checked against the request."""
    items, _hidden = stored_items([hit.id for hit in hits], _viewer(request))
    return {found.source: found_entry for found, found_entry in zip(items, entries(items, _base(request)), strict=True)}


@register.simple_tag
def coins(entries_by_source, source):
    """The COinS span of one listed item, nothing when its record is not there."""
    found = entries_by_source.get(source)
    return coins_span(found.item) if found else ""


@register.simple_tag
def page_coins(request, page):
    """The COinS span of an archive page in a listing, from its stored record (one query per card)."""
    source = getattr(page, "search_source", "")
    items, _hidden = stored_items([source], _viewer(request)) if source else ([], 0)
    return coins_span(entries(items, _base(request))[0].item) if items else ""


def _viewer(request):
    # A listing asks for each of its cards: the reader's groups are read once per request.
    if not hasattr(request, "_citations_viewer"):
        request._citations_viewer = Viewer.from_request(request)
    return request._citations_viewer


def _base(request):
    return request.build_absolute_uri("/")
