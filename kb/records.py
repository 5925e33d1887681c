"""How archive pages describe themselves to the archive search (search.records.Record)."""

from functools import lru_cache

from wagtail.rich_text import get_text_for_indexing

from search.access import page_access
from search.records import AttachmentPage, Record


def richtext(*values):
    return "\n".join(get_text_for_indexing(v) for v in values if v)


def stream_text(stream_value):
    """The searchable text of a StreamField value, as Wagtail's own indexing sees it."""
    if not stream_value:
        return ""
    return "\n".join(str(part) for part in stream_value.stream_block.get_searchable_content(stream_value))


@lru_cache(maxsize=4096)
def territory_scope(territory_id):
    """The keys a territory counts under: itself and every ancestor."""
    from .models import Territory

    territory = Territory.objects.filter(pk=territory_id).first()
    if territory is None:
        return ()
    return (territory.key, *(t.key for t in territory.ancestors.all()))


def attachment_pages(documents):
    return [
        AttachmentPage(document_id=doc.pk, title=doc.title, url=doc.url, page=number, text=text)
        for doc in documents
        for number, text in enumerate(doc.page_texts or [], start=1)
        if text.strip()
    ]


def archive_page_record(page):
    """The record of a live archive page, or None when it must not be found."""
    url = page.get_url()
    if not page.live or not url:
        return None
    territories = [link.territory for link in page.territory_links.select_related("territory")]
    poles, themes, tags = list(page.poles.all()), list(page.themes.all()), list(page.tags.all())
    scope = {key for t in territories for key in territory_scope(t.pk)}
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
        attachments=attachment_pages(page.attached_documents()),
        poles=[p.slug for p in poles],
        territories=[t.key for t in territories],
        territory_scope=sorted(scope),
        themes=[t.slug for t in themes],
        tags=[t.slug for t in tags],
        access=page_access(page),
    )
