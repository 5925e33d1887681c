"""The changes that make stored pages stale, connected to caching.purge (see CachingConfig.ready)."""

import copy

from django.db.models.signals import post_delete, post_save, pre_delete

from taggit.models import Tag
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from kb.models import ArchivePage, Pole, Territory, Theme
from search.events import records_changed

from . import purge, store


def page_changed(sender, instance, **kwargs):
    purge.purge_page(instance)


def page_saved(sender, instance, raw=False, **kwargs):
    # Publishing saves too, but scripts, imports and the demo write live pages directly.
    if not raw and isinstance(instance, Page) and instance.live:
        purge.purge_page(instance)


def page_moved(sender, instance, url_path_before, **kwargs):
    before = copy.copy(instance)
    before.url_path = url_path_before
    purge.purge_page(instance, old_paths=[path for path in [purge.page_path(before)] if path])


def slug_changed(sender, instance, instance_before, **kwargs):
    purge.purge_page(instance, old_paths=[path for path in [purge.page_path(instance_before)] if path])


def restriction_changed(sender, instance, **kwargs):
    purge.purge_page(instance.page)


def collection_restriction_changed(sender, instance, **kwargs):
    # Documents of a collection are linked from pages anywhere in the tree, and such changes are rare.
    store.purge(everything=True)


def vocabulary_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    trees = {Pole: "/pole/", Theme: "/themes/"}
    purge.purge_taxonomy(trees[sender], list(instance.pages.all()))


def tag_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        purge.purge_taxonomy("/mots-cles/", list(ArchivePage.objects.filter(tags=instance)))


def territory_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    below = Territory.objects.filter(pk=instance.pk) | instance.descendants()
    pages = ArchivePage.objects.filter(territory_links__territory__in=below).distinct()
    purge.purge_taxonomy("/territoires/", list(pages))


def records_announced(sender, sources, **kwargs):
    purge.purge_records(sources)


def connect():
    page_published.connect(page_changed, dispatch_uid="caching_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="caching_page_unpublished")
    # Before the delete: afterwards the page's path and its search record are gone.
    pre_delete.connect(page_changed, sender=Page, dispatch_uid="caching_page_deleted")
    post_save.connect(page_saved, dispatch_uid="caching_page_saved")
    post_page_move.connect(page_moved, dispatch_uid="caching_page_moved")
    page_slug_changed.connect(slug_changed, dispatch_uid="caching_page_slug_changed")
    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"caching_pvr_{signal}")
        signal.connect(
            collection_restriction_changed, sender=CollectionViewRestriction, dispatch_uid=f"caching_cvr_{signal}"
        )
    # Saved: renamed or moved; about to be deleted: the items it classes are still linked to it.
    for signal in (post_save, pre_delete):
        for model in (Pole, Theme):
            signal.connect(vocabulary_changed, sender=model, dispatch_uid=f"caching_{model.__name__}_{signal}")
        signal.connect(tag_changed, sender=Tag, dispatch_uid=f"caching_tag_{signal}")
        signal.connect(territory_changed, sender=Territory, dispatch_uid=f"caching_territory_{signal}")
    records_changed.connect(records_announced, dispatch_uid="caching_records_changed")
