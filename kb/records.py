"""How archive pages describe themselves to the archive search (search.records.Record)."""

import re

from wagtail.rich_text import get_text_for_indexing

from search.access import collection_access, covers, page_access
from search.records import AttachmentPage, Record


def richtext(*values):
    return "\n".join(get_text_for_indexing(v) for v in values if v)


BLOCK_END = re.compile(r"</(?:p|h\d|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def paragraphs(value):
    """Rich text as plain text that keeps its paragraphs apart (a blank line between them), for citations:
    an abstract exported to CSL-JSON and imported back keeps its paragraphs."""
    parts = BLOCK_END.split(str(value or ""))
    return "\n\n".join(text for text in (" ".join(get_text_for_indexing(part).split()) for part in parts) if text)


def stream_text(stream_value):
    """The searchable text of a StreamField value, as Wagtail's own indexing sees it."""
    if not stream_value:
        return ""
    return "\n".join(str(part) for part in stream_value.stream_block.get_searchable_content(stream_value))


_scopes = {}


def territory_scope(territory_id):
    """The keys a territory counts under: itself and every ancestor (all read at once, then kept)."""
    if not _scopes:
        _load_scopes()
    return _scopes.get(territory_id, ())


def forget_territory_scopes():
    _scopes.clear()


def _load_scopes():
    from .models import Territory

    keys = {pk: code or slug for pk, code, slug in Territory.objects.values_list("pk", "code", "slug")}
    ancestors = {}
    for child, parent in Territory.ancestors.through.objects.values_list("from_territory_id", "to_territory_id"):
        ancestors.setdefault(child, []).append(keys[parent])
    _scopes.update({pk: (key, *sorted(ancestors.get(pk, []))) for pk, key in keys.items()})


def attachment_pages(documents):
    return [
        AttachmentPage(document_id=doc.pk, title=doc.title, url=doc.url, page=number, text=text)
        for doc in documents
        for number, text in enumerate(doc.page_texts or [], start=1)
        if text.strip()
    ]


def archive_page_record(page, access=None, sites=None):
    """The record of a live archive page, or None when it must not be found.

    `access` is the page's access key, and `sites` ArchivePage.site_names(), when the caller read them for many pages.
    """
    url = page.get_url()
    if not page.live or not url:
        return None
    territories = [link.territory for link in page.territory_links.all()]
    # Tags have no order of their own (PostgreSQL returns them as it likes): sorted, a record reads the same twice.
    poles, themes = list(page.poles.all()), list(page.themes.all())
    tags = sorted(page.tags.all(), key=lambda tag: tag.name)
    scope = {key for t in territories for key in territory_scope(t.pk)}
    access = access or page_access(page)
    # A PDF the page's readers may not open lends it no text: its words would show in hits and snippets.
    documents = [doc for doc in page.attached_documents() if covers(access, collection_access(doc.collection))]
    return Record(
        source=page.search_source,
        kind=page.search_kind,
        title=page.title,
        url=url,
        date=page.date,
        authors=page.search_authors(),
        abstract="\n".join(filter(None, [page.summary, page.search_abstract()])),
        keywords=[x.name for x in (*poles, *themes, *tags, *territories)],
        body=page.search_body(),
        attachments=attachment_pages(documents),
        poles=[p.slug for p in poles],
        territories=[t.key for t in territories],
        territory_scope=sorted(scope),
        themes=[t.slug for t in themes],
        tags=[t.slug for t in tags],
        access=access,
        citation=page.citation_item(sites),
    )
