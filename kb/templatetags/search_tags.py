"""Template helpers for the archive search page: URLs of every search state, labels, hits, pages."""

import datetime
import json

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from search import registry
from search.params import FACET_NAMES
from search.query import DEFAULT_PAGE_SIZE, FACETS

register = template.Library()

FACET_GROUP_NAMES = {
    "kind": _("Types"),
    "pole": _("Pôles"),
    "territory": _("Territoires"),
    "theme": _("Thèmes"),
    "year": _("Années"),
    "tag": _("Mots-clés"),
}
SHOWN_VALUES = 8
CHIP_FACETS = (("pole", "poles"), ("theme", "themes"), ("territory", "territories"))


def _split(pair, facet):
    """`"pole:habitat"` → ("pole", "habitat"); with `facet` given, the bare value."""
    if facet:
        return facet, str(pair)
    name, _sep, value = str(pair).partition(":")
    return name, value


def build_search_url(params, add=None, remove=None, only=None, facet=None, page=None, q=None, clear=None):
    """The search page URL for `params` (a QueryDict) with one change; any change but `page` goes back to page 1."""
    params = params.copy()
    if add or remove or only or q is not None or clear:
        params.pop("page", None)
    if clear == "filters":
        for name in FACETS:
            params.pop(name, None)
    if q is not None:
        params.setlist("q", [q] if q else [])
    if remove:
        name, value = _split(remove, facet)
        params.setlist(name, [v for v in params.getlist(name) if v.strip() != value])
    if add:
        name, value = _split(add, facet)
        params.setlist(name, [*(v for v in params.getlist(name) if v.strip() != value), value])
    if only:
        name, value = _split(only, facet)
        params.setlist(name, [value])
    if page is not None:
        params.setlist("page", [str(page)] if int(page) > 1 else [])
    encoded = params.urlencode()
    return reverse("search:page") + (f"?{encoded}" if encoded else "")


@register.simple_tag
def search_url(request, **changes):
    """`{% search_url request remove="pole:habitat" %}`, `add=`, `only=` (this value alone in its facet),
    `page=N`, `q=`, `clear="filters"`; `facet="pole"` lets the values be bare. Repeated parameters are kept."""
    return build_search_url(request.GET, **changes)


def _labels(values, into):
    for value in values:
        into[value.value] = value.label
        _labels(value.children, into)
    return into


@register.simple_tag
def search_labels(response):
    """{facet: {value: label}} for every value the facets of this response name."""
    if response is None:
        return {facet: {} for facet in FACETS}
    return {facet: _labels(values, {}) for facet, values in response.facets.items()}


@register.simple_tag
def facet_label(labels, facet, value):
    return labels.get(facet, {}).get(value, value)


@register.simple_tag
def facet_group_name(facet):
    return FACET_GROUP_NAMES.get(facet, facet)


@register.simple_tag
def split_values(values, shown=SHOWN_VALUES):
    """The values a facet shows at once and those behind "more" (none if only a few would hide)."""
    if len(values) <= shown + 2:
        return values, []
    return values[:shown], values[shown:]


@register.simple_tag
def active_filters(request, search_request, labels):
    """The applied filter values, each with its label and the URL of the search without it."""
    return [
        {
            "facet": facet,
            "facet_name": FACET_NAMES[facet],
            "value": value,
            "label": labels.get(facet, {}).get(value, value),
            "remove_url": build_search_url(request.GET, remove=value, facet=facet),
        }
        for facet in FACETS
        for value in search_request.filters.get(facet, [])
    ]


@register.simple_tag
def hit_chips(request, hit, labels):
    """Pole, theme and territory chips of a hit, each linking to the search filtered by it."""
    return [
        {
            "facet": facet,
            "facet_name": FACET_NAMES[facet],
            "label": labels.get(facet, {}).get(value, value),
            "url": build_search_url(request.GET, only=value, facet=facet),
        }
        for facet, attribute in CHIP_FACETS
        for value in getattr(hit, attribute)
    ]


@register.simple_tag
def hit_title(hit):
    """The title with its matched words marked when the engine highlighted all of it, else the plain title."""
    for snippet in hit.snippets:
        html = str(snippet.html)
        if snippet.field == "title" and not html.startswith("…") and not html.endswith("…"):
            return mark_safe(html)  # noqa: S308 - snippet HTML is escaped by the search service except <mark>
    return hit.title


@register.filter
def as_date(value):
    """A hit's date, which engines may give as an ISO string."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value


@register.filter
def short_authors(authors, shown=4):
    """`A, B, C, D et 10 autres`: a study day can list a dozen speakers."""
    if len(authors) <= shown + 1:
        return ", ".join(authors)
    rest = len(authors) - shown
    return ngettext("%(names)s et %(count)d autre", "%(names)s et %(count)d autres", rest) % {
        "names": ", ".join(authors[:shown]),
        "count": rest,
    }


@register.filter
def body_snippets(snippets):
    """The snippets shown under a hit: the title one is already the link."""
    return [snippet for snippet in snippets if snippet.field != "title"]


@register.filter
def has_selected(values):
    """Whether a facet value, or one in a list of them, or any of their descendants is selected."""
    if isinstance(values, list | tuple):
        return any(has_selected(value) for value in values)
    return values.selected or has_selected(values.children)


@register.simple_tag
def search_pages(response, on_each_side=2, on_ends=1):
    """Page numbers around the current one, with None for each gap: [1, None, 7, 8, 9, 10, 11, None, 40]."""
    current, last = response.request.page, response.page_count
    shown = {*range(1, on_ends + 1), *range(last - on_ends + 1, last + 1)}
    shown |= set(range(current - on_each_side, current + on_each_side + 1))
    numbers, previous = [], 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if number - previous == 2:
            numbers.append(number - 1)
        elif number - previous > 2:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers


@register.simple_tag
def kind_labels_json():
    """The labels of every kind of record, as JSON for the autocomplete script."""
    kinds = {"document"} | {m.search_kind for m in apps.get_models() if getattr(m, "search_kind", None)}
    vocabulary = registry.vocabulary("kind")
    labels = vocabulary.labels(kinds) if vocabulary else {}
    return json.dumps({kind: capfirst(str(label)) for kind, label in labels.items()})


@register.simple_tag
def state_inputs(search_request, *keep):
    """The search state as (name, value) pairs for hidden inputs: `keep` names which ("q", "sort", "filters");
    a page size other than the default always goes along."""
    pairs = []
    if "q" in keep and search_request.q:
        pairs.append(("q", search_request.q))
    if "sort" in keep and search_request.sort != "relevance":
        pairs.append(("sort", search_request.sort))
    if "filters" in keep:
        pairs.extend((facet, value) for facet in FACETS for value in search_request.filters.get(facet, []))
    if search_request.page_size != DEFAULT_PAGE_SIZE:
        pairs.append(("page_size", search_request.page_size))
    return pairs
