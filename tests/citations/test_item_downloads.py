"""Citing one item: its « Citer » section and its downloads, only for those who may open it."""

import datetime
import json
import re

import pytest
import rispy
from pybtex.database import parse_string

from django.urls import reverse

from wagtail.models import PageViewRestriction

from resources.factories import (
    ArchiveDocumentFactory,
    CoursePageFactory,
    LessonPageFactory,
    ResearchPaperPageFactory,
)
from studydays.factories import SpeakerFactory, StudyDayPageFactory
from tests.citations.test_formats import every_kind
from tests.people import cohort, person, private_collection, restrict_page

pytestmark = pytest.mark.django_db

NOT_FOUND = "Page introuvable"


def download(page_or_document, extension):
    kind = "document" if hasattr(page_or_document, "file") else "page"
    return reverse("citations:item", args=(kind, page_or_document.pk, extension))


@pytest.fixture
def paper(site_tree):
    return ResearchPaperPageFactory(
        parent=site_tree.research_index,
        title="Les coopératives d'habitants : « enjeux »",
        authors=[{"name": "Claire Moreau", "orcid": "0000-0002-9724-4962"}, "Anne Le Goff"],
        venue="RECMA",
        volume="88",
        issue="312",
        pages="58-73",
        doi="10.3917/recma.312.0058",
    )


@pytest.fixture
def study_day(site_tree):
    speaker = SpeakerFactory(name="Claire Lebrun", orcid="0000-0001-5858-1467")
    talk = {"title": "Financer l'habitat", "speakers": [speaker], "abstract": "", "slides": None, "video_url": ""}
    session = {"title": "Matin", "day": None, "start_time": None, "end_time": None, "chair": None, "talks": [talk]}
    programme = [("session", session)]
    return StudyDayPageFactory(parent=site_tree.study_day_index, title="Habiter autrement", programme=programme)


def test_anyone_downloads_a_public_item_in_each_format(client, paper):
    response = client.get(download(paper, "bib"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="les-cooperatives-d-habitants-enjeux.bib"'
    bib = parse_string(response.content.decode(), "bibtex").entries[f"kb-page-{paper.pk}"]
    assert bib.fields["url"] == f"http://testserver{paper.url}"
    assert [str(author) for author in bib.persons["author"]] == ["Moreau, Claire", "Le Goff, Anne"]

    response = client.get(download(paper, "ris"))
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    [record] = rispy.loads(response.content.decode())
    assert (record["type_of_reference"], record["doi"]) == ("JOUR", "10.3917/recma.312.0058")

    response = client.get(download(paper, "json"))
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    assert json.loads(response.content)[0]["container-title"] == "RECMA"


def test_a_public_standalone_document_is_downloadable(client, db):
    document = ArchiveDocumentFactory(title="Actes de la journée", publication_date=datetime.date(2012, 1, 5))
    response = client.get(download(document, "ris"))
    assert response.status_code == 200
    [record] = rispy.loads(response.content.decode())
    assert (record["title"], record["year"]) == ("Actes de la journée", "2012")
    assert record["urls"] == [f"http://testserver{document.url}"]


def test_one_talk_of_a_study_day_is_downloadable(client, study_day):
    talk_id = study_day.programme[0].value["talks"].bound_blocks[0].id
    response = client.get(download(study_day, "ris"), {"intervention": talk_id})
    assert response["Content-Disposition"] == 'attachment; filename="financer-l-habitat.ris"'
    [record] = rispy.loads(response.content.decode())
    assert (record["type_of_reference"], record["id"]) == ("SLIDE", f"kb-page-{study_day.pk}-talk-{talk_id}")
    assert record["authors"] == ["Lebrun, Claire"]
    assert record["urls"] == [f"http://testserver{study_day.url}#talk-{talk_id}"]


@pytest.mark.parametrize("talk_id", ["nope", ""])
def test_an_unknown_talk_is_not_found(client, study_day, talk_id):
    response = client.get(download(study_day, "bib"), {"intervention": talk_id})
    assert response.status_code == 404
    assert NOT_FOUND in response.content.decode()


def test_a_page_without_talks_has_no_talk_to_download(client, paper):
    assert client.get(download(paper, "bib"), {"intervention": "x"}).status_code == 404


def test_an_unknown_format_is_a_404_that_lists_the_formats(client, paper):
    response = client.get(download(paper, "docx"))
    assert response.status_code == 404
    text = response.content.decode()
    assert "Format inconnu : « docx »." in text
    assert "BibTeX (.bib), RIS (.ris), CSL-JSON (.json), CSV (.csv)" in text


def restricted_by_login(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def restricted_by_groups(page):
    restrict_page(page, cohort("promotion 2025-2026", 30).group)


def restricted_by_password(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")


@pytest.mark.parametrize("restrict", [restricted_by_login, restricted_by_groups, restricted_by_password])
def test_a_restricted_page_is_not_found_in_any_format(client, paper, restrict):
    restrict(paper)
    for extension in ["bib", "ris", "json", "csv", "docx"]:
        response = client.get(download(paper, extension))
        assert response.status_code == 404, extension
        assert paper.title not in response.content.decode()


def test_a_page_under_a_restricted_section_is_not_found(client, site_tree):
    course = CoursePageFactory(parent=site_tree.course_index)
    lesson = LessonPageFactory(parent=course)
    restricted_by_groups(course)
    assert client.get(download(lesson, "bib")).status_code == 404


def test_a_password_protected_page_is_downloadable_once_its_password_is_given(client, paper):
    restricted_by_password(paper)
    restriction = PageViewRestriction.objects.get(page=paper)
    url = reverse("wagtailcore_authenticate_with_password", args=(restriction.pk, paper.pk))
    client.post(url, {"password": "secret", "return_url": paper.url})
    assert client.get(download(paper, "bib")).status_code == 200


def test_a_du_student_downloads_the_du_lesson_and_others_do_not(client, site_tree):
    current, ended = cohort("promotion 2025-2026", 30), cohort("promotion 2024-2025", -1)
    course = CoursePageFactory(parent=site_tree.course_index, title="Fondements de l'ESS")
    lesson = LessonPageFactory(parent=course, title="Histoire et définitions")
    restrict_page(course, current.group, ended.group)

    client.force_login(person("etudiante", current.group))
    response = client.get(download(lesson, "bib"))
    assert response.status_code == 200
    assert "title = {{Histoire} et définitions}" in response.content.decode()

    for reader in [person("ancienne", ended.group), person("inscrit")]:
        client.force_login(reader)
        assert client.get(download(lesson, "bib")).status_code == 404, reader.username


def test_a_private_collection_document_is_not_found_even_attached_to_a_public_page(client, site_tree):
    readers = cohort("promotion 2025-2026", 30).group
    document = ArchiveDocumentFactory(title="Support confidentiel", collection=private_collection("DU", readers))
    ResearchPaperPageFactory(parent=site_tree.research_index, title="Travail public", pdf=document)
    for extension in ["bib", "ris", "json"]:
        response = client.get(download(document, extension))
        assert response.status_code == 404
        assert "Support confidentiel" not in response.content.decode()
    client.force_login(person("etudiante", readers))
    assert client.get(download(document, "bib")).status_code == 200


def test_drafts_unknown_ids_and_pages_that_are_not_items_are_not_found(client, site_tree, paper):
    paper.unpublish()
    for path in [
        download(paper, "bib"),
        download(site_tree.research_index, "bib"),
        reverse("citations:item", args=("page", 999999, "bib")),
        reverse("citations:item", args=("document", 9999999999, "ris")),
    ]:
        assert client.get(path).status_code == 404, path


# The « Citer » section of the item pages.


def cite_section(html):
    return re.search(r'<section class="cite".*?</section>', html, re.DOTALL).group(0)


def test_an_item_page_shows_its_reference_a_copy_button_and_its_downloads(client, paper):
    html = client.get(paper.url).content.decode()
    section = cite_section(html)
    assert '<h2 id="citer">Citer</h2>' in section
    assert "MOREAU, Claire et LE GOFF, Anne, 2005. Les coopératives d'habitants : « enjeux ». <i>RECMA</i>" in section
    button = re.search(r"<button[^>]*data-cite-copy[^>]*>(.*?)</button>", section, re.DOTALL)
    assert button.group(1).strip() == "Copier la référence"
    assert 'type="button"' in button.group(0) and " hidden" in button.group(0)  # shown by cite.js only
    assert 'role="status"' in section
    for label, extension in [("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json")]:
        assert f'<a href="{download(paper, extension)}"' in section
        assert f">{label}</a>" in section
    assert re.search(r'<script src="[^"]*js/cite\.js" defer>', html)
    assert "cite__text" not in html  # the former plain-text citation is gone


def test_each_talk_of_a_study_day_can_be_cited_on_its_own(client, study_day):
    html = client.get(study_day.url).content.decode()
    talk_id = study_day.programme[0].value["talks"].bound_blocks[0].id
    assert f'<article class="talk" id="talk-{talk_id}">' in html
    details = re.search(r'<details class="cite cite--talk">.*?</details>', html, re.DOTALL).group(0)
    assert "<summary>Citer cette intervention</summary>" in details
    assert "LEBRUN, Claire, 2003. Financer l'habitat. Présenté à\u00a0: <i>Habiter autrement</i>" in details
    hidden = '<span class="visually-hidden"> de l’intervention « Financer l&#x27;habitat »</span>'
    assert f"Copier la référence{hidden}</button>" in details
    assert f'href="{download(study_day, "bib")}?intervention={talk_id}"' in details


def test_every_kind_of_item_page_has_its_citer_section(client, site_tree):
    for kind, cited in every_kind(site_tree).items():
        if cited.item["custom"]["kind"] in {"document", "talk"}:
            continue
        html = client.get(cited.item["URL"].removeprefix("https://ressources.example")).content.decode()
        assert cited.item["title"] in cite_section(html), kind


def test_a_du_student_sees_the_citer_section_of_a_du_lesson(client, site_tree):
    current = cohort("promotion 2025-2026", 30)
    course = CoursePageFactory(parent=site_tree.course_index, title="Fondements de l'ESS")
    lesson = LessonPageFactory(parent=course, title="Histoire et définitions")
    restrict_page(course, current.group)
    client.force_login(person("etudiante", current.group))
    section = cite_section(client.get(lesson.url).content.decode())
    assert f'href="{download(lesson, "bib")}"' in section
