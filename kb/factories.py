"""Factories for the knowledge-base core, used by the tests and the demo archive."""

import datetime

import factory
import wagtail_factories

from django.utils.text import slugify

from . import models


class PoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Pole
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Pôle {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class TerritoryFactory(factory.django.DjangoModelFactory):
    """A local territory (quartier by default) under an optional parent."""

    class Meta:
        model = models.Territory

    name = factory.Sequence(lambda n: f"Quartier {n}")
    kind = models.TerritoryKind.QUARTIER


class ClassifiedFactory(factory.django.DjangoModelFactory):
    """Poles, themes and tags for anything classed like an archive item: `poles=[...]`, `themes=[...]`, `tags=[...]`."""

    @factory.post_generation
    def poles(self, create, extracted, **kwargs):
        if extracted:
            self.poles.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)


class ArchivePageFactoryMixin(ClassifiedFactory):
    """Taxonomy for any archive item: `poles=[...]`, `themes=[...]`, `territories=[...]`, `tags=[...]`."""

    date = datetime.date(2004, 3, 12)
    summary = factory.Faker("paragraph", locale="fr_FR")

    @factory.post_generation
    def territories(self, create, extracted, **kwargs):
        if extracted:
            for territory in extracted:
                self.territory_links.create(territory=territory)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # The hooks only change the page's cluster in memory: one save commits them all.
        if create:
            instance.save()


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.HomePage

    title = "Accueil"


class PoleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.PoleIndexPage

    title = "Pôles"
    slug = "poles"


class PoleSectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.PoleSectionPage

    pole = factory.SubFactory(PoleFactory)
    title = factory.LazyAttribute(lambda o: o.pole.name)
    slug = factory.LazyAttribute(lambda o: o.pole.slug)


class PoleNotePageFactory(ArchivePageFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = models.PoleNotePage

    title = factory.Sequence(lambda n: f"Note de pôle {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Compte rendu de la réunion du pôle.</p>")])


class PracticeExchangeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.PracticeExchangeIndexPage

    title = "Échanges de pratiques"
    slug = "echanges-de-pratiques"


class PracticeExchangePageFactory(ArchivePageFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = models.PracticeExchangePage

    title = factory.Sequence(lambda n: f"Échange de pratiques {n}")
    context = "<p>Un quartier sans épicerie de proximité.</p>"
    actions = "<p>Les habitants ont ouvert une épicerie associative.</p>"


class ThematicAnswerIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ThematicAnswerIndexPage

    title = "Réponses thématiques"
    slug = "reponses-thematiques"


class ThematicAnswerPageFactory(ArchivePageFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = models.ThematicAnswerPage

    title = factory.Sequence(lambda n: f"Réponse thématique {n}")
    question = "Comment l'économie sociale et solidaire aide-t-elle à se loger ?"
    theme = factory.SubFactory(ThemeFactory)
    synthesis = factory.LazyFunction(lambda: [("paragraph", "<p>Synthèse des travaux du pôle.</p>")])
    last_reviewed = datetime.date(2024, 6, 1)
