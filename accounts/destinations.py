"""Where a visitor sent to the sign-in page was going, and whether it is closed to them.

Wagtail sends anyone a page or document restriction refuses to the sign-in page with `next`;
the page then says why, rather than leave the visitor wondering.
"""

from urllib.parse import unquote, urlsplit

from django.http import Http404
from django.urls import Resolver404, resolve

from wagtail.documents import get_document_model
from wagtail.models import Site

from kb.visibility import may_open

DOCUMENT_VIEW = "wagtaildocs_serve"
# Longer than any page's URL path (Wagtail's url_path column holds 255 characters).
MAX_PATH = 255


def closed_to(request, next_url):
    """Whether `next_url` (already checked safe) is a page or document a sign-in restriction keeps from `request`."""
    if not next_url:
        return False
    path = unquote(urlsplit(next_url).path)
    if "\x00" in path or len(path) > MAX_PATH:
        # No page has such an address, and PostgreSQL refuses a NUL even in a lookup.
        return False
    restrictions = _document_restrictions(path)
    if restrictions is None:
        page = _page_at(request, path)
        restrictions = page.get_view_restrictions() if page is not None else []
    # A shared password is asked for on the page itself: signing in does not open it.
    restrictions = [r for r in restrictions if r.restriction_type != r.PASSWORD]
    return bool(restrictions) and not may_open(restrictions, request)


def _document_restrictions(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != DOCUMENT_VIEW:
        return None
    document = get_document_model().objects.filter(pk=match.args[0]).select_related("collection").first()
    return list(document.collection.get_view_restrictions()) if document else []


def _page_at(request, path):
    # Wagtail's own routing, without Page.find_for_request: that caches one route per request, and this
    # request is the sign-in page's.
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        return site.root_page.localized.specific.route(request, [part for part in path.split("/") if part]).page
    except Http404:
        return None
