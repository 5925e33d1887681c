"""Exporting a result list: the items the search page shows that reader, in its order, up to the cap, in each format."""

import csv
import io
import json
from types import SimpleNamespace

import bibtexparser
import pytest
import rispy

from django.db import connection
from django.test.utils import CaptureQueriesContext

from citations import lists
from citations.items import entry_key
from kb.factories import PoleFactory
from resources.factories import CoursePageFactory, LessonPageFactory, ResearchPaperPageFactory
from search.models import SearchRecord
from search.sync import apply
from tests.people import cohort, person, restrict_page
from tests.search.support import module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

EXPORT = "/recherche/export/"


def keys_in(export_format, content):
    """The citation keys of an exported file, in its order, read back with a parser of the format."""
    text = content.decode("utf-8-sig")
    if export_format == "bibtex":
        return [entry.key for entry in bibtexparser.parse_string(text).entries]
    if export_format == "ris":
        return [entry["id"] for entry in rispy.loads(text)]
    if export_format == "csljson":
        return [item["id"] for item in json.loads(text)]
    return [row["Clé"] for row in csv.DictReader(io.StringIO(text), delimiter=";")]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Public items on housing cooperatives (some in one pole) and a DU course with a lesson on them."""
    with module_transaction(django_db_blocker):
        tree = site_tree()
        pole, other_pole = tree.pole_section.pole, PoleFactory(name="Finances solidaires", slug="finances-solidaires")
        pages = [
            practice(tree.practice_index, "Une coopérative d'habitants à Rezé", poles=[pole]),
            practice(tree.practice_index, "La coopérative d'habitants du Bois", poles=[pole]),
            practice(tree.practice_index, "Une coopérative de crédit solidaire", poles=[other_pole]),
            practice(tree.practice_index, "Une épicerie solidaire", poles=[pole]),
            ResearchPaperPageFactory(
                parent=tree.research_index,
                title="Les coopératives d'habitants en Loire-Atlantique",
                authors=["Claire Moreau", "Yann Le Floch"],
                poles=[pole],
            ),
        ]
        students = cohort("promotion 2026", 30).group
        course = CoursePageFactory(parent=tree.course_index, title="Cours du DU", poles=[pole])
        restrict_page(course, students)
        lesson = LessonPageFactory(parent=course, title="Séance : la coopérative d'habitants", poles=[pole])
        apply([page.search_source for page in [*pages, course, lesson]])
        yield SimpleNamespace(tree=tree, pole=pole, lesson=lesson, student=person("etudiante", students))


def shown_sources(client, **params):
    """The sources the search page lists for the same request, in its order (all on one page)."""
    response = client.get("/recherche/", {**params, "page_size": 100})
    return [hit.id for hit in response.context["response"].hits]


@pytest.mark.parametrize("export_format", ["bibtex", "ris", "csljson", "csv"])
def test_a_search_exports_the_items_its_page_shows_in_the_same_order(client, archive, export_format):
    search = {"q": "coopérative habitants", "pole": archive.pole.slug, "sort": "newest"}
    shown = shown_sources(client, **search)
    response = client.get(EXPORT, {**search, "format": export_format})
    assert response.status_code == 200
    assert len(shown) >= 3
    assert keys_in(export_format, response.content) == [entry_key(source) for source in shown]


def test_an_export_carries_the_citation_of_each_item_with_its_address(client, archive):
    response = client.get(EXPORT, {"q": "Loire-Atlantique", "format": "csljson"})
    (item,) = json.loads(response.content)
    assert item["title"] == "Les coopératives d'habitants en Loire-Atlantique"
    assert [author["family"] for author in item["author"]] == ["Moreau", "Le Floch"]
    assert item["URL"].startswith("http://testserver/")


def test_the_download_is_named_after_the_query_and_the_day(client, archive):
    response = client.get(EXPORT, {"q": "Coopérative", "format": "bibtex"})
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="recherche-cooperative-')
    assert disposition.endswith('.bib"')
    assert response.headers["Content-Type"].startswith("application/x-bibtex")


def test_the_page_shown_is_no_part_of_what_is_exported(client, archive):
    everything = client.get(EXPORT, {"q": "coopérative", "format": "csljson"})
    from_page_two = client.get(EXPORT, {"q": "coopérative", "format": "csljson", "page": "2", "page_size": "1"})
    assert len(json.loads(from_page_two.content)) == len(json.loads(everything.content)) > 1


def test_a_restricted_lesson_is_exported_to_its_students_only(client, archive):
    search = {"q": "coopérative habitants", "format": "csljson"}
    lesson = entry_key(archive.lesson.search_source)
    assert lesson not in keys_in("csljson", client.get(EXPORT, search).content)
    client.force_login(archive.student)
    assert lesson in keys_in("csljson", client.get(EXPORT, search).content)
    assert lesson in [entry_key(source) for source in shown_sources(client, q="coopérative habitants")]


def test_past_the_cap_the_first_results_are_exported_and_the_page_says_so_beforehand(client, archive, monkeypatch):
    monkeypatch.setattr(lists, "MAX_EXPORTED", 2)
    search = {"q": "coopérative", "sort": "newest"}
    page = client.get("/recherche/", search).content.decode()
    assert "Seuls les 2 premiers résultats seront exportés." in page
    exported = keys_in("ris", client.get(EXPORT, {**search, "format": "ris"}).content)
    assert exported == [entry_key(source) for source in shown_sources(client, **search)[:2]]


def test_within_the_cap_the_page_announces_no_cut(client, archive):
    page = client.get("/recherche/", {"q": "coopérative"}).content.decode()
    assert "Exporter ces résultats" in page
    assert "premiers résultats seront exportés" not in page


def test_an_export_reads_the_stored_records_in_bulk_not_one_page_per_item(client, archive):
    def queries_and_count():
        client.get(EXPORT, {"q": "coopérative", "format": "bibtex"})  # the engine loads its columns once
        with CaptureQueriesContext(connection) as queries:
            response = client.get(EXPORT, {"q": "coopérative", "format": "bibtex"})
        return len(queries), len(keys_in("bibtex", response.content))

    few_queries, few_items = queries_and_count()
    more = [practice(archive.tree.practice_index, f"Coopérative d'activités n° {n}") for n in range(8)]
    apply([page.search_source for page in more])
    many_queries, many_items = queries_and_count()
    assert many_items == few_items + 8
    assert many_queries == few_queries


def test_bad_search_parameters_are_refused_with_the_search_s_own_french_messages(client, archive):
    response = client.get(EXPORT, {"q": "coopérative", "territory": "99999", "sort": "hasard", "format": "ris"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Territoire inconnu : « 99999 »" in page
    assert "Tri inconnu : « hasard »" in page
    assert "Rien n’a été exporté" in page


def test_an_unknown_format_is_refused_with_a_link_to_each_format(client, archive):
    response = client.get(EXPORT, {"q": "coopérative", "format": "docx"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Format d’export inconnu : « docx »" in page
    for name in ("bibtex", "ris", "csljson", "csv"):
        assert f"q=coop%C3%A9rative&amp;format={name}" in page


def test_an_export_without_a_format_asks_for_one(client, archive):
    response = client.get(EXPORT, {"q": "coopérative"})
    assert response.status_code == 400
    assert "Aucun format d’export choisi." in response.content.decode()


def test_a_record_stored_before_citations_still_exports_its_title_and_date(client, archive):
    record = SearchRecord.objects.get(title="Une épicerie solidaire")
    record.data = {**record.data, "citation": {}}
    record.save()
    response = client.get(EXPORT, {"q": "épicerie", "format": "csljson"})
    (item,) = json.loads(response.content)
    assert item["title"] == "Une épicerie solidaire"
    assert item["issued"]["date-parts"][0][0] == record.date.year
