"""Template tags of the « Citer » section: an item's (or a talk's) formatted reference and its downloads.

The reference is rendered from the item's CSL-JSON by citations.render; the links go to the item downloads
(citations.views), which check again what the request may open.
"""

from dataclasses import dataclass, field

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from citations.formats import get_format
from citations.items import Citable, entry
from citations.render import reference_html

register = template.Library()

# What an item page offers to download; CSV is for lists (result lists and the selection).
ITEM_FORMATS = ("bibtex", "ris", "csljson")


@dataclass
class Citing:
    """What the template shows: the reference, its key (an id for its element), the downloads as (Format, address),
    and for a talk the id of its element, which its citations address (« …/journee/#talk-<block id> »)."""

    key: str
    reference: str
    downloads: list = field(default_factory=list)
    anchor: str = ""


def downloads(page_pk, talk_id=None):
    query = f"?{urlencode({'intervention': talk_id})}" if talk_id else ""
    return [
        (export_format, reverse("citations:item", args=("page", page_pk, export_format.extension)) + query)
        for export_format in map(get_format, ITEM_FORMATS)
    ]


@register.simple_tag(takes_context=True)
def page_citation(context, page):
    """The Citing of an archive item's page, or None for a page that is not cited."""
    request = context.get("request")
    if request is None or not isinstance(page, Citable):
        return None
    url = page.get_url(request) or ""
    cited = entry(page.search_source, page.citation_item(), url, request.build_absolute_uri("/"))
    # A page previewed before its first save has no id yet: nothing to download.
    offered = page.pk and page.live and url
    return Citing(cited.key, reference_html(cited.item), downloads(page.pk) if offered else [])


@register.simple_tag(takes_context=True)
def talk_citation(context, page, talk):
    """The Citing of one talk of a study day: `talk` is the talk's value as the programme renders it."""
    request = context.get("request")
    talk_id = talk_block_id(page, talk)
    if request is None or talk_id is None:
        return None
    anchor = f"talk-{talk_id}"
    url = f"{page.get_url(request) or ''}#{anchor}"
    item = talk_items(page)[talk_id]
    cited = entry(f"{page.search_source}:talk:{talk_id}", item, url, request.build_absolute_uri("/"))
    offered = page.pk and page.live
    return Citing(cited.key, reference_html(cited.item), downloads(page.pk, talk_id) if offered else [], anchor)


def talk_block_id(page, talk):
    """The block id of the talk whose rendered value is `talk`, or None (a page without a programme)."""
    for session in getattr(page, "programme", None) or []:
        for child in session.value["talks"].bound_blocks:
            if child.value is talk:
                return child.id
    return None


def talk_items(page):
    """{talk block id: CSL item}, built once per page and request: a programme may hold dozens of talks."""
    if "_citing_talks" not in page.__dict__:
        page._citing_talks = dict(page.talk_citation_items())
    return page._citing_talks
