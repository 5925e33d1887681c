"""The feed addresses of a listing page, for its autodiscovery links and its « S'abonner » links.

A listing shown with filters (pole, theme, territory, tag, year; a query on the search page) is followed
with the same filters, minus the one its feed address already fixes.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from taggit.models import Tag

from kb.models import FilterableIndexPage, HomePage, Pole, PoleSectionPage, Territory, Theme
from search.query import FACETS, SearchRequest
from studydays.models import StudyDayIndexPage

from .scopes import CLOSED_KINDS, describe, index_kind


@dataclass(frozen=True)
class FeedLinks:
    """The RSS and Atom addresses of a listing, its calendar's when it lists study days, and its title."""

    title: str
    rss: str
    atom: str
    calendar: str = ""


def feed_links(source, filters=None):
    """The FeedLinks of what a listing shows (a page, a taxonomy object or a SearchRequest), or None."""
    if isinstance(source, SearchRequest):
        return _links("search", {}, _search_title(source), _search_filters(source))
    found = _route(source)
    if found is None:
        return None
    name, kwargs, title, fixed = found
    filters = filters or {}
    chosen = {facet: [value] for facet, value in filters.items() if facet in FACETS and value and facet != fixed}
    links = _links(name, kwargs, title, chosen)
    if isinstance(source, StudyDayIndexPage):
        links = FeedLinks(links.title, links.rss, links.atom, reverse("feeds:study_days_calendar"))
    return links


def _route(source):
    """(route name, its kwargs, the listing's title, the facet the route fixes) for a listing, or None."""
    if isinstance(source, HomePage):
        return "latest", {}, _("Dernières entrées de l’archive"), None
    if isinstance(source, PoleSectionPage):
        return "pole", {"key": source.pole.slug}, source.title, "pole"
    if isinstance(source, FilterableIndexPage):
        kind = index_kind(type(source))
        if kind is None or kind in CLOSED_KINDS:
            return None
        return "kind", {"key": kind}, source.title, "kind"
    for model, name, facet in ((Pole, "pole", "pole"), (Theme, "theme", "theme"), (Tag, "tag", "tag")):
        if isinstance(source, model):
            return name, {"key": source.slug}, source.name, facet
    if isinstance(source, Territory):
        return "territory", {"key": source.key}, source.name, "territory"
    return None


def _search_filters(search_request):
    filters = {facet: values for facet, values in search_request.filters.items() if values}
    return {"q": [search_request.q], **filters} if search_request.q else filters


def _search_title(search_request):
    if search_request.q:
        return _("Recherche « %(q)s »") % {"q": search_request.q}
    return _("Recherche dans l’archive")


def _links(name, kwargs, title, filters):
    query = urlencode(filters, doseq=True)
    described = describe({facet: values for facet, values in filters.items() if facet != "q"})
    if described:
        title = f"{title} ({described})"
    rss, atom = (reverse(f"feeds:{name}", kwargs={**kwargs, "fmt": fmt}) for fmt in ("rss", "atom"))
    return FeedLinks(title, f"{rss}?{query}" if query else rss, f"{atom}?{query}" if query else atom)
