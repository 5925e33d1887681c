"""Documents with their extracted text, research papers and the DU course material."""

import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.models import CollectionViewRestriction, Orderable, PageViewRestriction
from wagtail.search import index

from citations.items import Citable, compact, date_parts, person
from kb.blocks import BodyBlock
from kb.forms import PoleBoundPageForm
from kb.models import ArchivePage, FilterableIndexPage
from kb.permissions import PoleBoundItem
from kb.records import paragraphs, richtext, stream_text
from search.access import collection_access
from search.records import PUBLIC, Searchable

from .records import record_of, standalone_records

orcid_validator = RegexValidator(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", _("Un ORCID s'écrit 0000-0002-1825-0097."))
doi_validator = RegexValidator(r"^10\.\d{4,9}/\S+$", _("Un DOI commence par 10. suivi d'un préfixe et d'un suffixe."))
pages_validator = RegexValidator(
    r"^[0-9ivxlcdmIVXLCDM]+(\s*[-–]\s*[0-9ivxlcdmIVXLCDM]+)?$", _("Des pages s'écrivent 12, 12-34 ou xii-xv.")
)
hal_validator = RegexValidator(r"^[a-z]+-\d{6,9}(v\d+)?$", _("Un identifiant HAL s'écrit comme hal-01234567."))


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    RUNNING = "running", _("En cours")
    RETRY = "retry", _("Réessai prévu")
    DONE = "done", _("Texte extrait")
    NO_TEXT = "no_text", _("Aucun texte (scan ?)")
    EMPTY_FILE = "empty_file", _("Fichier vide")
    NOT_PDF = "not_pdf", _("Pas un vrai PDF")
    ENCRYPTED = "encrypted", _("PDF protégé")
    BROKEN = "broken", _("PDF endommagé")
    TIMEOUT = "timeout", _("Trop long à lire")
    TOO_LARGE = "too_large", _("Trop volumineux")
    FAILED = "failed", _("Échec de l'extraction")
    NOT_APPLICABLE = "not_applicable", _("Sans objet (pas un PDF)")


# Files that hold data rather than a text are cited as datasets.
DATASET_EXTENSIONS = {"csv", "ods", "xlsx", "xls"}


class ArchiveDocument(Searchable, Citable, AbstractDocument):
    """A Wagtail document that keeps the text extracted from its PDF, page by page; dated and classed like pages."""

    description = models.TextField(_("description"), blank=True)
    publication_date = models.DateField(
        _("date de publication"),
        null=True,
        blank=True,
        help_text=_("Quand il a paru, non quand il a été versé. Vide : celle des pages qui le joignent, sinon aucune."),
    )
    poles = models.ManyToManyField("kb.Pole", verbose_name=_("pôles"), blank=True, related_name="documents")
    themes = models.ManyToManyField("kb.Theme", verbose_name=_("thèmes"), blank=True, related_name="documents")
    territories = models.ManyToManyField(
        "kb.Territory", verbose_name=_("territoires"), blank=True, related_name="documents"
    )
    extraction_status = models.CharField(
        _("extraction du texte"), max_length=20, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extraction_message = models.CharField(_("détail de l'extraction"), max_length=255, blank=True)
    page_texts = models.JSONField(_("texte par page"), default=list, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), default=0, editable=False)
    extracted_hash = models.CharField(max_length=40, blank=True, editable=False)
    extracted_at = models.DateTimeField(_("extrait le"), null=True, blank=True, editable=False)
    # The worker's progress, kept on the document so that it outlives any worker (resources.tasks).
    extraction_attempts = models.PositiveSmallIntegerField(_("tentatives d'extraction"), default=0, editable=False)
    extraction_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    extraction_retry_at = models.DateTimeField(_("réessai prévu à"), null=True, blank=True, editable=False)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "publication_date",
        "description",
        "poles",
        "themes",
        "territories",
        "tags",
    )
    EXTRACTION_FIELDS = ["extraction_status", "extraction_message", "page_texts", "page_count", "extracted_hash"]

    search_fields = AbstractDocument.search_fields + [index.SearchField("description")]

    class Meta(AbstractDocument.Meta):
        permissions = [("choose_document", "Can choose document")]

    search_source_prefix = "document"

    def search_record(self):
        """None when a live page carries the document's text: it is found through that page (resources.records)."""
        return record_of(self)

    @classmethod
    def search_records(cls):
        return standalone_records(cls.objects.all())

    def citation_item(self, lenders=()):
        """The document as cited by itself; empty date and keywords come from `lenders` as in its record."""
        date = self.publication_date or min((page.date for page in lenders if page.date), default=None)
        themes = [t.name for t in self.themes.all()] or sorted({t.name for page in lenders for t in page.themes.all()})
        return compact(
            {
                "type": "dataset" if self.file_extension.lower() in DATASET_EXTENSIONS else "document",
                "title": self.title,
                "issued": date_parts(date),
                "abstract": self.description,
                "keyword": ", ".join([*themes, *(t.name for t in self.tags.all())]),
                "medium": self.file_extension.upper(),
                "publisher": settings.WAGTAIL_SITE_NAME,
                "custom": {"kind": "document", "pdf_url": self.url if self.file_extension.lower() == "pdf" else ""},
            }
        )

    def clean(self):
        # Wagtail checks the extension even when the form has refused the upload (an empty
        # file): the editor would then also read "extension « » not allowed". One error is enough.
        if self.file:
            super().clean()

    @property
    def text(self):
        return "\n\n".join(self.page_texts)

    def set_extraction(self, status, pages, message):
        self.extraction_status = status
        self.extraction_message = message[:255]
        self.page_texts = pages if status in {ExtractionStatus.DONE, ExtractionStatus.NO_TEXT} else []
        self.page_count = len(pages)
        self.extracted_hash = self.file_hash

    def extraction_state(self):
        """The extraction as an editor reads it: « En attente », « Réessai prévu à 14:32 », « Échec : … »."""
        if self.extraction_status == ExtractionStatus.RETRY and self.extraction_retry_at:
            when = date_format(timezone.localtime(self.extraction_retry_at), "j F à H:i")
            return _("Réessai prévu le %(when)s (tentative %(attempt)d) : %(reason)s") % {
                "when": when,
                "attempt": self.extraction_attempts + 1,
                "reason": self.extraction_message,
            }
        label = self.get_extraction_status_display()
        if self.extraction_ok or not self.extraction_message or self.extraction_status == ExtractionStatus.RUNNING:
            return label
        return _("Échec : %(label)s. %(reason)s") % {"label": label, "reason": self.extraction_message}

    @property
    def extraction_ok(self):
        return self.extraction_status in {ExtractionStatus.DONE, ExtractionStatus.NOT_APPLICABLE}


class DatePrecision(models.TextChoices):
    """How much of a date is known: many references give a year only, or a month."""

    DAY = "day", _("Jour")
    MONTH = "month", _("Mois")
    YEAR = "year", _("Année")


class ResearchPaperIndexPage(FilterableIndexPage):
    parent_page_types = ["kb.HomePage"]
    subpage_types = ["resources.ResearchPaperPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des travaux de recherche")


class PaperType(models.TextChoices):
    ARTICLE = "article", _("Article")
    THESIS = "these", _("Thèse")
    DISSERTATION = "memoire", _("Mémoire")
    REPORT = "rapport", _("Rapport d'étude")
    CHAPTER = "chapitre", _("Chapitre d'ouvrage")
    BOOK = "ouvrage", _("Ouvrage")
    COMMUNICATION = "communication", _("Communication")
    WORKING_PAPER = "document_travail", _("Document de travail")


# The CSL type of each kind of paper, and the French genre that tells apart two kinds sharing one type.
PAPER_CITATION_TYPES = {
    PaperType.ARTICLE: ("article-journal", ""),
    PaperType.THESIS: ("thesis", _("Thèse de doctorat")),
    PaperType.DISSERTATION: ("thesis", _("Mémoire")),
    PaperType.REPORT: ("report", _("Rapport d'étude")),
    PaperType.CHAPTER: ("chapter", ""),
    PaperType.BOOK: ("book", ""),
    PaperType.COMMUNICATION: ("paper-conference", _("Communication")),
    PaperType.WORKING_PAPER: ("report", _("Document de travail")),
}


# The languages of the references an ESS resource centre keeps (ISO 639-1).
LANGUAGES = [
    ("fr", _("Français")),
    ("en", _("Anglais")),
    ("es", _("Espagnol")),
    ("it", _("Italien")),
    ("de", _("Allemand")),
    ("pt", _("Portugais")),
    ("ca", _("Catalan")),
]


def public_file_url(document):
    """The document's address when anyone may download it (a public collection), else ""."""
    if document is None or collection_access(document.collection) != PUBLIC:
        return ""
    return document.url


class ResearchPaperPage(PoleBoundItem, ArchivePage):
    """A piece of research about the ESS, with its authors, identifiers and PDF."""

    paper_type = models.CharField(_("type"), max_length=20, choices=PaperType.choices, default=PaperType.ARTICLE)
    date_precision = models.CharField(
        _("précision de la date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("« Année » : seule l'année est connue (le jour et le mois saisis sont ignorés)."),
    )
    venue = models.CharField(
        _("revue, ouvrage ou colloque"),
        max_length=255,
        blank=True,
        help_text=_(
            "La revue d'un article, l'ouvrage d'un chapitre, le colloque d'une communication. "
            "Pour une thèse, un rapport ou un ouvrage : l'établissement ou l'éditeur, si le champ suivant est vide."
        ),
    )
    publisher = models.CharField(_("éditeur ou établissement"), max_length=255, blank=True)
    place = models.CharField(_("lieu d'édition"), max_length=120, blank=True)
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("numéro"), max_length=20, blank=True)
    pages = models.CharField(_("pages"), max_length=20, blank=True, validators=[pages_validator])
    abstract = RichTextField(_("résumé"), blank=True, features=["bold", "italic", "link"])
    doi = models.CharField(_("DOI"), max_length=255, blank=True, validators=[doi_validator])
    hal_id = models.CharField(_("identifiant HAL"), max_length=40, blank=True, validators=[hal_validator])
    external_url = models.URLField(_("adresse en ligne"), blank=True)
    language = models.CharField(
        _("langue"),
        max_length=8,
        choices=LANGUAGES,
        default="fr",
    )
    pdf = models.ForeignKey(
        ArchiveDocument, verbose_name=_("PDF"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = (
        ArchivePage.content_panels
        + [
            InlinePanel("authors", label=_("Auteurs"), min_num=1),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("paper_type"), FieldPanel("language")]),
                    FieldRowPanel([FieldPanel("date"), FieldPanel("date_precision")]),
                    FieldPanel("venue"),
                    FieldRowPanel([FieldPanel("publisher"), FieldPanel("place")]),
                    FieldRowPanel([FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
                ],
                heading=_("Publication"),
            ),
            FieldPanel("abstract"),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("doi"), FieldPanel("hal_id")]), FieldPanel("external_url")],
                heading=_("Identifiants"),
            ),
            FieldPanel("pdf"),
        ]
        + ArchivePage.taxonomy_panels
    )
    search_fields = ArchivePage.search_fields + [
        index.SearchField("abstract", boost=4),
        index.SearchField("venue"),
        index.RelatedFields("authors", [index.SearchField("name")]),
    ]

    parent_page_types = ["resources.ResearchPaperIndexPage"]
    subpage_types = []
    # Animators propose papers for their own pole only (kb.permissions).
    base_form_class = PoleBoundPageForm

    search_kind = "research_paper"
    search_prefetch = [*ArchivePage.search_prefetch, "authors", "pdf"]

    def search_abstract(self):
        return "\n".join(filter(None, [richtext(self.abstract), self.venue, self.publisher, self.doi, self.hal_id]))

    def citation_details(self):
        csl_type, genre = PAPER_CITATION_TYPES[self.paper_type]
        # A thesis, a report or a book has no container: what editors typed as its venue is who published it.
        contained = csl_type in {"article-journal", "chapter", "paper-conference"}
        details = {
            "type": csl_type,
            "genre": str(genre),
            "author": [person(a.name, a.orcid, a.affiliation) for a in self.authors.all()],
            "issued": date_parts(self.date, precision=self.date_precision),
            "abstract": paragraphs(self.abstract) or self.summary,
            "container-title": self.venue if contained else "",
            "event-title": self.venue if csl_type == "paper-conference" else "",
            "publisher": self.publisher or ("" if contained else self.venue),
            "publisher-place": self.place,
            "volume": self.volume,
            "issue": self.issue,
            "page": self.pages.replace("–", "-").replace(" ", ""),
            "DOI": self.doi,
            "language": self.language,
            "custom": {
                "kind": self.search_kind,
                "hal_id": self.hal_id,
                "external_url": self.external_url,
                "pdf_url": public_file_url(self.pdf),
            },
        }
        return details

    def search_authors(self):
        return self.author_names

    class Meta:
        verbose_name = _("travail de recherche")
        verbose_name_plural = _("travaux de recherche")

    attachment_lookups = ("pdf",)

    def attached_documents(self):
        return [self.pdf] if self.pdf else []

    @property
    def author_names(self):
        return [author.name for author in self.authors.all()]

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def hal_url(self):
        return f"https://hal.science/{self.hal_id}" if self.hal_id else ""


class ResearchPaperAuthor(Orderable):
    page = ParentalKey(ResearchPaperPage, related_name="authors", on_delete=models.CASCADE)
    name = models.CharField(_("nom"), max_length=200)
    orcid = models.CharField(_("ORCID"), max_length=19, blank=True, validators=[orcid_validator])
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("orcid")]), FieldPanel("affiliation")]

    class Meta(Orderable.Meta):
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def __str__(self):
        return self.name


class ReadingBlock(blocks.StreamBlock):
    """A reading list: archive items, documents and outside references."""

    item = blocks.PageChooserBlock(page_type="kb.ArchivePage", label=_("élément de l'archive"))
    document = DocumentChooserBlock(label=_("document"))
    reference = blocks.StructBlock(
        [("citation", blocks.CharBlock(label=_("référence"))), ("url", blocks.URLBlock(required=False))],
        label=_("référence extérieure"),
        icon="link",
    )


class CourseIndexPage(FilterableIndexPage):
    """The DU ESS: its courses, open to the DU students only."""

    parent_page_types = ["kb.HomePage"]
    subpage_types = ["resources.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index du DU ESS")


class CoursePage(ArchivePage):
    """A course of the DU, made of lessons."""

    code = models.CharField(_("code du module"), max_length=20, blank=True)
    teachers = models.CharField(_("enseignants"), max_length=255, blank=True)
    description = RichTextField(_("présentation"), features=["bold", "italic", "link", "ol", "ul"])
    reading_list = StreamField(ReadingBlock(), blank=True, verbose_name=_("bibliographie"))

    content_panels = (
        ArchivePage.content_panels
        + [
            FieldRowPanel([FieldPanel("code"), FieldPanel("date")]),
            FieldPanel("teachers"),
            FieldPanel("summary"),
            FieldPanel("description"),
            FieldPanel("reading_list"),
        ]
        + ArchivePage.taxonomy_panels
    )
    search_fields = ArchivePage.search_fields + [index.SearchField("description")]

    parent_page_types = ["resources.CourseIndexPage"]
    subpage_types = ["resources.LessonPage"]

    search_kind = "course"
    citation_genre = _("Cours du DU ESS")

    def search_abstract(self):
        return self.teachers

    def citation_details(self):
        return {"author": teacher_names(self.teachers), "number": self.code}

    def search_body(self):
        return "\n".join([richtext(self.description), stream_text(self.reading_list)])

    class Meta:
        verbose_name = _("cours du DU")
        verbose_name_plural = _("cours du DU")

    def lessons(self):
        return LessonPage.objects.child_of(self).live().order_by("number", "path")


def teacher_names(teachers):
    """The course's teachers as CSL names, from the one field editors fill ("A. Martin, B. Durand et C. Roy")."""
    names = re.split(r"\s*(?:,|;|\bet\b)\s*", teachers)
    return [person(name) for name in names if name.strip()]


class LessonPage(ArchivePage):
    """A session of a DU course, with its material and readings."""

    number = models.PositiveSmallIntegerField(_("numéro de séance"), default=1)

    citation_genre = _("Séance du DU ESS")
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))
    reading_list = StreamField(ReadingBlock(), blank=True, verbose_name=_("lectures"))

    content_panels = (
        ArchivePage.content_panels
        + [
            FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
            FieldPanel("summary"),
            FieldPanel("body"),
            FieldPanel("reading_list"),
            InlinePanel("documents", label=_("Documents de la séance")),
        ]
        + ArchivePage.taxonomy_panels
    )
    search_fields = ArchivePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["resources.CoursePage"]
    subpage_types = []

    search_kind = "lesson"
    search_prefetch = [*ArchivePage.search_prefetch, "documents__document"]

    def search_body(self):
        return "\n".join([stream_text(self.body), stream_text(self.reading_list)])

    def citation_details(self):
        course = self.get_parent().specific
        teachers = getattr(course, "teachers", "")
        return {"author": teacher_names(teachers), "container-title": course.title, "number": str(self.number)}

    class Meta:
        verbose_name = _("séance du DU")
        verbose_name_plural = _("séances du DU")

    attachment_lookups = ("documents__document",)

    def attached_documents(self):
        return [link.document for link in self.documents.all() if link.document]

    def clean(self):
        super().clean()
        if self.number == 0:
            raise ValidationError({"number": _("Les séances sont numérotées à partir de 1.")})


class LessonDocument(Orderable):
    page = ParentalKey(LessonPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        ArchiveDocument, verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document de séance")


class DUCohortQuerySet(models.QuerySet):
    def lapsed(self):
        """Cohorts whose access end date has passed: their students no longer open the DU material."""
        return self.filter(access_end__lt=timezone.localdate())


class DUCohort(models.Model):
    """A class of the DU ESS: its students' group opens the course material until the access end date.

    The group is created and renamed with the cohort; the check against the end date is
    made on every request (kb.visibility), so nothing has to run on that day.
    """

    GROUP_PREFIX = "Étudiants DU — "

    promotion = models.CharField(
        _("promotion"), max_length=120, unique=True, help_text=_("Par exemple « promotion 2025-2026 ».")
    )
    access_end = models.DateField(
        _("fin de l'accès"),
        null=True,
        blank=True,
        help_text=_("Dernier jour où ses étudiants voient les supports du DU. Vide : sans limite."),
    )
    group = models.OneToOneField(
        Group, verbose_name=_("groupe"), editable=False, on_delete=models.CASCADE, related_name="du_cohort"
    )

    objects = DUCohortQuerySet.as_manager()

    panels = [FieldPanel("promotion"), FieldPanel("access_end")]

    class Meta:
        ordering = ["-promotion"]
        verbose_name = _("promotion du DU")
        verbose_name_plural = _("promotions du DU")

    def __str__(self):
        return self.group_name

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.group_id is None:
                self.group, _created = Group.objects.get_or_create(name=self.group_name)
                super().save(*args, **kwargs)
                self.open_course_material()
                return
            if self.group.name != self.group_name:
                self.group.name = self.group_name
                self.group.save(update_fields=["name"])
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # The group exists for the cohort only: it goes with it (and so leaves every view restriction).
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            self.group.delete()
        return result

    @property
    def group_name(self):
        return f"{self.GROUP_PREFIX}{self.promotion}"

    def open_course_material(self):
        """A new cohort opens what the earlier cohorts open: every group restriction naming another cohort."""
        for restriction_model in (PageViewRestriction, CollectionViewRestriction):
            restrictions = restriction_model.objects.filter(
                restriction_type=restriction_model.GROUPS, groups__du_cohort__isnull=False
            ).exclude(groups=self.group)
            for restriction in restrictions.distinct():
                restriction.groups.add(self.group)
