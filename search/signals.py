"""Wagtail events that change what the search must return, turned into record updates.

Everything goes through search.sync.schedule, which applies the changes after commit.
"""

from django.db.models import CharField
from django.db.models.functions import Cast
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import registry
from .records import source_key
from .sync import load, schedule


def _page_sources(pages):
    if "page" not in registry.searchable_models():
        return []
    return [source_key("page", pk) for pk in pages.values_list("pk", flat=True)]


def _used_documents(pages):
    """The documents these pages use (Wagtail's reference index), as sources.

    A document only restricted pages use is found as those pages are (resources.records.document_access):
    a page that starts or stops using it, or changes its restrictions, changes who finds it.
    """
    if "document" not in registry.searchable_models():
        return []
    references = ReferenceIndex.objects.filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page),
        object_id__in=pages.values(as_text=Cast("pk", CharField())),
        to_content_type=ReferenceIndex._get_base_content_type(get_document_model()),
    )
    return [source_key("document", pk) for pk in references.values_list("to_object_id", flat=True).distinct()]


def page_changed(sender, instance, **kwargs):
    if "page" in registry.searchable_models():
        schedule(source_key("page", instance.pk))
    # After the save that published it, the reference index holds what the page uses now.
    schedule(*_used_documents(Page.objects.filter(pk=instance.pk)))


def page_about_to_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a publish, a move or a deletion rewrites a page: what it names as stored is re-read after commit.

    A document kept in a stricter collection than the page that attaches it is in no record of the
    page, yet borrows the page's date and taxonomy: once detached it must be re-read all the same.
    """
    if raw or update_fields or not isinstance(instance, Page) or not instance.pk:
        return
    stored = load(source_key("page", instance.pk)) if "page" in registry.searchable_models() else None
    if stored is not None:
        schedule(*stored.search_related_sources())
    # What it uses before the change: a document it stops using may open to more readers.
    schedule(*_used_documents(Page.objects.filter(pk=instance.pk)))


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and "page" in registry.searchable_models():
        schedule(source_key("page", instance.pk))


def subtree_changed(sender, instance, **kwargs):
    """A move, a new slug or a view restriction changes the URL or the access of a page and all below it."""
    page = instance if isinstance(instance, Page) else getattr(instance, "page", None)
    if page is not None and page.pk:
        subtree = Page.objects.descendant_of(page, inclusive=True)
        schedule(*_page_sources(subtree), *_used_documents(subtree))


def restriction_groups_changed(sender, instance, **kwargs):
    if isinstance(instance, PageViewRestriction):
        subtree_changed(sender, instance)
    elif isinstance(instance, CollectionViewRestriction):
        collection_changed(sender, instance)


def collection_changed(sender, instance, **kwargs):
    collection = getattr(instance, "collection", None)
    if collection is None or not collection.pk:
        return
    collections = Collection.objects.descendant_of(collection, inclusive=True)
    # The pages that attach these documents carry their text, which follows the documents' access.
    for document in get_document_model().objects.filter(collection__in=collections):
        document_changed(sender, document)


def document_changed(sender, instance, **kwargs):
    """The document's own record and those of the pages that attach it."""
    schedule(source_key("document", instance.pk))
    referencing = ReferenceIndex.get_references_to(instance).values_list("object_id", "content_type__model")
    pages = [int(object_id) for object_id, _model in referencing if str(object_id).isdigit()]
    schedule(*_page_sources(Page.objects.filter(pk__in=pages)))


def document_classified(sender, instance, action, reverse, model, pk_set=None, **kwargs):
    """Poles, themes, territories or tags given to a document or taken from it: its own record changes."""
    if not action.startswith("post_"):
        return
    document_model = get_document_model()
    if isinstance(instance, document_model):
        schedule(source_key("document", instance.pk))
    elif reverse and model is document_model and pk_set:
        schedule(*(source_key("document", pk) for pk in pk_set))


def connect():
    page_published.connect(page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_page_unpublished")
    post_delete.connect(page_deleted, dispatch_uid="search_page_deleted")
    pre_save.connect(page_about_to_change, dispatch_uid="search_page_saving")
    pre_delete.connect(page_about_to_change, dispatch_uid="search_page_deleting")
    post_page_move.connect(subtree_changed, dispatch_uid="search_page_moved")
    page_slug_changed.connect(subtree_changed, dispatch_uid="search_page_slug_changed")
    post_save.connect(subtree_changed, sender=PageViewRestriction, dispatch_uid="search_pvr_saved")
    post_delete.connect(subtree_changed, sender=PageViewRestriction, dispatch_uid="search_pvr_deleted")
    post_save.connect(collection_changed, sender=CollectionViewRestriction, dispatch_uid="search_cvr_saved")
    post_delete.connect(collection_changed, sender=CollectionViewRestriction, dispatch_uid="search_cvr_deleted")
    for through in (PageViewRestriction.groups.through, CollectionViewRestriction.groups.through):
        m2m_changed.connect(restriction_groups_changed, sender=through, dispatch_uid=f"search_{through.__name__}")
    document = get_document_model()
    post_save.connect(document_changed, sender=document, dispatch_uid="search_document_saved")
    post_delete.connect(document_changed, sender=document, dispatch_uid="search_document_deleted")
    # The admin's form saves them after the document itself, and after the post_save above.
    for field in document._meta.many_to_many:
        through = field.remote_field.through
        m2m_changed.connect(document_classified, sender=through, dispatch_uid=f"search_document_{field.name}")
