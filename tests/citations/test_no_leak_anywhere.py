"""Nobody receives through a citation, export, selection, COinS/unAPI, OAI-PMH, feed, calendar or sitemap what they
may not open (issue 10, point 5).

One archive holds a public paper and, each marked by a word of its own in its title and address, a DU lesson (the
students' group), a members' page and a members' study day (any signed-in person), a page behind a shared password
and a document of a private collection. Every surface runs as an anonymous visitor, a DU student and a staff member
(a documentalist, who is neither a student nor has the password); each marker may reach only those who may open its
item, and the public surfaces (OAI-PMH, feeds, calendars, sitemap) never carry any.
"""

import datetime
from types import SimpleNamespace

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from citations.selection import SESSION_KEY
from kb.factories import PoleFactory, ThemeFactory
from kb.models import Territory
from oai.repository import Repository
from resources.factories import ArchiveDocumentFactory, CoursePageFactory, LessonPageFactory, ResearchPaperPageFactory
from search import indexing
from studydays.factories import StudyDayPageFactory
from tests.people import cohort, documentalists, person, private_collection, restrict_page
from tests.search.support import committed, module_transaction, practice, site_tree

PUBLIC = "Les coopératives d'habitants en Loire-Atlantique"
# The word each restricted item carries in its title and slug, and who may open it.
LESSON, MEMBERS, MEMBERS_DAY, PASSWORD, PRIVATE = "zqlecon", "zqmembres", "zqjournee", "zqmotdepasse", "zqprive"
MARKERS = (LESSON, MEMBERS, MEMBERS_DAY, PASSWORD, PRIVATE)
MAY_OPEN = {
    "anonyme": set(),
    "étudiante du DU": {LESSON, MEMBERS, MEMBERS_DAY, PRIVATE},
    "documentaliste": {MEMBERS, MEMBERS_DAY},
}
FORMATS = {"bibtex": "bib", "ris": "ris", "csljson": "json"}


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        students = cohort("Promotion fuites", 30).group
        private = private_collection("Dossiers privés (fuites)", students)
        with committed():
            tree = site_tree()
            classed = {
                "poles": [PoleFactory(name="Habitat partagé", slug="habitat-partage")],
                "themes": [ThemeFactory(name="Habiter", slug="habiter", question="Comment habiter ?")],
                "tags": ["habitat groupé"],
                "territories": [Territory.objects.get(code="44109")],
            }
            paper = ResearchPaperPageFactory(
                parent=tree.research_index, title=PUBLIC, date=datetime.date(2024, 2, 1), **classed
            )
            course = CoursePageFactory(parent=tree.course_index, title="Cours du DU", slug="cours-du-du", **classed)
            restrict_page(course, students)
            lesson = LessonPageFactory(parent=course, title=f"Séance {LESSON}", slug=LESSON, **classed)
            members = practice(tree.practice_index, f"Compte rendu {MEMBERS}", slug=MEMBERS, **classed)
            PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
            members_day = StudyDayPageFactory(
                parent=tree.study_day_index, title=f"Journée {MEMBERS_DAY}", slug=MEMBERS_DAY, **classed
            )
            PageViewRestriction.objects.create(page=members_day, restriction_type=PageViewRestriction.LOGIN)
            protected = practice(tree.practice_index, f"Dossier {PASSWORD}", slug=PASSWORD, **classed)
            PageViewRestriction.objects.create(
                page=protected, restriction_type=PageViewRestriction.PASSWORD, password="cooperative"
            )
            document = ArchiveDocumentFactory(
                title=f"Budget {PRIVATE}", filename=f"{PRIVATE}.pdf", collection=private, **classed
            )
        # A rebuild, as `kb_index rebuild` does it: records, and what harvesters are told of them.
        indexing.rebuild()
        staff = person("documentaliste-fuites")
        staff.groups.add(documentalists())
        yield SimpleNamespace(
            paper=paper,
            tag=paper.tags.get().slug,
            items={
                LESSON: lesson.search_source,
                MEMBERS: members.search_source,
                MEMBERS_DAY: members_day.search_source,
                PASSWORD: protected.search_source,
                PRIVATE: document.search_source,
            },
            members_day=members_day,
            student=person("etudiante-fuites", students),
            staff=staff,
        )


@pytest.fixture
def visitors(archive, db):
    student, staff = Client(), Client()
    student.force_login(archive.student)
    staff.force_login(archive.staff)
    return {"anonyme": Client(), "étudiante du DU": student, "documentaliste": staff}


def shown(response):
    """The markers a response carries, in its body or its headers."""
    text = response.content.decode("utf-8", "replace") + str(response.headers)
    return {marker for marker in MARKERS if marker in text}


def download_path(source, extension):
    kind, _, pk = source.partition(":")
    return reverse("citations:item", kwargs={"kind": kind, "pk": pk, "extension": extension})


def test_item_citations_answer_only_who_may_open_the_item(archive, visitors):
    for who, client in visitors.items():
        for marker, source in archive.items.items():
            for extension in FORMATS.values():
                response = client.get(download_path(source, extension))
                expected = 200 if marker in MAY_OPEN[who] else 404
                assert response.status_code == expected, (who, marker, extension)
                assert shown(response) <= MAY_OPEN[who], (who, marker, extension)


def test_result_list_exports_carry_only_what_the_reader_may_open(archive, visitors):
    filters = [{}, {"pole": "habitat-partage"}, {"theme": "habiter"}, {"territory": "44"}, {"tag": archive.tag}]
    for who, client in visitors.items():
        seen = set()
        for params in filters:
            for name in (*FORMATS, "csv"):
                response = client.get(reverse("citations:export_results"), {**params, "format": name})
                assert response.status_code == 200, (who, params, name)
                assert PUBLIC.split()[1] in response.content.decode("utf-8-sig"), (who, params, name)
                assert shown(response) <= MAY_OPEN[who], (who, params, name)
                seen |= shown(response)
        # The exports are not empty of what the reader may open: the check above could not pass by itself.
        assert seen == MAY_OPEN[who], who


def test_the_selection_keeps_out_what_the_reader_may_not_open_even_forged(archive, visitors):
    for who, client in visitors.items():
        for source in archive.items.values():
            client.post(reverse("citations:selection_add"), {"source": source, "next": "/"})
        # What the forms refused is forged into the session: it must still be left out.
        session = client.session
        session[SESSION_KEY] = [*archive.items.values(), archive.paper.search_source]
        session.save()
        for response in (
            client.get(reverse("citations:selection")),
            *(client.get(reverse("citations:selection_export"), {"format": name}) for name in (*FORMATS, "csv")),
        ):
            assert shown(response) <= MAY_OPEN[who], who


def test_coins_unapi_and_the_search_page_show_only_what_the_reader_may_open(archive, visitors):
    for who, client in visitors.items():
        page = client.get(reverse("search:page"), {"pole": "habitat-partage"})
        assert "Z3988" in page.content.decode()
        assert shown(page) == MAY_OPEN[who], who
        for marker, source in archive.items.items():
            for params in ({"id": source}, {"id": source, "format": "bibtex"}):
                response = client.get(reverse("citations:unapi"), params)
                if marker not in MAY_OPEN[who]:
                    assert response.status_code == 404, (who, marker, params)
                assert shown(response) <= MAY_OPEN[who], (who, marker, params)


OAI_REQUESTS = [
    {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
    {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
    {"verb": "ListSets"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "pole:habitat-partage"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "theme:habiter"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "departement:44"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "kind:lesson"},
]


def test_oai_pmh_harvests_nothing_restricted_whoever_asks(archive, visitors):
    for who, client in visitors.items():
        public = client.get(reverse("oai:endpoint"), OAI_REQUESTS[0]).content.decode()
        assert PUBLIC.replace("'", "&apos;") in public or PUBLIC in public, who
        for params in OAI_REQUESTS:
            assert shown(client.get(reverse("oai:endpoint"), params)) == set(), (who, params)
        for source in [archive.paper.search_source, *archive.items.values()]:
            identifier = Repository.current("http://testserver/oai/").identifier(source)
            response = client.get(
                reverse("oai:endpoint"), {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": identifier}
            )
            found = "idDoesNotExist" not in response.content.decode()
            assert found == (source == archive.paper.search_source), (who, source)


def feed_paths(tag):
    paths = [reverse("feeds:latest", kwargs={"fmt": fmt}) for fmt in ("rss", "atom")]
    for name, key in (
        ("pole", "habitat-partage"),
        ("theme", "habiter"),
        ("territory", "44"),
        ("tag", tag),
    ):
        paths += [reverse(f"feeds:{name}", kwargs={"key": key, "fmt": fmt}) for fmt in ("rss", "atom")]
    for kind in ("lesson", "practice_exchange", "study_day", "document"):
        paths.append(reverse("feeds:kind", kwargs={"key": kind, "fmt": "rss"}))
    return paths


def test_feeds_calendars_and_the_sitemap_carry_nothing_restricted_whoever_asks(archive, visitors):
    for who, client in visitors.items():
        latest = client.get(reverse("feeds:latest", kwargs={"fmt": "rss"}))
        assert PUBLIC.split()[1] in latest.content.decode(), who
        for path in feed_paths(archive.tag):
            assert shown(client.get(path)) == set(), (who, path)
        search_feed = client.get(reverse("feeds:search", kwargs={"fmt": "atom"}), {"q": "compte rendu dossier budget"})
        assert shown(search_feed) == set(), who
        assert shown(client.get(reverse("feeds:study_days_calendar"))) == set(), who
        day = client.get(reverse("feeds:study_day_calendar", kwargs={"pk": archive.members_day.pk}))
        assert day.status_code == 404, who
        assert shown(client.get("/sitemap.xml")) == set(), who
        assert shown(client.get("/robots.txt")) == set(), who
