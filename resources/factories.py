"""Factories for documents, research papers and the DU course material."""

import datetime

import factory
import wagtail_factories

from django.core.files.base import ContentFile

from kb.factories import ArchivePageFactoryMixin, ClassifiedFactory

from . import models
from .pdf import make_pdf


class ArchiveDocumentFactory(ClassifiedFactory):
    """A document whose file is a real PDF made from `pages` (a list of page texts)."""

    class Meta:
        model = models.ArchiveDocument

    class Params:
        pages = ["Économie sociale et solidaire : actes de la journée."]
        filename = "document.pdf"

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(make_pdf(o.pages, title=o.title), name=o.filename))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document

    @factory.post_generation
    def territories(self, create, extracted, **kwargs):
        if extracted:
            self.territories.set(extracted)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # The hooks write the relations themselves: no second save (it would queue a second extraction).
        pass


class ResearchPaperIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ResearchPaperIndexPage

    title = "Travaux de recherche"
    slug = "recherche-travaux"


class ResearchPaperPageFactory(ArchivePageFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = models.ResearchPaperPage

    title = factory.Sequence(lambda n: f"Travail de recherche {n}")
    abstract = "<p>Une étude des coopératives d'habitants en Loire-Atlantique.</p>"
    date = datetime.date(2005, 6, 1)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """Authors in order: names, or dicts with `name`, `orcid` and `affiliation`."""
        for author in extracted or ["Camille Martin"]:
            fields = author if isinstance(author, dict) else {"name": author}
            self.authors.add(models.ResearchPaperAuthor(**fields))


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.CourseIndexPage

    title = "DU ESS"
    slug = "du-ess"


class CoursePageFactory(ArchivePageFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = models.CoursePage

    title = factory.Sequence(lambda n: f"Cours {n}")
    description = "<p>Histoire et fondements de l'économie sociale et solidaire.</p>"


class LessonPageFactory(ArchivePageFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = models.LessonPage

    title = factory.Sequence(lambda n: f"Séance {n}")
    number = factory.Sequence(lambda n: n + 1)
