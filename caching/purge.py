"""Which stored pages each change makes stale: the item's page and subtree, the listings and taxonomy
pages that show it, the search surfaces; purged once the change commits (caching.store).

Wagtail's frontend_cache purges on publish and unpublish only; moves, deletes, privacy and taxonomy changes
matter as much here, and the search already announces every record change (search.events), so this listens
to both.
"""

import logging

from django.db.models import Q
from django.urls import reverse

from kb.models import ArchivePage, PoleSectionPage, Territory
from search.models import SearchRecord

from . import store

logger = logging.getLogger(__name__)

TAXONOMY_ROUTES = {"pole": "kb:pole", "theme": "kb:theme", "tag": "kb:tag"}
# Pages that list the whole archive, whichever item changed: the search page and API, the feeds.
SEARCH_PAGES = ("search:page", "search:api", "search:autocomplete")
FEED_TREES = ("/flux/", "/agenda/")


def page_path(page):
    """The page's path on its site, or None for a page outside every site (the tree's root)."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def parent_path(path):
    """The listing a page sits in: its parent in the tree, whose URL drops the last segment."""
    return path.rstrip("/").rsplit("/", 1)[0] + "/"


def search_pages():
    return {reverse(name) for name in SEARCH_PAGES}


def taxonomy_pages(record):
    """The taxonomy pages of kb.urls that list this record: its poles, themes, tags and territories."""
    data = record.data
    paths = {
        reverse(route, args=[slug]) for facet, route in TAXONOMY_ROUTES.items() for slug in data.get(facet + "s", [])
    }
    paths |= territory_pages(data.get("territory_scope") or data.get("territories") or [])
    return paths | pole_sections(data.get("poles", []))


def territory_pages(keys):
    """A territory answers at its code and at its slug: both are purged."""
    found = Territory.objects.filter(Q(code__in=keys) | Q(slug__in=keys)).values_list("code", "slug")
    return {reverse("kb:territory", args=[key]) for pair in found for key in pair if key} | {reverse("kb:territories")}


def pole_sections(slugs):
    sections = PoleSectionPage.objects.filter(pole__slug__in=slugs) if slugs else []
    return {path for section in sections if (path := page_path(section))}


def record_pages(records):
    """Every page that shows these records: their own, their listing, the home page, taxonomy and search."""
    paths = {"/"} | search_pages()
    for record in records:
        if record.url.startswith("/"):
            paths |= {record.url, parent_path(record.url)}
        paths |= taxonomy_pages(record)
    return paths


def records_of_pages(pages):
    sources = [f"{ArchivePage.search_source_prefix}:{page.pk}" for page in pages]
    return SearchRecord.objects.filter(source__in=sources)


def purge_page(page, old_paths=()):
    """A page changed (published, unpublished, moved, deleted, its privacy): it and its subtree, its listing,
    the home page, and what shows its record; the whole cache when it is in the site's navigation."""
    path = page_path(page)
    if path is None:
        return
    paths = {parent_path(old) for old in old_paths} | {parent_path(path)} | record_pages(records_of_pages([page]))
    store.purge(pages=paths, subtrees={path, *old_paths}, everything=page.depth <= 3)


def purge_taxonomy(kind_tree, pages):
    """A pole, theme, tag or territory renamed, moved or deleted: its kind's taxonomy pages and every page
    of the items it classes, with their listings."""
    paths = {parent_path(path) for page in pages if (path := page_path(page))}
    paths |= {page_path(page) for page in pages} - {None}
    store.purge(pages=paths | record_pages(records_of_pages(pages)), subtrees={kind_tree, *FEED_TREES})


def purge_records(sources):
    """The search announced new or changed records (None: any record)."""
    if sources is None:
        store.purge(everything=True)
        return
    records = SearchRecord.objects.filter(source__in=sources)
    store.purge(pages=record_pages(records), subtrees=FEED_TREES)
