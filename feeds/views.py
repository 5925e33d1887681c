"""Feeds, calendars, robots.txt and the sitemap: thin views over feeds.scopes, feeds.entries and feeds.calendar.

A wrong address gets a French page that says what was wrong (404 for an unknown listing, 400 for bad
parameters) and a log line, never a 500 nor an empty feed that would look as if nothing was ever published.
"""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Site

from search.engines.base import EngineError
from search.params import parse_params
from search.query import FACETS
from search.views import UNAVAILABLE

from . import calendar, scopes
from .entries import newest_entries
from .sitemaps import SITEMAPS
from .syndication import FEEDS, FollowedListing

logger = logging.getLogger(__name__)
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def refusal(request, status, messages):
    """The page a person reads when a feed or calendar address is wrong; feed readers get its status."""
    logger.info("feed refused (%s) %s: %s", status, request.get_full_path()[:300], " | ".join(messages))
    return render(request, "feeds/refused.html", {"reasons": messages, "status": status}, status=status)


@require_GET
def feed(request, scope, fmt, key=None):
    """RSS or Atom of one listing (`scope`, `key`), further filtered by the search parameters in the query string."""
    params = request.GET.copy()
    for name in list(params):
        if name not in ("q", *FACETS):
            del params[name]  # sort, page, page_size and trackers: a feed is the newest items, always
    search_request, problems = parse_params(params)
    if problems:
        return refusal(request, 400, [problem.refusal for problem in problems])
    try:
        listing = _scope(request, scope, key, search_request.q)
    except scopes.UnknownListing as unknown:
        return refusal(request, 404, [str(unknown)])
    fixed = [facet for facet in listing.filters if search_request.filters.get(facet)]
    if fixed:
        message = _("Ce flux suit déjà un seul « %(facet)s » : retirez ce paramètre de l’adresse.")
        return refusal(request, 400, [message % {"facet": facet} for facet in fixed])
    listing = listing.narrowed(search_request.filters)
    try:
        entries = newest_entries(search_request.q, listing.filters)
    except (DatabaseError, EngineError):
        logger.exception("feed search failed for %s", request.get_full_path()[:300])
        return refusal(request, 503, [UNAVAILABLE])
    followed = FollowedListing(listing.title, site_name(request), listing.link, request.get_full_path(), entries)
    return FEEDS[fmt](request, followed=followed)


def site_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def _scope(request, scope, key, q):
    if scope == "latest":
        return scopes.latest(Site.find_for_request(request))
    if scope == "search":
        return scopes.search(q)
    return scopes.SCOPES[scope](key)


@require_GET
def study_days_calendar(request):
    """Every public study day, or with ?a-venir=1 those not over yet."""
    upcoming = request.GET.get("a-venir", "")
    if upcoming not in ("", "0", "1"):
        message = _("Le paramètre « a-venir » vaut 1 (journées à venir seulement) ou 0 (toutes), pas « %(value)s ».")
        return refusal(request, 400, [message % {"value": upcoming[:40]}])
    name = _("Journées d’étude – %(site)s") % {"site": site_name(request)}
    days = calendar.public_study_days(upcoming=upcoming == "1")
    return _calendar_response(request, name, days, "journees-d-etude.ics")


@require_GET
def study_day_calendar(request, pk):
    day = get_object_or_404(calendar.public_study_days(), pk=pk)
    return _calendar_response(request, day.title, [day], f"{day.slug}.ics")


def _calendar_response(request, name, days, filename):
    origin = f"{request.scheme}://{request.get_host()}"
    ical = calendar.calendar(name, days, origin, request.get_host()).to_ical()
    response = HttpResponse(ical, content_type=CALENDAR_TYPE)
    response.headers["Content-Disposition"] = content_disposition_header(False, filename)
    return response


@require_GET
def robots(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "feeds/robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    return wagtail_sitemap(request, sitemaps=SITEMAPS)
