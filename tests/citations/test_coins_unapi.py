"""COinS and unAPI: what Zotero's connector reads off a result list or a listing, and only what the reader may open."""

from types import SimpleNamespace
from urllib.parse import parse_qs

import pytest
import rispy
from lxml import etree, html

from citations.coins import context_object
from citations.items import entry_key
from resources.factories import CoursePageFactory, LessonPageFactory, ResearchPaperPageFactory
from search.sync import apply
from tests.people import cohort, person, restrict_page
from tests.search.support import module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

UNAPI = "/unapi/"
ARTICLE = {
    "type": "article-journal",
    "title": "Les coopératives d'habitants : genèse & conditions = réussite ?",
    "container-title": "RECMA",
    "author": [
        {"family": "Le Goff", "given": "Anne", "ORCID": "https://orcid.org/0000-0002-1825-0097"},
        {"family": "Moreau", "given": "Claire"},
        {"literal": "CRESS des Pays de la Loire"},
    ],
    "issued": {"date-parts": [[2009, 4]]},
    "volume": "88",
    "issue": "312",
    "page": "58–73",
    "DOI": "10.5555/recma.312.0058",
    "language": "fr",
    "URL": "https://ess-nantes.example/travaux/cooperatives/",
}


def fields(item):
    """The ContextObject read back as any OpenURL resolver reads it."""
    return parse_qs(context_object(item), strict_parsing=True)


def test_a_journal_article_is_a_journal_context_object_with_every_field():
    co = fields(ARTICLE)
    assert co["ctx_ver"] == ["Z39.88-2004"]
    assert co["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
    assert co["rft.genre"] == ["article"]
    assert co["rft.atitle"] == [ARTICLE["title"]]
    assert co["rft.jtitle"] == ["RECMA"]
    assert co["rft.aulast"] == ["Le Goff"]
    assert co["rft.aufirst"] == ["Anne"]
    assert co["rft.au"] == ["Le Goff, Anne", "Moreau, Claire", "CRESS des Pays de la Loire"]
    assert co["rft.date"] == ["2009-04"]
    assert (co["rft.volume"], co["rft.issue"]) == (["88"], ["312"])
    assert (co["rft.spage"], co["rft.epage"], co["rft.pages"]) == (["58"], ["73"], ["58–73"])
    assert co["rft_id"] == ["info:doi/10.5555/recma.312.0058", ARTICLE["URL"]]
    assert co["rft.language"] == ["fr"]


def test_a_chapter_is_a_book_item_titled_within_its_book():
    co = fields({"type": "chapter", "title": "Le chapitre", "container-title": "L'ouvrage", "publisher": "PUR"})
    assert co["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
    assert co["rft.genre"] == ["bookitem"]
    assert (co["rft.atitle"], co["rft.btitle"], co["rft.pub"]) == (["Le chapitre"], ["L'ouvrage"], ["PUR"])


@pytest.mark.parametrize(("csl_type", "genre"), [("report", "report"), ("book", "book"), ("document", "document")])
def test_a_whole_book_report_or_document_is_its_own_btitle(csl_type, genre):
    co = fields({"type": csl_type, "title": "Fiche d'échange", "publisher-place": "Nantes"})
    assert co["rft.genre"] == [genre]
    assert co["rft.btitle"] == ["Fiche d'échange"]
    assert co["rft.place"] == ["Nantes"]


@pytest.mark.parametrize(
    ("csl_type", "dc_type"),
    [("webpage", "webpage"), ("thesis", "thesis"), ("speech", "presentation"), ("event", "Event")],
)
def test_other_types_are_dublin_core_with_a_type_zotero_maps_back(csl_type, dc_type):
    co = fields(
        {"type": csl_type, "title": "Journée d'étude", "keyword": "habitat, coopérative", "URL": "https://x.example/"}
    )
    assert co["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:dc"]
    assert co["rft.type"] == [dc_type]
    assert co["rft.title"] == ["Journée d'étude"]
    assert co["rft.subject"] == ["habitat", "coopérative"]
    assert co["rft.identifier"] == ["https://x.example/"]


def test_an_organisation_first_in_line_is_named_once_as_corporate_author():
    co = fields(
        {
            "type": "report",
            "title": "Note",
            "author": [{"literal": "Pôle Habitat"}, {"family": "Diallo", "given": "Awa"}],
        }
    )
    assert co["rft.aucorp"] == ["Pôle Habitat"]
    assert co["rft.au"] == ["Diallo, Awa"]
    assert "rft.aulast" not in co


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """A public paper and practice exchange, and a DU lesson restricted to its students."""
    with module_transaction(django_db_blocker):
        tree = site_tree()
        paper = ResearchPaperPageFactory(
            parent=tree.research_index, title="Les coopératives d'habitants", authors=["Claire Moreau"]
        )
        exchange = practice(tree.practice_index, "Une coopérative funéraire")
        students = cohort("promotion 2026", 30).group
        course = CoursePageFactory(parent=tree.course_index, title="Cours du DU")
        restrict_page(course, students)
        lesson = LessonPageFactory(parent=course, title="Séance sur la coopérative")
        apply([page.search_source for page in (paper, exchange, course, lesson)])
        yield SimpleNamespace(
            tree=tree, paper=paper, exchange=exchange, lesson=lesson, student=person("etudiante", students)
        )


def markup(response):
    tree = html.fromstring(response.content)
    return SimpleNamespace(
        coins=[parse_qs(span.get("title")) for span in tree.xpath("//span[@class='Z3988']")],
        unapi_ids=tree.xpath("//abbr[@class='unapi-id']/@title"),
        server=tree.xpath("/html/head/link[@rel='unapi-server']/@href"),
    )


def test_each_hit_carries_its_coins_and_unapi_id_and_the_head_names_the_server(client, archive):
    response = client.get("/recherche/", {"q": "coopérative"})
    hits = response.context["response"].hits
    found = markup(response)
    assert sorted(hit.id for hit in hits) == sorted([archive.exchange.search_source, archive.paper.search_source])
    assert found.unapi_ids == [hit.id for hit in hits]
    assert [co.get("rft.atitle", co.get("rft.btitle"))[0] for co in found.coins] == [hit.title for hit in hits]
    assert found.server == ["http://testserver/unapi/"]


def test_a_du_student_s_hits_carry_the_lesson_s_coins_an_anonymous_reader_s_do_not(client, archive):
    assert archive.lesson.search_source not in markup(client.get("/recherche/", {"q": "séance"})).unapi_ids
    client.force_login(archive.student)
    found = markup(client.get("/recherche/", {"q": "séance"}))
    assert found.unapi_ids == [archive.lesson.search_source]
    assert len(found.coins) == 1


def test_listing_cards_carry_their_coins(client, archive):
    found = markup(client.get(archive.tree.research_index.url))
    assert [co["rft.atitle"] for co in found.coins] == [["Les coopératives d'habitants"]]
    assert [co["rft.aulast"] for co in found.coins] == [["Moreau"]]
    assert found.unapi_ids == [archive.paper.search_source]


def test_unapi_without_an_id_lists_every_format(client, archive):
    response = client.get(UNAPI)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    assert root.tag == "formats"
    assert [f.get("name") for f in root] == ["bibtex", "ris", "csljson", "csv"]
    assert all(f.get("type") for f in root)


def test_unapi_lists_the_formats_of_an_item_with_multiple_choices(client, archive):
    response = client.get(UNAPI, {"id": archive.paper.search_source})
    assert response.status_code == 300
    root = etree.fromstring(response.content)
    assert root.get("id") == archive.paper.search_source
    assert "ris" in [f.get("name") for f in root]


def test_unapi_gives_an_item_in_a_format(client, archive):
    response = client.get(UNAPI, {"id": archive.paper.search_source, "format": "ris"})
    assert response.status_code == 200
    (record,) = rispy.loads(response.content.decode())
    assert record["id"] == entry_key(archive.paper.search_source)
    assert record["title"] == "Les coopératives d'habitants"


@pytest.mark.parametrize("unknown", ["page:99999", "page:abc", "../../", "x" * 10_240])
def test_unapi_answers_404_for_an_unknown_id(client, archive, unknown):
    assert client.get(UNAPI, {"id": unknown}).status_code == 404
    assert client.get(UNAPI, {"id": unknown, "format": "ris"}).status_code == 404


def test_unapi_answers_406_for_an_unknown_format_and_400_for_a_format_alone(client, archive):
    assert client.get(UNAPI, {"id": archive.paper.search_source, "format": "docx"}).status_code == 406
    assert client.get(UNAPI, {"format": "ris"}).status_code == 400


def test_unapi_hides_a_restricted_lesson_from_those_who_may_not_open_it(client, archive):
    lesson = {"id": archive.lesson.search_source, "format": "bibtex"}
    assert client.get(UNAPI, {"id": archive.lesson.search_source}).status_code == 404
    assert client.get(UNAPI, lesson).status_code == 404
    client.force_login(archive.student)
    response = client.get(UNAPI, lesson)
    assert response.status_code == 200
    assert entry_key(archive.lesson.search_source) in response.content.decode()
