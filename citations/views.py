"""Item downloads: one archive item, or one talk of a study day, in an export format (/citer/page-12.bib).

Only what the request may open is served; anything else is the site's 404, as if the item did not exist.
"""

import logging
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from wagtail.documents import get_document_model
from wagtail.models import Page

from citations.formats import UnknownFormat, format_for_extension
from citations.items import Citable, entry
from kb.visibility import may_open_document, may_open_page
from resources.records import Placement
from search.access import collection_access

logger = logging.getLogger(__name__)


@dataclass
class CitedItem:
    """What is downloaded: the record-style source ("page:12"), the CSL item and the item's own address."""

    source: str
    item: dict
    url: str


def item_download(request, kind, pk, extension):
    try:
        export_format = format_for_extension(extension)
    except UnknownFormat as error:
        logger.info("citations: unknown format %r asked for %s-%s", extension[:20], kind, pk)
        return render(request, "citations/unknown_format.html", {"message": str(error)}, status=404)
    cited = cited_page(request, int(pk)) if kind == "page" else cited_document(request, int(pk))
    citation = entry(cited.source, cited.item, cited.url, request.build_absolute_uri("/"))
    response = HttpResponse(export_format.render([citation]), content_type=export_format.content_type)
    response["Content-Disposition"] = content_disposition_header(True, export_format.filename(cited.item["title"]))
    return response


def cited_page(request, pk):
    """The live archive page `pk`, or one of its talks (?intervention=), if the request may open it; else a 404."""
    page = Page.objects.live().filter(pk=pk).first()
    page = page.specific if page else None
    url = page.get_url(request) if isinstance(page, Citable) else None
    if not url or not may_open_page(page, request):
        raise Http404
    talk_id = request.GET.get("intervention")
    if talk_id is None:
        return CitedItem(page.search_source, page.citation_item(), url)
    talks = dict(page.talk_citation_items()) if hasattr(page, "talk_citation_items") else {}
    if talk_id not in talks:
        logger.info("citations: no talk %r in page %s", talk_id[:60], pk)
        raise Http404
    # Keyed and addressed as the page's embedded metadata and « Citer » section cite the talk (kb-page-12-talk-…).
    return CitedItem(f"{page.search_source}:talk:{talk_id}", talks[talk_id], f"{url}#talk-{talk_id}")


def cited_document(request, pk):
    """The document `pk` if its collection lets the request open it, wherever it is attached; else a 404."""
    document = get_document_model().objects.select_related("collection").filter(pk=pk).first()
    if not isinstance(document, Citable) or not may_open_document(document, request):
        raise Http404
    # Dated and classed as in its search record: by itself, or by the pages that lend it their date and themes.
    lenders = Placement({document.pk: collection_access(document.collection)}).lenders.get(document.pk, ())
    return CitedItem(document.search_source, document.citation_item(lenders), document.url)
