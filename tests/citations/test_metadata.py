"""Embedded metadata: what Zotero, Google Scholar, harvesters and social networks read in an item page's head.

Pages are read back as those readers do: extruct for JSON-LD, OpenGraph and Dublin Core, lxml for Highwire tags.
"""

import datetime
import json

import extruct
import pytest
from lxml import html as lxml_html

from django.urls import reverse

from citations.items import entry
from citations.metadata import head_metadata, highwire_tags, script_safe_json, trimmed
from kb.factories import PoleNotePageFactory, PracticeExchangePageFactory
from resources.factories import ArchiveDocumentFactory, CoursePageFactory, LessonPageFactory, ResearchPaperPageFactory
from studydays.factories import SpeakerFactory, StudyDayPageFactory
from tests.people import note_form, paper_form, person, private_collection, restrict_page

BASE = "http://testserver/"
INJECTION = '</script><script>alert(1)</script> « l\'habitat » "coopératif" & <b>co</b>'


def article_item(**extra):
    """A journal article as a research paper describes itself (citations.items)."""
    return {
        "type": "article-journal",
        "title": "Les coopératives d'habitants en Loire-Atlantique",
        "author": [
            {"family": "Le Goff", "given": "Anne", "ORCID": "https://orcid.org/0000-0002-1825-0097"},
            {"family": "Diallo", "given": "Awa", "affiliation": "Nantes Université"},
        ],
        "issued": {"date-parts": [[2024, 5, 2]]},
        "container-title": "RECMA",
        "publisher": "Institut de l'économie sociale",
        "volume": "12",
        "issue": "3",
        "page": "12-34",
        "DOI": "10.7202/1234567ar",
        "language": "fr",
        "keyword": "Se loger, habitat participatif",
        "abstract": "Une enquête auprès de douze coopératives d'habitants.",
        "custom": {"kind": "research_paper", "pdf_url": "/documents/7/texte.pdf", "hal_id": "hal-01234567"},
        **extra,
    }


def tags_of(item):
    return highwire_tags(entry("page:12", item, "/recherche/cooperatives/", BASE))


def values(tags, name):
    return [content for tag, content in tags if tag == name]


def test_highwire_names_authors_in_order_family_first_each_with_orcid_and_institution():
    tags = tags_of(article_item())
    authors = [(tag, content) for tag, content in tags if tag.startswith("citation_author")]
    assert authors == [
        ("citation_author", "Le Goff, Anne"),
        ("citation_author_orcid", "https://orcid.org/0000-0002-1825-0097"),
        ("citation_author", "Diallo, Awa"),
        ("citation_author_institution", "Nantes Université"),
    ]


def test_highwire_gives_a_journal_article_its_journal_volume_issue_and_pages_but_no_publisher():
    tags = tags_of(article_item())
    assert values(tags, "citation_journal_title") == ["RECMA"]
    assert values(tags, "citation_publisher") == []
    assert values(tags, "citation_volume") == ["12"] and values(tags, "citation_issue") == ["3"]
    assert values(tags, "citation_firstpage") == ["12"] and values(tags, "citation_lastpage") == ["34"]
    assert values(tags, "citation_publication_date") == ["2024/05/02"]
    assert values(tags, "citation_doi") == ["10.7202/1234567ar"]
    assert values(tags, "citation_pdf_url") == ["http://testserver/documents/7/texte.pdf"]
    assert values(tags, "citation_abstract_html_url") == ["http://testserver/recherche/cooperatives/"]
    assert values(tags, "citation_keywords") == ["Se loger", "habitat participatif"]


@pytest.mark.parametrize(
    ("csl_type", "expected", "absent"),
    [
        ("thesis", ("citation_dissertation_institution", "Université de Nantes"), "citation_publisher"),
        ("report", ("citation_technical_report_institution", "Université de Nantes"), "citation_publisher"),
        ("book", ("citation_publisher", "Université de Nantes"), "citation_journal_title"),
        ("chapter", ("citation_inbook_title", "L'ESS en Pays de la Loire"), "citation_journal_title"),
        ("paper-conference", ("citation_conference_title", "Rencontres du RIUESS"), "citation_journal_title"),
    ],
)
def test_highwire_names_where_each_type_appeared_under_the_tag_google_scholar_expects(csl_type, expected, absent):
    item = article_item(
        type=csl_type,
        publisher="Université de Nantes",
        **{"container-title": "L'ESS en Pays de la Loire", "event-title": "Rencontres du RIUESS"},
    )
    tags = tags_of(item)
    assert expected in tags
    assert values(tags, absent) == []


@pytest.mark.parametrize(
    ("kind", "csl_type", "expected"),
    [
        ("research_paper", "article-journal", "ScholarlyArticle"),
        ("research_paper", "paper-conference", "ScholarlyArticle"),
        ("research_paper", "thesis", "Thesis"),
        ("research_paper", "report", "Report"),
        ("research_paper", "chapter", "Chapter"),
        ("research_paper", "book", "Book"),
        ("practice_exchange", "report", "Article"),
        ("thematic_answer", "report", "Article"),
        ("pole_note", "post-weblog", "Article"),
        ("course", "webpage", "Course"),
        ("lesson", "webpage", "LearningResource"),
        ("document", "document", "DigitalDocument"),
    ],
)
def test_each_kind_has_its_schema_org_type(kind, csl_type, expected):
    item = article_item(type=csl_type, custom={"kind": kind, "pdf_url": "/documents/7/texte.pdf"})
    node = head_metadata(entry("page:12", item, "/x/", BASE), site_name="Centre", site_url=BASE).json_ld
    assert node["@type"] == expected
    assert node["encoding"][0]["contentUrl"] == "http://testserver/documents/7/texte.pdf"


def test_an_items_other_addresses_are_its_doi_and_hal_records():
    node = head_metadata(entry("page:12", article_item(), "/x/", BASE), site_name="Centre", site_url=BASE).json_ld
    assert node["sameAs"] == ["https://doi.org/10.7202/1234567ar", "https://hal.science/hal-01234567"]
    assert {"@type": "PropertyValue", "propertyID": "HAL", "value": "hal-01234567"} in node["identifier"]


def test_highwire_dates_an_item_known_by_its_year_alone_with_the_year():
    tags = tags_of(article_item(issued={"date-parts": [[2011]]}))
    assert values(tags, "citation_publication_date") == ["2011"]


def test_an_unreadable_date_or_page_range_is_left_out_rather_than_failing():
    tags = tags_of(article_item(issued={"date-parts": [["vers 1990"]]}, page="12–"))
    assert values(tags, "citation_publication_date") == []
    assert values(tags, "citation_firstpage") == ["12"] and values(tags, "citation_lastpage") == []


def test_a_long_description_is_cut_at_a_word_with_an_ellipsis():
    text = "L'économie sociale et solidaire " * 12
    description = trimmed(text)
    assert len(description) <= 160 and description.endswith("…")
    kept = description[:-1]
    assert text.startswith(kept) and text[len(kept)] == " "


def test_json_ld_text_cannot_close_its_script_element():
    text = script_safe_json({"name": INJECTION})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": INJECTION}


def test_talks_are_works_performed_at_their_study_day():
    day = {
        "type": "event",
        "title": "Habiter autrement",
        "issued": {"date-parts": [[2003, 11, 20], [2003, 11, 21]]},
        "event-place": "Maison des associations, Nantes",
        "author": [{"literal": "Habitat coopératif"}],
        "publisher": "Centre de ressources ESS",
        "custom": {"kind": "study_day"},
    }
    talk = {"type": "speech", "title": "Financer l'habitat", "author": [{"family": "Lebrun", "given": "Claire"}]}
    talk["custom"] = {"kind": "talk"}
    head = head_metadata(
        entry("page:3", day, "/journees/habiter/", BASE),
        site_name="Centre de ressources ESS",
        site_url=BASE,
        talks=[entry("page:3:talk:a1", talk, "/journees/habiter/#talk-a1", BASE)],
    )
    event = head.json_ld
    assert (event["@type"], event["startDate"], event["endDate"]) == ("Event", "2003-11-20", "2003-11-21")
    assert event["organizer"][0]["name"] == "Habitat coopératif"
    assert event["organizer"][0]["parentOrganization"] == {
        "@type": "Organization",
        "name": "Centre de ressources ESS",
        "url": BASE,
    }
    [work] = event["workPerformed"]
    assert (work["@type"], work["name"], work["author"][0]["name"]) == (
        "CreativeWork",
        "Financer l'habitat",
        "Claire Lebrun",
    )
    assert work["@id"] != event["@id"]


# Pages, as a visitor's browser (and a harvester) receives them.


def read_head(response):
    """Every embedded metadata syntax of the page, as independent readers parse them."""
    content = response.content.decode()
    data = extruct.extract(content, base_url=BASE, syntaxes=["json-ld", "opengraph", "dublincore"])
    tree = lxml_html.fromstring(content)
    head = tree.find("head")
    return {
        "json_ld": data["json-ld"],
        "opengraph": data["opengraph"][0]["properties"] if data["opengraph"] else [],
        "dublin_core": [(e["name"], e["content"]) for e in data["dublincore"][0]["elements"] if e.get("content")],
        "highwire": [
            (m.get("name"), m.get("content")) for m in head.iter("meta") if m.get("name", "").startswith("citation_")
        ],
        "descriptions": [m.get("content") for m in head.iter("meta") if m.get("name") == "description"],
        "canonical": [link.get("href") for link in head.iter("link") if link.get("rel") == "canonical"],
        "text": content,
    }


def only_node(head):
    [node] = head["json_ld"]
    return node


@pytest.fixture
def paper(site_tree):
    return ResearchPaperPageFactory(
        parent=site_tree.research_index,
        title="Les coopératives d'habitants en Loire-Atlantique",
        slug="cooperatives-habitants",
        paper_type="article",
        authors=[
            {"name": "Anne Le Goff", "orcid": "0000-0002-1825-0097"},
            {"name": "Awa Diallo", "affiliation": "Nantes Université"},
        ],
        date=datetime.date(2024, 5, 2),
        venue="RECMA",
        volume="12",
        issue="3",
        pages="12-34",
        doi="10.7202/1234567ar",
        language="fr",
        abstract="<p>Une enquête auprès de douze coopératives d'habitants.</p>",
        pdf=ArchiveDocumentFactory(title="Texte intégral", filename="cooperatives.pdf"),
        themes=[site_tree.theme],
    )


def test_a_research_paper_page_carries_its_highwire_tags(client, paper):
    head = read_head(client.get(paper.url))
    tags = head["highwire"]
    assert values(tags, "citation_title") == ["Les coopératives d'habitants en Loire-Atlantique"]
    assert values(tags, "citation_author") == ["Le Goff, Anne", "Diallo, Awa"]
    assert values(tags, "citation_author_orcid") == ["https://orcid.org/0000-0002-1825-0097"]
    assert values(tags, "citation_journal_title") == ["RECMA"]
    assert (values(tags, "citation_volume"), values(tags, "citation_issue")) == (["12"], ["3"])
    assert (values(tags, "citation_firstpage"), values(tags, "citation_lastpage")) == (["12"], ["34"])
    assert values(tags, "citation_publication_date") == ["2024/05/02"]
    assert values(tags, "citation_doi") == ["10.7202/1234567ar"]
    assert values(tags, "citation_pdf_url") == [f"http://testserver{paper.pdf.url}"]
    assert values(tags, "citation_language") == ["fr"]
    assert values(tags, "citation_keywords") == ["Se loger"]


def test_a_research_paper_is_a_scholarly_article_in_its_journal_issue(client, paper):
    node = only_node(read_head(client.get(paper.url)))
    assert node["@type"] == "ScholarlyArticle"
    assert node["url"] == f"http://testserver{paper.url}"
    assert [author["name"] for author in node["author"]] == ["Anne Le Goff", "Awa Diallo"]
    assert node["author"][0]["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.7202/1234567ar"} in node["identifier"]
    issue = node["isPartOf"]
    assert (issue["@type"], issue["issueNumber"]) == ("PublicationIssue", "3")
    assert (issue["isPartOf"]["volumeNumber"], issue["isPartOf"]["isPartOf"]["name"]) == ("12", "RECMA")
    assert (node["pageStart"], node["pageEnd"], node["datePublished"]) == ("12", "34", "2024-05-02")
    assert node["encoding"] == [
        {"@type": "MediaObject", "contentUrl": f"http://testserver{paper.pdf.url}", "encodingFormat": "application/pdf"}
    ]
    assert node["abstract"] == "Une enquête auprès de douze coopératives d'habitants."


def test_a_research_paper_page_carries_dublin_core_opengraph_and_one_canonical_address(client, paper):
    head = read_head(client.get(paper.url))
    page_url = f"http://testserver{paper.url}"
    dc = head["dublin_core"]
    assert values(dc, "DC.title") == ["Les coopératives d'habitants en Loire-Atlantique"]
    assert values(dc, "DC.creator") == ["Le Goff, Anne", "Diallo, Awa"]
    assert values(dc, "DC.identifier") == [page_url, "doi:10.7202/1234567ar"]
    assert (values(dc, "DC.date"), values(dc, "DC.language"), values(dc, "DC.subject")) == (
        ["2024-05-02"],
        ["fr"],
        ["Se loger"],
    )
    og = dict(head["opengraph"])
    assert (og["og:type"], og["og:url"], og["og:locale"]) == ("article", page_url, "fr_FR")
    assert og["og:site_name"] and og["article:published_time"] == "2024-05-02"
    assert head["canonical"] == [page_url]
    assert head["descriptions"] == [og["og:description"]] == ["Une enquête auprès de douze coopératives d'habitants."]


def test_the_pdf_of_a_private_collection_is_named_nowhere_in_the_head(client, paper, db):
    students = person("etudiante").groups.create(name="Étudiants DU — 2025")
    paper.pdf.collection = private_collection("Supports du DU", students)
    paper.pdf.save()
    for visitor in (None, person("lectrice", students)):
        if visitor:
            client.force_login(visitor)
        head = read_head(client.get(paper.url))
        assert values(head["highwire"], "citation_pdf_url") == []
        assert "encoding" not in only_node(head)
        assert paper.pdf.url not in head["text"].split("</head>")[0]


def test_a_thesis_names_its_institution(client, site_tree):
    thesis = ResearchPaperPageFactory(
        parent=site_tree.research_index,
        paper_type="these",
        title="L'habitat coopératif, une économie de la confiance",
        authors=["Jean Dupont"],
        publisher="Université de Nantes",
    )
    head = read_head(client.get(thesis.url))
    assert values(head["highwire"], "citation_dissertation_institution") == ["Université de Nantes"]
    assert values(head["highwire"], "citation_journal_title") == []
    node = only_node(head)
    assert (node["@type"], node["publisher"]["name"]) == ("Thesis", "Université de Nantes")


def test_a_study_day_is_an_event_with_its_dates_place_and_talks(client, site_tree):
    speaker = SpeakerFactory(name="Claire Lebrun", affiliation="Nantes Université", orcid="0000-0002-1825-0097")
    talk = {"title": "Financer l'habitat", "speakers": [speaker], "abstract": "Les montages.", "slides": None}
    session = {"title": "Matinée", "day": None, "start_time": None, "end_time": None, "chair": None}
    day = StudyDayPageFactory(
        parent=site_tree.study_day_index,
        title="Habiter autrement",
        date=datetime.date(2003, 11, 20),
        end_date=datetime.date(2003, 11, 21),
        venue="Maison des associations, Nantes",
        poles=[site_tree.pole],
        programme=[("session", {**session, "talks": [{**talk, "video_url": ""}]})],
    )
    head = read_head(client.get(day.url))
    event = only_node(head)
    assert (event["@type"], event["startDate"], event["endDate"]) == ("Event", "2003-11-20", "2003-11-21")
    assert event["location"]["name"] == "Maison des associations, Nantes"
    assert event["location"]["address"]["addressLocality"] == "Nantes"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert "Habitat coopératif" in event["organizer"][0]["name"]
    [work] = event["workPerformed"]
    assert (work["name"], work["author"][0]["name"]) == ("Financer l'habitat", "Claire Lebrun")
    assert work["author"][0]["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert dict(head["opengraph"])["og:type"] == "website"
    assert values(head["dublin_core"], "DC.type")[0] == "Event"


def test_a_practice_exchange_is_an_article_by_its_pole(client, site_tree):
    exchange = PracticeExchangePageFactory(
        parent=site_tree.practice_index,
        title="Une épicerie associative à Malakoff",
        summary="Les habitants ont ouvert une épicerie.",
        poles=[site_tree.pole],
    )
    head = read_head(client.get(exchange.url))
    node = only_node(head)
    assert (node["@type"], node["headline"], node["description"]) == (
        "Article",
        "Une épicerie associative à Malakoff",
        "Les habitants ont ouvert une épicerie.",
    )
    [pole] = node["author"]
    assert pole["@type"] == "Organization" and "Habitat coopératif" in pole["name"]
    assert node["genre"]
    assert dict(head["opengraph"])["og:type"] == "article"
    assert values(head["highwire"], "citation_author") == [pole["name"]]


def test_a_pole_note_is_an_article_of_its_pole_section(client, site_tree):
    note = PoleNotePageFactory(parent=site_tree.pole_section, title="Les chantiers de l'année", summary="Un bilan.")
    head = read_head(client.get(note.url))
    node = only_node(head)
    assert (node["@type"], node["name"], node["datePublished"]) == ("Article", "Les chantiers de l'année", "2004-03-12")
    [pole] = node["author"]
    assert pole["@type"] == "Organization" and "Habitat coopératif" in pole["name"]
    assert head["descriptions"] == ["Un bilan."]
    assert values(head["dublin_core"], "DC.title") == ["Les chantiers de l'année"]


def test_an_editors_search_description_is_the_one_description_of_the_page(client, site_tree):
    note = PoleNotePageFactory(parent=site_tree.pole_section, summary="Un bilan.", search_description="Pour Google.")
    head = read_head(client.get(note.url))
    assert head["descriptions"] == ["Pour Google."]
    assert dict(head["opengraph"])["og:description"] == "Pour Google."


def test_a_du_course_and_its_lessons_describe_themselves_to_their_students(client, site_tree):
    students = person("etudiante").groups.create(name="Étudiants DU — 2027")
    restrict_page(site_tree.course_index, students)
    course = CoursePageFactory(
        parent=site_tree.course_index, title="Histoire de l'ESS", code="DU-01", teachers="Marie Leroy"
    )
    lesson = LessonPageFactory(parent=course, title="Les associations ouvrières", number=1)
    assert client.get(course.url).status_code == 302

    client.force_login(students.user_set.get())
    node = only_node(read_head(client.get(course.url)))
    assert (node["@type"], node["courseCode"], node["provider"]["name"]) == (
        "Course",
        "DU-01",
        "Centre de ressources ESS",
    )
    assert node["author"][0]["name"] == "Marie Leroy"
    node = only_node(read_head(client.get(lesson.url)))
    assert (node["@type"], node["isPartOf"]) == ("LearningResource", {"@type": "Course", "name": "Histoire de l'ESS"})


def test_a_restricted_page_gives_an_anonymous_visitor_nothing_of_its_head(client, site_tree, paper):
    students = person("etudiant").groups.create(name="Étudiants DU — 2026")
    restrict_page(paper, students)
    response = client.get(paper.url)
    assert response.status_code == 302
    content = response.content.decode()
    assert "coopératives" not in content and "citation_" not in content and "ld+json" not in content

    client.force_login(students.user_set.get())
    assert only_node(read_head(client.get(paper.url)))["name"] == paper.title


def test_a_title_or_abstract_cannot_inject_markup_into_the_head(client, site_tree):
    exchange = PracticeExchangePageFactory(parent=site_tree.practice_index, title=INJECTION, summary=INJECTION)
    head = read_head(client.get(exchange.url))
    assert "<script>alert(1)" not in head["text"]
    node = only_node(head)
    assert node["name"] == INJECTION
    assert node["description"] == INJECTION
    assert values(head["highwire"], "citation_title") == [INJECTION]
    assert dict(head["opengraph"])["og:title"] == INJECTION


def test_an_editor_previews_their_changes_in_the_head(client, site_tree):
    note = PoleNotePageFactory(parent=site_tree.pole_section, title="Les chantiers de l'année", slug="chantiers")
    client.force_login(person("redaction", superuser=True))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(note.pk,))
    assert client.post(url, note_form("Les chantiers de 2025", "chantiers")).json()["is_valid"]
    head = read_head(client.get(url))
    assert only_node(head)["name"] == "Les chantiers de 2025"
    assert values(head["highwire"], "citation_title") == ["Les chantiers de 2025"]


def test_a_new_page_previewed_before_its_first_save_shows_its_reference_without_downloads(client, site_tree):
    client.force_login(person("redaction-neuve", superuser=True))
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("resources", "researchpaperpage", site_tree.research_index.pk)
    )
    assert client.post(url, paper_form("Une enquête toute neuve", "enquete-neuve")).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Une enquête toute neuve" in content and "DIALLO, Awa" in content
    assert "/citer/" not in content
