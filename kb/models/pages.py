"""Home page, pole sections and notes, practice exchanges and thematic answers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from citations.items import date_parts
from kb.blocks import BodyBlock, SynthesisBlock
from kb.forms import PoleBoundPageForm
from kb.permissions import PoleBoundItem
from kb.records import richtext, stream_text
from kb.visibility import visible_to

from .archive import ArchivePage, FilterableIndexPage
from .taxonomy import Pole, Theme

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HomePage(Page):
    """The resource centre's front door: what it is, the big questions, the latest items."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_items"] = (
            visible_to(ArchivePage.objects.live().descendant_of(self), request).order_by("-date", "-pk").specific()[:6]
        )
        context["themes"] = Theme.objects.all()
        context["poles"] = Pole.objects.all()
        return context


class PoleIndexPage(Page):
    """Lists the thematic poles, each with its section."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["kb.HomePage"]
    subpage_types = ["kb.PoleSectionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des pôles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = PoleSectionPage.objects.child_of(self).live().public().select_related("pole")
        return context


class PoleSectionPage(FilterableIndexPage):
    """A pole's own section, where its animators publish notes."""

    pole = models.OneToOneField(Pole, verbose_name=_("pôle"), on_delete=models.PROTECT, related_name="section_page")
    animators_text = models.TextField(_("animation du pôle"), blank=True)

    # Only those who manage the poles may give a section to another pole (and so to other animators).
    content_panels = FilterableIndexPage.content_panels + [
        FieldPanel("pole", permission="kb.change_pole"),
        FieldPanel("animators_text"),
    ]

    parent_page_types = ["kb.PoleIndexPage"]
    subpage_types = ["kb.PoleNotePage"]

    class Meta:
        verbose_name = _("section de pôle")
        verbose_name_plural = _("sections de pôle")

    def listed_items(self, request):
        """The pole's notes and every other archive item classed in the pole."""
        return visible_to(ArchivePage.objects.live().filter(poles=self.pole), request)


class PoleNotePage(ArchivePage):
    """A note published by a pole's animators in their section."""

    body = StreamField(BodyBlock(), verbose_name=_("contenu"))

    content_panels = (
        ArchivePage.content_panels
        + [
            FieldPanel("date"),
            FieldPanel("summary"),
            FieldPanel("body"),
        ]
        + ArchivePage.taxonomy_panels
    )
    search_fields = ArchivePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["kb.PoleSectionPage"]
    subpage_types = []

    search_kind = "pole_note"
    citation_type = "post-weblog"
    citation_genre = _("Note de pôle")

    def search_body(self):
        return stream_text(self.body)

    def citation_details(self):
        # The pole writes its notes: named as their author, not again as where they appeared.
        return {"author": self.pole_authors()}

    class Meta:
        verbose_name = _("note de pôle")
        verbose_name_plural = _("notes de pôle")

    def save(self, *args, **kwargs):
        # A note always belongs to the pole of the section it is published in.
        section = self.get_parent().specific if self.path else None
        if isinstance(section, PoleSectionPage):
            # set() rather than add(): add() reads the database, which fails before the first save.
            self.poles.set({*self.poles.all(), section.pole})
        super().save(*args, **kwargs)


class PracticeExchangeIndexPage(FilterableIndexPage):
    parent_page_types = ["kb.HomePage"]
    subpage_types = ["kb.PracticeExchangePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des échanges de pratiques")


class PracticeExchangePage(PoleBoundItem, ArchivePage):
    """What actors did somewhere, what came of it and what others can reuse."""

    context = RichTextField(_("contexte"), features=RICH_TEXT_FEATURES)
    actors = RichTextField(_("acteurs"), features=RICH_TEXT_FEATURES, blank=True)
    actions = RichTextField(_("ce qui a été fait"), features=RICH_TEXT_FEATURES)
    results = RichTextField(_("résultats"), features=RICH_TEXT_FEATURES, blank=True)
    lessons = RichTextField(_("enseignements et transférabilité"), features=RICH_TEXT_FEATURES, blank=True)
    contacts = RichTextField(_("contacts"), features=["bold", "italic", "link"], blank=True)

    content_panels = (
        ArchivePage.content_panels
        + [
            FieldPanel("date"),
            FieldPanel("summary"),
            FieldPanel("context"),
            FieldPanel("actors"),
            FieldPanel("actions"),
            FieldPanel("results"),
            FieldPanel("lessons"),
            FieldPanel("contacts"),
        ]
        + ArchivePage.taxonomy_panels
    )
    search_fields = ArchivePage.search_fields + [
        index.SearchField("context"),
        index.SearchField("actors"),
        index.SearchField("actions"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]

    parent_page_types = ["kb.PracticeExchangeIndexPage"]
    subpage_types = []
    # Animators propose exchanges for their own pole only (kb.permissions).
    base_form_class = PoleBoundPageForm

    search_kind = "practice_exchange"
    citation_type = "report"
    citation_genre = _("Fiche d'échange de pratiques")

    def citation_details(self):
        return {"author": self.pole_authors()}

    def search_body(self):
        return richtext(self.context, self.actors, self.actions, self.results, self.lessons, self.contacts)

    class Meta:
        verbose_name = _("échange de pratiques")
        verbose_name_plural = _("échanges de pratiques")


class ThematicAnswerIndexPage(FilterableIndexPage):
    parent_page_types = ["kb.HomePage"]
    subpage_types = ["kb.ThematicAnswerPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des réponses thématiques")


class ThematicAnswerPage(ArchivePage):
    """A big question answered from the archive: each claim links its evidence."""

    question = models.CharField(_("question"), max_length=255)
    theme = models.ForeignKey(Theme, verbose_name=_("thème"), on_delete=models.PROTECT, related_name="answers")
    synthesis = StreamField(SynthesisBlock(), verbose_name=_("synthèse"))
    last_reviewed = models.DateField(_("dernière relecture"))
    related_pages = StreamField(
        [("item", blocks.PageChooserBlock(page_type="kb.ArchivePage", label=_("élément de l'archive")))],
        blank=True,
        verbose_name=_("éléments liés"),
    )

    content_panels = (
        ArchivePage.content_panels
        + [
            FieldPanel("question"),
            FieldPanel("theme"),
            FieldPanel("summary"),
            FieldPanel("synthesis"),
            MultiFieldPanel([FieldPanel("last_reviewed"), FieldPanel("date")], heading=_("Dates")),
            FieldPanel("related_pages"),
        ]
        + ArchivePage.taxonomy_panels
    )
    search_fields = ArchivePage.search_fields + [
        index.SearchField("question", boost=6),
        index.SearchField("synthesis"),
    ]

    parent_page_types = ["kb.ThematicAnswerIndexPage"]
    subpage_types = []

    search_kind = "thematic_answer"
    citation_type = "report"
    citation_genre = _("Réponse thématique")

    def citation_details(self):
        # A synthesis is as current as its last review: that is the date a reader cites.
        return {"issued": date_parts(self.last_reviewed or self.date), "author": self.pole_authors()}

    def search_abstract(self):
        return self.question

    def search_body(self):
        return stream_text(self.synthesis)

    class Meta:
        verbose_name = _("réponse thématique")
        verbose_name_plural = _("réponses thématiques")

    def clean(self):
        super().clean()
        if self.last_reviewed and self.date and self.last_reviewed < self.date:
            raise ValidationError({"last_reviewed": _("La relecture ne peut précéder la rédaction.")})
