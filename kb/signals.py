"""Keep search records in step when the taxonomy they name changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from taggit.models import Tag
from wagtail.documents import get_document_model

from search.records import source_key
from search.sync import schedule

from .models import ArchivePage, Pole, Territory, Theme
from .records import forget_territory_scopes
from .vocabularies import MODEL_VOCABULARIES, TERRITORIES


def _schedule_pages(pages):
    schedule(*(source_key(ArchivePage.search_source_prefix, pk) for pk in pages.values_list("pk", flat=True)))


def _schedule_documents(documents):
    """Documents are classed like pages (the resources app adds the relations to the vocabularies)."""
    prefix = get_document_model().search_source_prefix
    schedule(*(source_key(prefix, pk) for pk in documents.values_list("pk", flat=True)))


@receiver(post_save, sender=Pole)
@receiver(post_save, sender=Theme)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Pole)
@receiver(post_delete, sender=Theme)
@receiver(post_delete, sender=Tag)
def forget_labels(sender, **kwargs):
    """The search facets label poles, themes and tags from a cache: a change here empties it."""
    for vocabulary in MODEL_VOCABULARIES.values():
        if vocabulary.model is sender:
            vocabulary.forget()


@receiver(post_save, sender=Pole)
@receiver(post_save, sender=Theme)
def reindex_after_rename(sender, instance, created=False, raw=False, **kwargs):
    if not (created or raw):
        _schedule_pages(instance.pages.all())
        _schedule_documents(instance.documents.all())


@receiver(post_save, sender=Tag)
def reindex_after_tag_rename(sender, instance, created=False, raw=False, **kwargs):
    if not (created or raw):
        _schedule_pages(ArchivePage.objects.filter(tags=instance))
        _schedule_documents(get_document_model().objects.filter(tags=instance))


@receiver(post_save, sender=Territory)
@receiver(m2m_changed, sender=Territory.ancestors.through)
def reindex_after_territory_change(sender, instance=None, raw=False, **kwargs):
    # A move or rename changes the scope of every item placed in it or below it.
    forget_territory_scopes()
    TERRITORIES.forget()
    if raw or instance is None or not isinstance(instance, Territory) or instance._state.adding:
        return
    below = Territory.objects.filter(pk=instance.pk) | instance.descendants()
    _schedule_pages(ArchivePage.objects.filter(territory_links__territory__in=below).distinct())
    _schedule_documents(get_document_model().objects.filter(territories__in=below).distinct())
