"""The archive the reading-list tests share: public items, a DU lesson, documents public and private, readers."""

from types import SimpleNamespace

from lxml import html

from django.urls import reverse

from readinglists.models import ReadingList
from resources.factories import ArchiveDocumentFactory, CoursePageFactory, LessonPageFactory
from search.sync import apply
from tests.people import cohort, person, private_collection, restrict_page
from tests.search.support import practice, site_tree

ADD = "/compte/listes/ajouter/"


def build_archive():
    tree = site_tree()
    reze, bois, coueron = (
        practice(tree.practice_index, title)
        for title in ("Coopérative de Rezé", "Habitat du Bois", "Tiers-lieu de Couëron")
    )
    students = cohort("promotion 2026", 30).group
    course = CoursePageFactory(parent=tree.course_index, title="Cours du DU")
    restrict_page(course, students)
    lesson = LessonPageFactory(parent=course, title="Séance réservée sur les SCIC")
    report = ArchiveDocumentFactory(title="Rapport public sur les SCOP")
    budget = ArchiveDocumentFactory(title="Budget confidentiel", collection=private_collection("DU", students))
    apply([item.search_source for item in (reze, bois, coueron, course, lesson, report, budget)])
    return SimpleNamespace(
        tree=tree,
        reze=reze,
        bois=bois,
        coueron=coueron,
        course=course,
        lesson=lesson,
        report=report,
        budget=budget,
        students=students,
        reader=person("lectrice"),
        student=person("etudiante", students),
        other=person("autre-lecteur"),
    )


def fresh(instance):
    """A copy read from the database, to change in a test: the module's objects outlive its rolled-back changes."""
    return type(instance).objects.get(pk=instance.pk)


def make_list(owner, name, *targets, shared=False):
    """A list of `owner` holding `targets` (pages or documents) in this order."""
    reading_list = ReadingList.objects.create(owner=owner, name=name, shared=shared)
    for position, target in enumerate(targets):
        field = "document" if target.search_source.startswith("document:") else "page"
        reading_list.items.create(position=position, **{field: target})
    return reading_list


def add(client, target_or_source, **data):
    source = getattr(target_or_source, "search_source", target_or_source)
    return client.post(ADD, {"source": source, **data})


def detail(reading_list):
    return reverse("readinglists:detail", args=[reading_list.pk])


def item_url(reading_list, item, action):
    return reverse(f"readinglists:{action}", args=[reading_list.pk, item.pk])


def shared_url(reading_list):
    return reverse("readinglists:shared", args=[reading_list.share_token])


def tree_of(response):
    return html.fromstring(response.content)


def item_titles(response):
    return [title.text_content().strip() for title in tree_of(response).xpath("//*[@class='reading-items']//h3")]


def notice(response):
    """The reading-list notice a page shows, its details included, or ""."""
    found = tree_of(response).xpath("//*[contains(@class, 'reading-notice')]")
    return " ".join(found[0].text_content().split()) if found else ""
