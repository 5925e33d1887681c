"""Template tags for the head of a page: its description, and an archive item's embedded metadata.

An item is described from its CSL-JSON item only (citations.metadata), addressed on the host the request came to:
Wagtail's Site for the request gives the page's path, the request its scheme and host (behind the proxy settings).
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Site

from citations.items import entry
from citations.metadata import head_metadata, script_safe_json, trimmed

register = template.Library()


def site_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def talk_entries(page, day_entry, base_url):
    """The CitationEntry of each talk of a study day, addressed at the study day's page."""
    talk_items = getattr(page, "talk_citation_items", None)
    if talk_items is None:
        return []
    page_url = day_entry.item["URL"]
    return [
        entry(f"{page.search_source}:talk:{block_id}", item, f"{page_url}#talk-{block_id}", base_url)
        for block_id, item in talk_items()
    ]


def item_head_of(page, request):
    """The head metadata of an archive item's page for this request (built once per request and page)."""
    cache = request.__dict__.setdefault("_kb_item_heads", {})
    # A page being previewed before its first save has no pk yet.
    key = page.pk or id(page)
    if key not in cache:
        page = page.specific
        base_url = request.build_absolute_uri("/")
        day_entry = entry(page.search_source, page.citation_item(), page.get_url(request), base_url)
        cache[key] = head_metadata(
            day_entry,
            site_name=site_name(request),
            site_url=base_url,
            description=page.search_description,
            talks=talk_entries(page, day_entry, base_url),
        )
    return cache[key]


@register.simple_tag(takes_context=True)
def item_head(context, page):
    """What the head of an archive item's page says about it (citations.metadata.HeadMetadata)."""
    return item_head_of(page, context["request"])


@register.simple_tag(takes_context=True)
def page_description(context, page):
    """The page's meta description: an archive item's is the one its embedded metadata give, the others' their own."""
    request = context.get("request")
    if page is None or not hasattr(page, "specific"):
        return ""
    if request is not None and hasattr(page.specific, "citation_item"):
        return item_head_of(page, request).description
    return trimmed(page.search_description or getattr(page, "summary", "") or getattr(page, "introduction", ""))


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD script whose text cannot close the element, however the item's fields are written."""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(script_safe_json(data)))  # noqa: S308
