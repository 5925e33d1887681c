"""Filtering of archive listings by pole, theme, territory (with its descendants), tag and year."""

import logging
from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from .models.taxonomy import Pole, Territory, Theme

logger = logging.getLogger(__name__)


@dataclass
class Listing:
    items: object
    active: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    years: list = field(default_factory=list)
    poles: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    selected: dict = field(default_factory=dict)


def _single(params, name):
    value = params.get(name, "")
    return value.strip()[:200] if isinstance(value, str) else ""


def filter_archive_items(queryset, params):
    """Apply the GET filters to a queryset of ArchivePage; unknown values are reported, not fatal."""
    listing = Listing(items=queryset)
    listing.years = sorted(
        set(queryset.exclude(date=None).annotate(y=ExtractYear("date")).values_list("y", flat=True)),
        reverse=True,
    )
    listing.poles = list(Pole.objects.filter(pages__in=queryset).distinct())
    listing.themes = list(Theme.objects.filter(pages__in=queryset).distinct())
    filters = Q()

    pole_slug = _single(params, "pole")
    if pole_slug:
        pole = Pole.objects.filter(slug=pole_slug).first()
        if pole:
            filters &= Q(poles=pole)
            listing.active.append(("pole", pole_slug, _("Pôle : %s") % pole.name))
        else:
            listing.errors.append(_("Pôle inconnu : « %s ».") % pole_slug)

    theme_slug = _single(params, "theme")
    if theme_slug:
        theme = Theme.objects.filter(slug=theme_slug).first()
        if theme:
            filters &= Q(themes=theme)
            listing.active.append(("theme", theme_slug, _("Thème : %s") % theme.name))
        else:
            listing.errors.append(_("Thème inconnu : « %s ».") % theme_slug)

    territory_key = _single(params, "territory")
    if territory_key:
        territory = Territory.objects.filter(Q(code=territory_key) | Q(slug=territory_key)).first()
        if territory:
            filters &= Q(territory_links__territory__in=territory_and_descendants(territory))
            listing.active.append(("territory", territory_key, _("Territoire : %s") % territory.name))
        else:
            listing.errors.append(_("Territoire inconnu : « %s ».") % territory_key)

    tag_slug = _single(params, "tag")
    if tag_slug:
        filters &= Q(tags__slug=tag_slug)
        listing.active.append(("tag", tag_slug, _("Mot-clé : %s") % tag_slug))

    year = _single(params, "year")
    if year:
        if year.isdigit() and 1900 <= int(year) <= 2100:
            filters &= Q(date__year=int(year))
            listing.active.append(("year", year, _("Année : %s") % year))
        else:
            listing.errors.append(_("Année invalide : « %s ».") % year)

    if listing.errors:
        logger.info("listing filter rejected: %s", "; ".join(listing.errors))
    listing.selected = {name: value for name, value, _label in listing.active}
    listing.items = queryset.filter(filters).distinct().order_by("-date", "-first_published_at", "title")
    return listing


def territory_and_descendants(territory):
    return Territory.objects.filter(Q(pk=territory.pk) | Q(ancestors=territory)).values("pk")
