"""One hit per item: a document a live page attaches (a paper's PDF, a study day's proceedings or a talk's
slides, a lesson's files) is found through that page, any other one by itself.

A standalone document is dated and classed by itself (never by its upload), or by the live pages that
attach it without carrying its text; every change of a page re-reads the documents it attached and attaches.
"""

import datetime

import pytest

from django.contrib.auth.models import Group, User
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from kb.factories import PoleFactory, ThemeFactory
from kb.models import Territory
from resources.factories import ArchiveDocumentFactory, LessonPageFactory, ResearchPaperPageFactory
from resources.models import LessonDocument
from search import indexing
from search.access import Viewer
from studydays.factories import StudyDayPageFactory
from studydays.models import StudyDayDocument

from .support import committed, facet_counts, find, index_records, module_transaction, site_tree, titles

pytestmark = pytest.mark.django_db

WORDS = ["Sommaire.", "Les coopératives d'habitants de Rezé."]
PAPER, PDF = "Habiter autrement", "Habiter autrement (texte intégral)"


@pytest.fixture(scope="module")
def tree(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        tree = site_tree()
        index_records(engine)
        yield tree


@pytest.fixture(autouse=True)
def fresh_index(engine, tree, db):
    """Each test starts from the module's records: a search server keeps what a rolled-back test indexed."""
    index_records(engine)


@pytest.fixture
def housing(db):
    return PoleFactory(name="Habitat", slug="habitat"), ThemeFactory(name="Se loger", slug="se-loger")


@pytest.fixture
def reader(db):
    return Viewer(User.objects.create_user("lectrice"))


def document(title=PDF, pages=WORDS, **kwargs):
    with committed():  # the text is extracted on commit
        return ArchiveDocumentFactory(title=title, pages=pages, **kwargs)


def publish(page):
    with committed():
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def paper(tree, pdf, title=PAPER, **kwargs):
    """A research paper published through Wagtail, with its PDF."""
    fields = {"date": datetime.date(2007, 5, 1), **kwargs}
    with committed():
        page = ResearchPaperPageFactory(
            parent=tree.research_index, title=title, summary="", pdf=pdf, live=False, **fields
        )
    return publish(page)


def members_collection():
    collection = Collection.get_first_root_node().add_child(name="Réservé aux adhérents")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


def in_step():
    """The records kept in step by the signals are exactly those a rebuild would write."""
    report = indexing.check()
    return (report.missing, report.stale, report.orphans) == ([], [], [])


# Attached documents


def test_an_attached_pdf_is_not_a_hit_of_its_own_but_its_text_finds_the_page_at_its_page(engine, tree):
    pdf = document()
    paper(tree, pdf)

    [hit] = find(engine, "rezé").hits
    assert (hit.title, hit.kind) == (PAPER, "research_paper")
    [snippet] = [s for s in hit.snippets if s.field == "attachment"]
    assert (snippet.page, snippet.url) == (2, f"{pdf.url}#page=2")
    assert in_step()


def test_the_files_of_a_lesson_and_the_proceedings_of_a_study_day_are_found_through_them(engine, tree):
    course = tree.course_index
    lesson_file = document("Dossier de lecture", pages=["Le familistère de Guise."])
    proceedings = document("Actes de la journée", pages=["Le covoiturage rural."])
    with committed():
        lesson = LessonPageFactory(parent=course, title="Séance sur Godin", live=False)
        lesson.documents.add(LessonDocument(document=lesson_file))
        day = StudyDayPageFactory(parent=tree.study_day_index, title="Mobilités rurales", live=False)
        day.proceedings_documents.add(StudyDayDocument(document=proceedings))
    publish(lesson)
    publish(day)

    assert titles(find(engine, "familistère")) == ["Séance sur Godin"]
    assert titles(find(engine, "covoiturage")) == ["Mobilités rurales"]


def talk(slides):
    return {"title": "L'habitat participatif", "speakers": [], "abstract": "", "slides": slides, "video_url": ""}


def study_day(tree, slides, title="Habiter ensemble"):
    """A study day published through Wagtail, whose one talk shows `slides`."""
    with committed():
        day = StudyDayPageFactory(
            parent=tree.study_day_index, title=title, programme=programme(slides), summary="", live=False
        )
    return publish(day)


def programme(slides):
    return [("session", {"title": "Matinée", "talks": [talk(slides)]})]


def test_the_slides_of_a_talk_are_not_a_hit_but_their_text_finds_the_study_day_at_their_page(engine, tree):
    slides = document("Support de l'atelier")
    study_day(tree, slides)

    [hit] = find(engine, "rezé").hits
    assert (hit.title, hit.kind) == ("Habiter ensemble", "study_day")
    [snippet] = [s for s in hit.snippets if s.field == "attachment"]
    assert (snippet.page, snippet.url) == (2, f"{slides.url}#page=2")
    assert in_step()


def test_autocomplete_lists_a_paper_once(engine, tree, client):
    paper(tree, document(title=PAPER), title=PAPER)
    response = client.get(reverse("search:autocomplete"), {"q": "habiter"})
    assert response.json()["results"] == [
        {"title": PAPER, "url": response.json()["results"][0]["url"], "kind": "research_paper"}
    ]


# Standalone documents


def test_a_document_attached_nowhere_is_a_hit_with_its_own_date_and_taxonomy(engine, tree, housing):
    pole, theme = housing
    document(
        publication_date=datetime.date(2012, 3, 1),
        poles=[pole],
        themes=[theme],
        territories=[Territory.objects.get(code="44143")],
        tags=["autopromotion"],
    )

    [hit] = find(engine, "rezé").hits
    assert (hit.title, hit.kind, str(hit.date)) == (PDF, "document", "2012-03-01")
    for facet, value in [("pole", "habitat"), ("theme", "se-loger"), ("tag", "autopromotion"), ("year", "2012")]:
        assert titles(find(engine, **{facet: [value]})) == [PDF], facet
    # Rezé counts under its EPCI, its département and its région, as a page would.
    for territory in ["44143", "244400404", "44", "52"]:
        assert titles(find(engine, territory=[territory])) == [PDF], territory
    assert titles(find(engine, "habitat")) == [PDF]  # its pole names are keywords
    assert in_step()


def test_a_document_without_a_publication_date_has_no_date_never_its_upload_date(engine, tree):
    document()
    [hit] = find(engine, "rezé").hits
    assert hit.date is None
    assert facet_counts(find(engine), "year") == {}


def test_the_year_facet_and_the_newest_first_order_are_not_made_of_upload_dates(engine, tree):
    paper(tree, document(), date=datetime.date(2005, 6, 1))
    document("Guide de 2010", publication_date=datetime.date(2010, 1, 15))
    document("Note sans date")

    response = find(engine, sort="newest")
    assert titles(response) == ["Guide de 2010", PAPER, "Note sans date"]
    assert facet_counts(response, "year") == {"2010": 1, "2005": 1}


def test_a_document_attached_only_to_a_draft_stays_a_hit_and_borrows_nothing_from_it(engine, tree, housing):
    pdf = document()
    with committed():
        ResearchPaperPageFactory(parent=tree.research_index, title="Brouillon", pdf=pdf, live=False, poles=[housing[0]])

    [hit] = find(engine, "rezé").hits
    assert (hit.title, hit.date, hit.poles) == (PDF, None, [])
    assert in_step()


def test_a_pdf_kept_for_members_borrows_the_date_and_taxonomy_of_the_public_page_that_attaches_it(
    engine, tree, housing, reader
):
    pole, theme = housing
    pdf = document(collection=members_collection())
    paper(tree, pdf, poles=[pole], themes=[theme], territories=[Territory.objects.get(code="44109")])

    # The public page does not show its text to the public: members find the document itself.
    assert find(engine, "rezé").total == 0
    [hit] = find(engine, "rezé", viewer=reader).hits
    assert (hit.title, str(hit.date), hit.poles, hit.themes) == (PDF, "2007-05-01", ["habitat"], ["se-loger"])
    assert set(titles(find(engine, territory=["44"], viewer=reader))) == {PAPER, PDF}
    assert in_step()


def test_a_documents_own_taxonomy_and_date_win_over_its_pages(engine, tree, housing, reader):
    pole, theme = housing
    own = PoleFactory(name="Finances solidaires", slug="finances-solidaires")
    pdf = document(collection=members_collection(), poles=[own], publication_date=datetime.date(2008, 1, 1))
    paper(tree, pdf, poles=[pole], themes=[theme])

    [hit] = find(engine, "rezé", viewer=reader).hits
    assert (str(hit.date), hit.poles, hit.themes) == ("2008-01-01", ["finances-solidaires"], ["se-loger"])


def test_a_pdf_only_a_closed_page_uses_is_found_only_by_those_who_may_open_the_page(engine, tree, housing):
    """Issue 14: whatever its collection says, a document only restricted pages use is closed as they are."""
    pdf = document()
    page = paper(tree, pdf, poles=[housing[0]])
    students = Group.objects.create(name="Étudiants du DU")
    student = User.objects.create_user("etudiante")
    student.groups.add(students)
    with committed():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(students)

    assert find(engine, "rezé").hits == []
    # Its readers find the page, which carries the PDF's text: one hit for the item.
    assert titles(find(engine, "rezé", viewer=Viewer(student))) == [PAPER]
    assert in_step()


# Keeping in step


def test_detaching_a_pdf_makes_the_document_a_hit_again_and_attaching_it_hides_it(engine, tree):
    pdf = document()
    page = paper(tree, pdf)
    assert titles(find(engine, "rezé")) == [PAPER]

    page.pdf = None
    publish(page)
    assert titles(find(engine, "rezé")) == [PDF]
    assert in_step()

    page.pdf = pdf
    publish(page)
    assert titles(find(engine, "rezé")) == [PAPER]
    assert in_step()


def test_removing_the_slides_from_the_programme_makes_them_a_hit_again_and_showing_them_hides_them(engine, tree):
    slides = document("Support de l'atelier")
    day = study_day(tree, slides)
    assert titles(find(engine, "rezé")) == ["Habiter ensemble"]

    day.programme = programme(None)
    publish(day)
    assert titles(find(engine, "rezé")) == ["Support de l'atelier"]
    assert in_step()

    day.programme = programme(slides)
    publish(day)
    assert titles(find(engine, "rezé")) == ["Habiter ensemble"]
    assert in_step()


def test_unpublishing_the_page_makes_the_document_a_hit_again(engine, tree):
    page = paper(tree, document())
    with committed():
        page.unpublish()
    assert titles(find(engine, "rezé")) == [PDF]
    assert in_step()


def test_deleting_the_page_makes_the_document_a_hit_again(engine, tree):
    page = paper(tree, document())
    with committed():
        page.delete()
    assert titles(find(engine, "rezé")) == [PDF]
    assert in_step()


def test_a_members_pdf_detached_from_its_page_no_longer_borrows_its_date_and_taxonomy(engine, tree, housing, reader):
    page = paper(tree, document(collection=members_collection()), poles=[housing[0]])
    page.pdf = None
    publish(page)

    [hit] = find(engine, "rezé", viewer=reader).hits
    assert (hit.title, hit.date, hit.poles) == (PDF, None, [])
    assert in_step()


def test_a_page_reclassified_lends_its_new_taxonomy_at_once(engine, tree, housing, reader):
    pole, _theme = housing
    page = paper(tree, document(collection=members_collection()), poles=[pole])
    other = PoleFactory(name="Mobilité", slug="mobilite")
    page.poles.set([other])
    publish(page)

    [hit] = find(engine, "rezé", viewer=reader).hits
    assert hit.poles == ["mobilite"]


def test_a_document_classified_later_is_found_by_its_new_classification_at_once(engine, tree, housing):
    pole, _theme = housing
    pdf = document()
    with committed():
        pdf.poles.add(pole)
        pdf.territories.add(Territory.objects.get(code="44109"))
    assert titles(find(engine, pole=["habitat"])) == [PDF]
    assert titles(find(engine, territory=["44"])) == [PDF]

    with committed():
        pole.name = "Logement"
        pole.save()
    assert titles(find(engine, "logement")) == [PDF]
    assert in_step()
