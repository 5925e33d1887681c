"""Template helpers for the public site: breadcrumbs, navigation state, filter links."""

import re

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timesince import timeuntil

from wagtail.models import Site

from kb.visibility import may_open_document, may_open_page

register = template.Library()

FILTER_NAMES = ("pole", "theme", "year", "territory", "tag")


@register.simple_tag(takes_context=True)
def site_name(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    """The page's ancestors below the tree root, then the page itself."""
    ancestors = page.get_ancestors().filter(depth__gte=2).specific() if page else []
    return {"ancestors": ancestors, "current": page}


@register.simple_tag
def nav_current(page, section):
    """The aria-current value for a navigation link: the page itself, or the section it sits in."""
    if page is None or not hasattr(page, "path"):
        return ""
    if page.pk == section.pk:
        return "page"
    if page.path.startswith(section.path):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def without_filter(context, name):
    """The current listing URL without one filter (and back to its first page)."""
    params = context["request"].GET.copy()
    for key in (name, "page"):
        params.pop(key, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current listing URL at another page number, keeping every filter."""
    params = context["request"].GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"


@register.simple_tag
def elided_pages(page_obj):
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


def _visible(page, request):
    """The page as its specific type if it is live and the visitor may open it, else None."""
    page = getattr(page, "value", page)
    if page is None or not page.live or not may_open_page(page, request):
        return None
    return page.specific


@register.simple_tag(takes_context=True)
def visible_page(context, page):
    return _visible(page, context.get("request"))


@register.simple_tag(takes_context=True)
def visible_pages(context, pages):
    """Only the live pages the visitor may open (pages or stream children holding a page)."""
    request = context.get("request")
    return [page for page in (_visible(page, request) for page in pages) if page is not None]


@register.simple_tag(takes_context=True)
def visible_document(context, document):
    """The document (or image) if the visitor may open it (its collection's privacy), else None."""
    if document is None or not may_open_document(document, context.get("request")):
        return None
    return document


@register.simple_tag(takes_context=True)
def visible_documents(context, documents):
    request = context.get("request")
    return [document for document in documents if document is not None and may_open_document(document, request)]


@register.filter
def in_words(delay):
    """A duration in words, in the active language: « 15 minutes », « 1 heure »."""
    now = timezone.now()
    return timeuntil(now + delay, now)


@register.simple_tag
def date_range(start, end=None, precision=""):
    """`20–21 novembre 2003`, `30 novembre – 2 décembre 2003` or a single date, as <time> elements.

    `precision` ("year", "month") is for a date known only in part: « 2007 », « mai 2007 ».
    """
    if not start:
        return ""
    if precision == "year":
        return format_html('<time datetime="{}">{}</time>', f"{start.year:04d}", start.year)
    if precision == "month":
        label = formats.date_format(start, "F Y")
        return format_html('<time datetime="{}">{}</time>', f"{start.year:04d}-{start.month:02d}", label)
    if not end or end == start:
        return format_html('<time datetime="{}">{}</time>', start.isoformat(), formats.date_format(start, "j F Y"))
    if (start.year, start.month) == (end.year, end.month):
        start_label = formats.date_format(start, "j")
    elif start.year == end.year:
        start_label = formats.date_format(start, "j F")
    else:
        start_label = formats.date_format(start, "j F Y")
    return format_html(
        '<time datetime="{}">{}</time>–<time datetime="{}">{}</time>',
        start.isoformat(),
        start_label,
        end.isoformat(),
        formats.date_format(end, "j F Y"),
    )


HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")


@register.filter
def shift_headings(html, levels=1):
    """Demote the headings of rendered rich text, so an editor's h2 sits under the page's own h2."""
    levels = int(levels)
    shifted = HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + levels, 6)}", str(html))
    return mark_safe(shifted)  # noqa: S308 - only tag names change in HTML Wagtail already rendered safe


FRENCH_SPACED_PUNCTUATION = re.compile(r" ([?!:;»])|(«) ")


@register.filter(is_safe=True)
def french_spacing(text):
    """Keep French high punctuation on its word's line: a narrow no-break space before ? ! : ; »."""
    if not isinstance(text, str):
        return text
    return FRENCH_SPACED_PUNCTUATION.sub(lambda m: f"\u202f{m.group(1)}" if m.group(1) else f"{m.group(2)}\u202f", text)
