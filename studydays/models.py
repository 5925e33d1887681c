"""Study days ("journées d'étude"): where, when, who spoke about what, and the proceedings."""

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from citations.items import compact, date_parts, person
from kb.models import ArchivePage, FilterableIndexPage
from kb.records import richtext, stream_text
from resources.models import public_file_url

from .blocks import ProgrammeBlock, programme_slides

# Up to this many documents, content_attachments narrows the programmes by their text before parsing them.
TEXT_NARROWING_LIMIT = 100


class Speaker(index.Indexed, models.Model):
    """Someone who spoke at a study day."""

    name = models.CharField(_("nom"), max_length=200)
    affiliation = models.CharField(_("structure"), max_length=255, blank=True)
    orcid = models.CharField(_("ORCID"), max_length=19, blank=True)

    panels = [FieldPanel("name"), FieldPanel("affiliation"), FieldPanel("orcid")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("affiliation"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("intervenant")
        verbose_name_plural = _("intervenants")
        constraints = [models.UniqueConstraint(fields=["name", "affiliation"], name="unique_speaker")]

    def __str__(self):
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


class StudyDayIndexPage(FilterableIndexPage):
    parent_page_types = ["kb.HomePage"]
    subpage_types = ["studydays.StudyDayPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des journées d'étude")


class StudyDayPage(ArchivePage):
    """A study day (or a multi-day event) with its programme and proceedings."""

    end_date = models.DateField(_("date de fin"), null=True, blank=True)
    venue = models.CharField(_("lieu"), max_length=255)
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    proceedings = RichTextField(
        _("actes"), blank=True, features=["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]
    )

    content_panels = (
        ArchivePage.content_panels
        + [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("date"), FieldPanel("end_date")]), FieldPanel("venue")],
                heading=_("Quand et où"),
            ),
            FieldPanel("summary"),
            InlinePanel("partners", label=_("Partenaires")),
            FieldPanel("programme"),
            FieldPanel("proceedings"),
            InlinePanel("proceedings_documents", label=_("Actes et documents (PDF)")),
        ]
        + ArchivePage.taxonomy_panels
    )
    search_fields = ArchivePage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("programme"),
        index.SearchField("proceedings"),
    ]

    parent_page_types = ["studydays.StudyDayIndexPage"]
    subpage_types = []

    search_kind = "study_day"
    citation_type = "event"
    citation_genre = _("Journée d'étude")
    search_prefetch = [*ArchivePage.search_prefetch, "proceedings_documents__document", "partners"]

    def search_abstract(self):
        return self.venue

    def search_body(self):
        return "\n".join([stream_text(self.programme), richtext(self.proceedings)])

    def search_authors(self):
        return [speaker.name for speaker in self.speakers()]

    class Meta:
        verbose_name = _("journée d'étude")
        verbose_name_plural = _("journées d'étude")

    def clean(self):
        super().clean()
        if not self.date:
            raise ValidationError({"date": _("Indiquez la date de la journée.")})
        if self.end_date and self.end_date < self.date:
            raise ValidationError({"end_date": _("La date de fin ne peut précéder la date de début.")})

    attachment_lookups = ("proceedings_documents__document",)

    def proceedings_files(self):
        """The PDF documents of the proceedings, in their order."""
        return [link.document for link in self.proceedings_documents.all() if link.document]

    def attached_documents(self):
        """The proceedings' documents, then the talks' slides in programme order, each once."""
        slides = [talk["slides"] for session in self.programme for talk in session.value["talks"]]
        documents = [document for document in (*self.proceedings_files(), *slides) if document is not None]
        return list({document.pk: document for document in documents}.values())

    @classmethod
    def content_attachments(cls, pages, document_ids=None):
        """(page, slides id) for each talk's slides, read from the programmes' stored JSON in one query.

        Not from Wagtail's reference index: it is rewritten by a task, which a worker may run after the
        search has read the page, and the search must follow the live content as soon as it is published.
        """
        if document_ids is not None and not document_ids:
            return
        if document_ids is not None and len(document_ids) <= TEXT_NARROWING_LIMIT:
            # A programme that links document 4512 holds the digits "4512": a cheap superset to parse.
            pages = pages.filter(reduce(or_, (Q(programme__icontains=str(pk)) for pk in document_ids)))
        for page in pages.only(*cls.placement_fields, "programme").iterator(chunk_size=500):
            for document_id in dict.fromkeys(programme_slides(page.programme.raw_data)):
                if document_ids is None or document_id in document_ids:
                    yield page, document_id

    def citation_details(self):
        dates = date_parts(self.date, self.end_date)
        return {
            "author": self.pole_authors(),
            "issued": dates,
            "event-date": dates,
            "event-title": self.title,
            "event-place": self.venue,
        }

    def talk_citation_items(self):
        """(talk block id, CSL item) for each talk of the programme: a communication given at the study day."""
        day = self.citation_item()
        items = []
        for session in self.programme:
            for child in session.value["talks"].bound_blocks:
                talk, slides = child.value, child.value["slides"]
                item = {
                    "type": "speech",
                    "genre": str(_("Intervention")),
                    "title": talk["title"],
                    "author": [person(s.name, s.orcid, s.affiliation) for s in talk["speakers"] if s is not None],
                    "issued": date_parts(session.value["day"] or self.date),
                    "abstract": talk["abstract"],
                    "event-title": self.title,
                    "event-place": self.venue,
                    "event-date": day.get("event-date"),
                    "publisher": day.get("publisher"),
                    "keyword": day.get("keyword"),
                    "language": "fr",
                    "custom": {"kind": "talk", "pdf_url": public_file_url(slides), "video_url": talk["video_url"]},
                }
                items.append((child.id, compact(item)))
        return items

    def speakers(self):
        """Every speaker of the programme, in order of appearance, once each."""
        seen = {}
        for session in self.programme:
            for talk in session.value["talks"]:
                for speaker in talk["speakers"]:
                    if speaker is not None:
                        seen.setdefault(speaker.pk, speaker)
        return list(seen.values())


class StudyDayPartner(Orderable):
    page = ParentalKey(StudyDayPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(_("nom"), max_length=255)
    url = models.URLField(_("site web"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire")


class StudyDayDocument(Orderable):
    page = ParentalKey(StudyDayPage, related_name="proceedings_documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "resources.ArchiveDocument",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document des actes")
