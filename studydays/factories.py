"""Factories for study days."""

import datetime

import factory
import wagtail_factories

from kb.factories import ArchivePageFactoryMixin

from . import models


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Speaker
        django_get_or_create = ("name", "affiliation")

    name = factory.Faker("name", locale="fr_FR")
    affiliation = "Université de Nantes"


class StudyDayIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.StudyDayIndexPage

    title = "Journées d'étude"
    slug = "journees-d-etude"


class StudyDayPageFactory(ArchivePageFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = models.StudyDayPage

    title = factory.Sequence(lambda n: f"Journée d'étude {n}")
    date = datetime.date(2003, 11, 20)
    venue = "Maison des associations, Nantes"
