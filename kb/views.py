"""Listings of the archive by territory, theme, tag and pole."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from taggit.models import Tag

from .listing import filter_archive_items, territory_and_descendants
from .models import ArchivePage, Pole, Territory, TerritoryKind, Theme
from .visibility import visible_to

PAGE_SIZE = 20


def _visible_items(request):
    return visible_to(ArchivePage.objects.live(), request)


def _render_listing(request, queryset, context):
    listing = filter_archive_items(queryset, request.GET)
    page = Paginator(listing.items, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = [item.specific for item in page.object_list]
    context.update(listing=listing, items=page)
    return render(request, "kb/taxonomy_listing.html", context)


def territory_index(request):
    regions = Territory.objects.filter(kind=TerritoryKind.REGION).prefetch_related("children")
    return render(request, "kb/territory_index.html", {"regions": regions})


def territory_detail(request, key):
    territory = get_object_or_404(Territory.objects.select_related("parent"), Q(code=key) | Q(slug=key))
    visible = _visible_items(request)
    items = visible.filter(territory_links__territory__in=territory_and_descendants(territory)).distinct()
    children = territory.children.annotate(
        item_count=Count("page_links", filter=Q(page_links__page__in=visible.values("pk")))
    ).order_by("name")
    return _render_listing(
        request,
        items,
        {
            "heading": territory.name,
            "kind_label": territory.get_kind_display(),
            "taxonomy_object": territory,
            "lineage": territory.lineage()[1:],
            "children": children,
            "breadcrumb_label": _("Territoires"),
        },
    )


def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    return _render_listing(
        request,
        _visible_items(request).filter(themes=theme),
        {"heading": theme.name, "kind_label": _("Thème"), "taxonomy_object": theme, "intro": theme.question},
    )


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return _render_listing(
        request,
        _visible_items(request).filter(tags=tag),
        {"heading": tag.name, "kind_label": _("Mot-clé"), "taxonomy_object": tag},
    )


def pole_detail(request, slug):
    pole = get_object_or_404(Pole, slug=slug)
    section = getattr(pole, "section_page", None)
    if section is not None and section.live:
        return redirect(section.url)
    return _render_listing(
        request,
        _visible_items(request).filter(poles=pole),
        {"heading": pole.name, "kind_label": _("Pôle"), "taxonomy_object": pole, "intro": pole.description},
    )
