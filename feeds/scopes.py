"""What a feed follows: one listing of the archive (the latest items, a kind, a pole, a territory, a theme,
a tag or a search), told as the search filters that select it, with the listing's title and page.

Every feed is a search with a filter: the listings' own pages and their feeds then find the same items.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from taggit.models import Tag
from wagtail.documents import get_document_model

from kb.models import ArchivePage, FilterableIndexPage, Pole, PoleSectionPage, Territory, Theme
from search import registry
from search.params import FACET_NAMES

# DU course material is closed to everyone but its students, and feeds are read anonymously: a feed of it
# would stay empty for ever, so it has none (its index shows no « S'abonner » link either).
CLOSED_KINDS = frozenset({"course", "lesson"})


class UnknownListing(Exception):
    """The listing a feed address names does not exist; the message says which, in French."""


@dataclass(frozen=True)
class Scope:
    """A listing: its title, its page (relative URL) and the filters its feed address fixes."""

    title: str
    link: str
    filters: dict = field(default_factory=dict)

    def narrowed(self, filters):
        """The scope further filtered by the feed's GET parameters: its title and page say so."""
        if not any(filters.values()):
            return self
        query = urlencode({facet: values for facet, values in filters.items() if values}, doseq=True)
        return Scope(
            title=f"{self.title} ({describe(filters)})",
            link=f"{self.link}{'&' if '?' in self.link else '?'}{query}",
            filters={**self.filters, **{facet: values for facet, values in filters.items() if values}},
        )


def describe(filters):
    """« Pôle : Habitat coopératif ; Année : 2021 »: the filters as a reader names them."""
    parts = []
    for facet, values in filters.items():
        if not values:
            continue
        vocabulary = registry.vocabulary(facet)
        labels = vocabulary.labels(values) if vocabulary else {}
        shown = ", ".join(str(labels.get(value, value)) for value in values)
        parts.append(_("%(facet)s : %(values)s") % {"facet": FACET_NAMES[facet], "values": shown})
    return " ; ".join(parts)


def latest(site):
    """The archive's newest items, whose page is the home page of the site serving the request."""
    link = site.root_page.url if site and site.root_page.url else "/"
    return Scope(title=_("Dernières entrées de l’archive"), link=link)


def search(q):
    title = _("Recherche « %(q)s »") % {"q": q} if q else _("Recherche dans l’archive")
    link = reverse("search:page") + (f"?{urlencode({'q': q})}" if q else "")
    return Scope(title=title, link=link)


def kind(key):
    names = kind_names()
    if key not in names or key in CLOSED_KINDS:
        raise UnknownListing(
            _("Aucun flux pour le type « %(key)s » : les types suivis sont %(kinds)s.")
            % {
                "key": key,
                "kinds": ", ".join(sorted(set(names) - CLOSED_KINDS)),
            }
        )
    index = index_page_of(key)
    link = index.url if index else f"{reverse('search:page')}?{urlencode({'kind': key})}"
    return Scope(title=str(names[key]).capitalize(), link=link, filters={"kind": [key]})


def pole(slug):
    found = Pole.objects.filter(slug=slug).first()
    if found is None:
        raise UnknownListing(_("Pôle inconnu : « %(key)s ».") % {"key": slug})
    title = _("Pôle %(name)s") % {"name": found.name}
    return Scope(title=title, link=found.get_absolute_url(), filters={"pole": [slug]})


def territory(key):
    found = Territory.objects.filter(Q(code=key) | Q(slug=key)).first()
    if found is None:
        raise UnknownListing(_("Territoire inconnu : « %(key)s ».") % {"key": key})
    title = f"{found.name} ({found.get_kind_display()})"
    # A commune-tagged item counts under its EPCI, département and région: the records say so (territory_scope).
    return Scope(title=title, link=found.get_absolute_url(), filters={"territory": [found.key]})


def theme(slug):
    found = Theme.objects.filter(slug=slug).first()
    if found is None:
        raise UnknownListing(_("Thème inconnu : « %(key)s ».") % {"key": slug})
    title = _("Thème %(name)s") % {"name": found.name}
    return Scope(title=title, link=found.get_absolute_url(), filters={"theme": [slug]})


def tag(slug):
    found = Tag.objects.filter(slug=slug).first()
    if found is None:
        raise UnknownListing(_("Mot-clé inconnu : « %(key)s ».") % {"key": slug})
    link = reverse("kb:tag", args=[found.slug])
    return Scope(title=_("Mot-clé « %(name)s »") % {"name": found.name}, link=link, filters={"tag": [found.slug]})


SCOPES = {"kind": kind, "pole": pole, "territory": territory, "theme": theme, "tag": tag}


def kind_names():
    """{kind: plural name} of every kind a record can have."""
    names = {model.search_kind: model._meta.verbose_name_plural for model in ArchivePage.concrete_types()}
    names["document"] = get_document_model()._meta.verbose_name_plural
    return names


def index_kind(page_class):
    """The kind an index page lists (its child pages'), or None for a pole section, which lists a pole."""
    if issubclass(page_class, PoleSectionPage):
        return None
    kinds = {getattr(model, "search_kind", None) for model in page_class.allowed_subpage_models()}
    return kinds.pop() if len(kinds) == 1 else None


def index_page_of(key):
    """The live, public index page that lists items of this kind, if there is one."""
    for model in FilterableIndexPage.__subclasses__():
        if index_kind(model) == key:
            return model.objects.live().public().order_by("path").first()
    return None
