"""How documents describe themselves to the archive search: one hit per item.

A document whose text a live page's record carries is found through that page and has no record of its
own; any other document is a hit of its own, dated and classed by itself, or by the pages that lend it theirs.
"""

from collections import defaultdict
from itertools import islice

from wagtail.models import Collection, Site

from kb.models import ArchivePage
from kb.records import attachment_pages, territory_scope
from kb.visibility import pages_using
from search.access import PageAccessMap, collection_access, covers
from search.records import PUBLIC, Record

CHUNK = 500
DOCUMENT_PREFETCH = ["poles", "themes", "territories", "tags"]


class Placement:
    """Where documents stand in the archive, read in bulk (a few queries for any number of documents).

    A document is *carried* when a live page attaches it and the page's readers and the document's are
    the same people: the page's record holds its text (kb.records.archive_page_record) and every reader of
    the document finds it there. Any other document stays a hit of its own: a public PDF attached to a
    closed DU lesson stays one for the public. Its *lenders* are the live pages that attach it and that
    all its readers may open (in practice a public page whose PDF is kept in a restricted collection);
    a closed page lends nothing to a more open document. Drafts and unpublished pages lend nothing either:
    their content is not published, and it changes without any event that would re-read the document.
    """

    def __init__(self, access, everything=False):
        """`access`: {document id: its access key}; `everything` when these are all the archive's documents."""
        attaching = live_attaching_pages(None if everything else list(access))
        self.carried = {
            pk
            for pk, key in access.items()
            if any(covers(page, key) and covers(key, page) for _id, page in attaching[pk])
        }
        lender_ids = {
            pk: sorted(page_id for page_id, page in attaching[pk] if covers(key, page))
            for pk, key in access.items()
            if pk not in self.carried
        }
        pages = lender_pages({page_id for ids in lender_ids.values() for page_id in ids})
        self.lenders = {pk: [pages[page_id] for page_id in ids] for pk, ids in lender_ids.items()}


def live_attaching_pages(document_ids=None):
    """{document id: [(page id, page access key)]} for the live pages that attach them and have a URL."""
    access = PageAccessMap()
    roots = [root.root_path for root in Site.get_site_root_paths()]
    found = defaultdict(list)
    for page, document_id in ArchivePage.live_attachments(document_ids):
        # A page no site serves has no URL, so no record (kb.records.archive_page_record) to carry the text.
        if any(page.url_path.startswith(root) for root in roots):
            found[document_id].append((page.pk, access.key(page)))
    return found


def lender_pages(ids):
    """{page id: page} with the relations a document reads from the pages that lend it their taxonomy."""
    pages = {}
    for chunk in chunks(sorted(ids)):
        found = ArchivePage.objects.filter(pk__in=chunk).prefetch_related(*ArchivePage.search_prefetch)
        pages.update((page.pk, page) for page in found)
    return pages


def chunks(values, size=CHUNK):
    values = iter(values)
    while chunk := list(islice(values, size)):
        yield chunk


def merged(own, borrowed):
    """The document's own values, or else the union of its lenders', once each, in a stable order."""
    values = own or {value.pk: value for value in borrowed}.values()
    return sorted(values, key=lambda value: str(value))


def document_record(document, access, lenders=()):
    """The record of a document found by itself; each of its date and taxonomy it leaves empty comes from `lenders`.

    The upload date is never the record's date: a document with no publication date and no lender has none.
    """
    poles = merged(list(document.poles.all()), [p for page in lenders for p in page.poles.all()])
    themes = merged(list(document.themes.all()), [t for page in lenders for t in page.themes.all()])
    territories = merged(list(document.territories.all()), [t for page in lenders for t in page.territories])
    tags = merged(list(document.tags.all()), [t for page in lenders for t in page.tags.all()])
    date = document.publication_date or min((page.date for page in lenders if page.date), default=None)
    return Record(
        source=document.search_source,
        kind="document",
        title=document.title,
        url=document.url,
        date=date,
        abstract=document.description,
        keywords=[x.name for x in (*poles, *themes, *tags, *territories)],
        attachments=attachment_pages([document]),
        poles=[p.slug for p in poles],
        territories=[t.key for t in territories],
        territory_scope=sorted({key for t in territories for key in territory_scope(t.pk)}),
        themes=[t.slug for t in themes],
        tags=[t.slug for t in tags],
        access=access,
        citation=document.citation_item(lenders),
    )


def document_access(collection_key, page_keys):
    """Who finds the document: its collection's readers and, when only restricted pages use it, theirs.

    Whoever may open one of those pages may download it (kb.visibility.may_open_document); a key can only
    say "all of", so it holds every such page's restrictions: the document is found by those who pass them
    all, never by someone who may not open it.
    """
    if not page_keys or PUBLIC in page_keys:
        return collection_key
    tokens = {token for key in (collection_key, *page_keys) for token in key.split("&")} - {PUBLIC}
    return "&".join(sorted(tokens))


def using_page_keys(document_ids=None):
    """{document id: [access key of each live page that uses it]}, all documents when None."""
    access = PageAccessMap()
    return {pk: [access.key(page) for page in pages] for pk, pages in pages_using(document_ids).items()}


def record_of(document):
    """The document's record as it stands now, or None when a live page carries it."""
    page_keys = using_page_keys([document.pk]).get(document.pk, [])
    access = document_access(collection_access(document.collection), page_keys)
    placement = Placement({document.pk: access})
    if document.pk in placement.carried:
        return None
    return document_record(document, access, placement.lenders[document.pk])


def standalone_records(documents):
    """The records of every document of `documents` (a queryset of all of them) that no live page carries."""
    rows = list(documents.order_by("pk").values_list("pk", "collection_id"))
    keys = {c.pk: collection_access(c) for c in Collection.objects.filter(pk__in={c for _pk, c in rows})}
    page_keys = using_page_keys()
    access = {pk: document_access(keys[collection_id], page_keys.get(pk, [])) for pk, collection_id in rows}
    placement = Placement(access, everything=True)
    standalone = [pk for pk, _collection in rows if pk not in placement.carried]
    for chunk in chunks(standalone):
        for document in documents.filter(pk__in=chunk).order_by("pk").prefetch_related(*DOCUMENT_PREFETCH):
            yield document_record(document, access[document.pk], placement.lenders[document.pk])
