"""One archive for the feed, calendar and crawler tests: public items of every kind, dated and undated, and
items nobody anonymous may open (a members' page, a DU course and lesson, a private-collection document,
a members' study day), with the people who may open them: a DU student and a staff member.
"""

import datetime
from types import SimpleNamespace

import pytest

from django.test import Client
from django.utils import timezone

from wagtail.models import PageViewRestriction

from kb.factories import PoleFactory, ThematicAnswerPageFactory, ThemeFactory
from kb.models import Territory
from resources.factories import ArchiveDocumentFactory, CoursePageFactory, LessonPageFactory, ResearchPaperPageFactory
from search.engines import get_database_engine
from studydays.factories import StudyDayPageFactory
from tests.people import cohort, person, private_collection, restrict_page
from tests.search.support import committed, index_records, module_transaction, practice, site_tree

TODAY = timezone.localdate()
UPCOMING = "Assises de l’habitat coopératif"
NANTES_DAY = "Journée des coopératives d’habitants"
ANGERS_DAYS = "Rencontres de l’épargne solidaire"
TIMED_DAY = "Matinée des tiers-lieux"
PAPER = "Les coopératives d’habitants en Loire-Atlantique"
OLD_PAPER = "Une histoire des SCOP"
PRACTICE = "Une épicerie <solidaire> & participative"
UNDATED = "Échange sans date"
ANSWER = "Comment se loger dignement ?"
PUBLIC_DOCUMENT = "Rapport public sur l’habitat"

MEMBERS_PAGE = "Compte rendu réservé aux membres"
COURSE = "Cours confidentiel du DU"
LESSON = "Séance confidentielle du DU"
PRIVATE_DOCUMENT = "Support de cours privé"
MEMBERS_DAY = "Journée réservée aux membres"
HIDDEN = (MEMBERS_PAGE, COURSE, LESSON, PRIVATE_DOCUMENT, MEMBERS_DAY)


def session(title, start, end, day=None):
    return ("session", {"title": title, "day": day, "start_time": start, "end_time": end, "talks": []})


@pytest.fixture(scope="package", autouse=True)
def archive(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        students = cohort("Promotion feeds", 30).group
        private = private_collection("Documents du DU (flux)", students)
        with committed():  # records are written, and PDF text extracted, after the commit
            tree = site_tree()
            habitat = PoleFactory(name="Habitat coopératif", slug="habitat-cooperatif")
            loger = ThemeFactory(name="Se loger", slug="se-loger", question=ANSWER)
            nantes, angers = Territory.objects.get(code="44109"), Territory.objects.get(code="49007")
            classed = {"poles": [habitat], "themes": [loger], "tags": ["habitat participatif"]}

            StudyDayPageFactory(
                parent=tree.study_day_index, title=UPCOMING, date=TODAY + datetime.timedelta(30), **classed
            )
            nantes_day = StudyDayPageFactory(
                parent=tree.study_day_index,
                title=NANTES_DAY,
                date=datetime.date(2024, 5, 3),
                venue="Maison de l’habitant, Nantes",
                summary="Une journée sur les coopératives d’habitants.",
                territories=[nantes],
                **classed,
            )
            angers_days = StudyDayPageFactory(
                parent=tree.study_day_index,
                title=ANGERS_DAYS,
                date=datetime.date(2023, 10, 12),
                end_date=datetime.date(2023, 10, 13),
                venue="Université d’Angers",
                territories=[angers],
            )
            timed_day = StudyDayPageFactory(
                parent=tree.study_day_index,
                title=TIMED_DAY,
                date=datetime.date(2022, 6, 14),
                programme=[
                    session("Accueil", datetime.time(9, 30), datetime.time(12, 30)),
                    session("Ateliers", datetime.time(14), datetime.time(17, 15)),
                ],
            )
            members_day = StudyDayPageFactory(parent=tree.study_day_index, title=MEMBERS_DAY, **classed)
            PageViewRestriction.objects.create(page=members_day, restriction_type=PageViewRestriction.LOGIN)

            paper = ResearchPaperPageFactory(
                parent=tree.research_index,
                title=PAPER,
                date=datetime.date(2024, 2, 1),
                abstract="<p>Une enquête auprès de douze coopératives.</p>",
                authors=["Awa Diallo", "Camille Martin"],
                territories=[nantes],
                **classed,
            )
            ResearchPaperPageFactory(parent=tree.research_index, title=OLD_PAPER, date=datetime.date(1998, 1, 5))
            practice(
                tree.practice_index, PRACTICE, summary="Des <b>habitants</b> & des bénévoles.", date=TODAY, **classed
            )
            practice(tree.practice_index, UNDATED, date=None, poles=[habitat])
            ThematicAnswerPageFactory(
                parent=tree.answer_index, title=ANSWER, theme=loger, themes=[loger], date=datetime.date(2020, 1, 1)
            )
            ArchiveDocumentFactory(title=PUBLIC_DOCUMENT, publication_date=datetime.date(2019, 3, 1), poles=[habitat])

            members = practice(tree.practice_index, MEMBERS_PAGE, date=TODAY, **classed)
            PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
            course = CoursePageFactory(parent=tree.course_index, title=COURSE, date=TODAY, **classed)
            restrict_page(course, students)
            lesson = LessonPageFactory(parent=course, title=LESSON, date=TODAY, territories=[nantes], **classed)
            private_document = ArchiveDocumentFactory(
                title=PRIVATE_DOCUMENT, collection=private, publication_date=TODAY, territories=[nantes], **classed
            )
        index_records(get_database_engine())
        yield SimpleNamespace(
            tree=tree,
            pole=habitat,
            theme=loger,
            paper=paper,
            nantes_day=nantes_day,
            angers_days=angers_days,
            timed_day=timed_day,
            members_day=members_day,
            course=course,
            hidden_urls=[members.url, course.url, lesson.url, members_day.url, private_document.url],
            student=person("etudiante-flux", students),
            staff=person("documentaliste-flux", superuser=True),
        )


@pytest.fixture
def visitors(archive):
    """An anonymous visitor, a signed-in DU student and a signed-in staff member: feeds answer them all alike."""
    student, staff = Client(), Client()
    student.force_login(archive.student)
    staff.force_login(archive.staff)
    return {"anonyme": Client(), "étudiante du DU": student, "personnel": staff}
