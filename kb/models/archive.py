"""The base of every archive item and of the listings that show them."""

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from citations.items import Citable, compact, date_parts
from kb.inlines import UniqueRowsChooserPanel
from kb.visibility import visible_to
from search.records import Searchable

from .taxonomy import Pole, Territory, Theme


class ArchivePageTag(TaggedItemBase):
    content_object = ParentalKey("kb.ArchivePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArchivePageTerritory(Orderable):
    """A territory an item is about; chosen through a searchable chooser."""

    page = ParentalKey("kb.ArchivePage", related_name="territory_links", on_delete=models.CASCADE)
    territory = models.ForeignKey(
        Territory, verbose_name=_("territoire"), related_name="page_links", on_delete=models.CASCADE
    )

    panels = [FieldPanel("territory")]

    class Meta(Orderable.Meta):
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "territory"],
                name="unique_page_territory",
                violation_error_message=_("Ce territoire est déjà choisi."),
            )
        ]


class ArchivePage(Searchable, Citable, Page):
    """Everything the archive keeps shares a date, a summary and the taxonomy.

    One concrete table so that pole, territory, theme and tag listings cross every
    content type in one query.
    """

    date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    summary = models.TextField(_("résumé"), blank=True)
    poles = ParentalManyToManyField(Pole, verbose_name=_("pôles"), blank=True, related_name="pages")
    themes = ParentalManyToManyField(Theme, verbose_name=_("thèmes"), blank=True, related_name="pages")
    tags = ClusterTaggableManager(_("mots-clés"), through=ArchivePageTag, blank=True)

    # Editors create the concrete types; a bare archive item has no template nor form of its own.
    is_creatable = False

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("poles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                UniqueRowsChooserPanel(
                    "territory_links",
                    chooser_field_name="territory",
                    label=_("Territoires"),
                    add_label=_("Ajouter des territoires"),
                    min_num=0,
                ),
                FieldPanel("tags"),
            ],
            heading=_("Classement"),
        )
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=4),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("élément d'archive")
        verbose_name_plural = _("éléments d'archive")

    search_source_prefix = "page"
    search_kind = "item"

    def search_record(self):
        from kb.records import archive_page_record

        return archive_page_record(self)

    # What a page's record reads besides its own row, fetched in bulk on rebuilds.
    search_prefetch = ["poles", "themes", "tags", "territory_links__territory"]

    @classmethod
    def search_records(cls):
        """Every live archive item's record, for rebuilds: type by type, with their relations prefetched."""
        from kb.records import archive_page_record
        from search.access import PageAccessMap

        access = PageAccessMap()
        sites = cls.site_names()
        for model in cls.concrete_types():
            pages = model.objects.live().exact_type(model).order_by("pk").prefetch_related(*model.search_prefetch)
            for page in pages.iterator(chunk_size=500):
                record = archive_page_record(page, access=access.key(page), sites=sites)
                if record is not None:
                    yield record

    @classmethod
    def concrete_types(cls):
        found = []
        for sub in cls.__subclasses__():
            if not sub._meta.abstract and not sub._meta.proxy:
                found.append(sub)
            found.extend(sub.concrete_types())
        return found

    def search_abstract(self):
        return ""

    def search_body(self):
        return ""

    def search_authors(self):
        return []

    # The lookups from a page to the documents attached_documents() returns, to read them in bulk.
    attachment_lookups = ()

    def attached_documents(self):
        """The documents whose text the page's record carries (each type follows its `attachment_lookups`)."""
        return []

    def search_related_sources(self):
        # Whether a document is a hit of its own, and which date and taxonomy it borrows, depends on its pages.
        return [document.search_source for document in self.attached_documents()]

    # What live_attachments loads of a page: enough for its URL and its access.
    placement_fields = ("path", "depth", "url_path", "alias_of_id")

    @classmethod
    def live_attachments(cls, document_ids=None):
        """(page, document id) for each document a live archive item attaches, of every type, in a few queries.

        The pages hold only what their URL and access need; `document_ids` limits the search to these documents.
        """
        wanted = None if document_ids is None else set(document_ids)
        for model in cls.concrete_types():
            live = model.objects.live().exact_type(model)
            for lookup in model.attachment_lookups:
                pages = live.annotate(attached_id=F(lookup)).filter(attached_id__isnull=False)
                if wanted is not None:
                    pages = pages.filter(attached_id__in=wanted)
                for page in pages.only(*cls.placement_fields).iterator(chunk_size=2000):
                    yield page, page.attached_id
            yield from model.content_attachments(live, wanted)

    @classmethod
    def content_attachments(cls, pages, document_ids=None):
        """(page, document id) for the documents that `pages` (live, of this type) attach through their content.

        The documents attached_documents() returns that no `attachment_lookups` reaches, such as a chooser in a
        StreamField; limited to `document_ids` when given. A type overrides it in a few queries for any number of pages.
        """
        return ()

    # How the item is cited (citations.items): a CSL type, and a French genre when the type alone says too little.
    citation_type = "webpage"
    citation_genre = ""

    def citation_item(self, sites=None):
        """The item as citations, exports and harvesters read it: CSL-JSON, without its id and address.

        `sites` (ArchivePage.site_names()) is for rebuilds: read once rather than once per page.
        """
        item = {
            "type": self.citation_type,
            "genre": str(self.citation_genre),
            "title": self.title,
            "issued": date_parts(self.date),
            "abstract": self.summary,
            "keyword": ", ".join(self.citation_keywords()),
            "language": "fr",
            "publisher": self.citation_publisher(sites),
            "custom": {"kind": self.search_kind},
        }
        item.update(self.citation_details())
        return compact(item)

    def citation_details(self):
        """What a type adds to (or changes in) the common CSL fields: authors, container, event…"""
        return {}

    def citation_keywords(self):
        return [theme.name for theme in self.themes.all()] + [tag.name for tag in self.tags.all()]

    def citation_publisher(self, sites=None):
        """The resource centre that publishes the item: its Wagtail site's name."""
        if sites is None:
            site = self.get_site()
            name = site.site_name if site else ""
        else:
            # The site get_site() reads: the first, in Wagtail's order, whose root holds the page.
            name = next((site_name for root, site_name in sites if self.url_path.startswith(root)), "")
        return name or settings.WAGTAIL_SITE_NAME

    @staticmethod
    def site_names():
        """(root path, name) of every site, in the order Wagtail looks for a page's site."""
        names = dict(Site.objects.values_list("pk", "site_name"))
        return [(root.root_path, names.get(root.site_id, "")) for root in Site.get_site_root_paths()]

    def pole_authors(self):
        """The item's poles as its authors (CSL literal names), for what a pole writes as a body."""
        return [{"literal": _("Pôle %(name)s") % {"name": pole.name}} for pole in self.poles.all()]

    @property
    def year(self):
        return self.date.year if self.date else None

    @property
    def territories(self):
        return [link.territory for link in self.territory_links.all()]

    @property
    def kind_label(self):
        return self.specific_class._meta.verbose_name


class FilterableIndexPage(Page):
    """Abstract listing page: its live children, paginated, filtered by taxonomy and year."""

    introduction = models.TextField(_("introduction"), blank=True)
    page_size = 12

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        abstract = True

    def listed_items(self, request):
        return visible_to(ArchivePage.objects.child_of(self).live(), request)

    def get_context(self, request, *args, **kwargs):
        from kb.listing import filter_archive_items

        context = super().get_context(request, *args, **kwargs)
        listing = filter_archive_items(self.listed_items(request), request.GET)
        paginator = Paginator(listing.items, self.page_size)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        context.update(listing=listing, items=page, paginator=paginator)
        return context
