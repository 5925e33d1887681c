"""Each kind of item describes itself once, in CSL-JSON, for every surface that cites, exports or harvests it."""

import datetime

import pytest

from citations.items import entry, entry_key, person
from kb.factories import PoleNotePageFactory, PracticeExchangePageFactory
from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory
from search.models import SearchRecord
from search.sync import apply
from studydays.factories import SpeakerFactory, StudyDayPageFactory
from tests.people import private_collection

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Claire Moreau", {"family": "Moreau", "given": "Claire"}),
        ("Jean-Paul Rivière", {"family": "Rivière", "given": "Jean-Paul"}),
        ("Anne Le Goff", {"family": "Le Goff", "given": "Anne"}),
        ("Marie de La Tour", {"family": "de La Tour", "given": "Marie"}),
        ("Jean Pierre DUPONT", {"family": "DUPONT", "given": "Jean Pierre"}),
        ("Laville, Jean-Louis", {"family": "Laville", "given": "Jean-Louis"}),
        ("CRESS des Pays de la Loire", {"literal": "CRESS des Pays de la Loire"}),
        ("Réseau Cocagne", {"literal": "Réseau Cocagne"}),
        ("Platon", {"literal": "Platon"}),
    ],
)
def test_names_split_as_french_readers_write_them(name, expected):
    assert person(name) == expected


def test_an_orcid_is_carried_as_its_address():
    assert person("Claire Moreau", "0000-0002-9724-4962")["ORCID"] == "https://orcid.org/0000-0002-9724-4962"


def test_a_journal_article_cites_its_journal_volume_issue_pages_and_identifiers(site_tree):
    pdf = ArchiveDocumentFactory(title="Texte intégral")
    paper = ResearchPaperPageFactory(
        parent=site_tree.research_index,
        title="Les coopératives d'habitants",
        authors=[{"name": "Claire Moreau", "orcid": "0000-0002-9724-4962", "affiliation": "LEMNA"}, "Anne Le Goff"],
        paper_type="article",
        date=datetime.date(2009, 4, 1),
        venue="RECMA",
        volume="88",
        issue="312",
        pages="58 – 73",
        doi="10.3917/recma.312.0058",
        hal_id="hal-01234567",
        language="fr",
        pdf=pdf,
        themes=[site_tree.theme],
    )
    item = paper.citation_item()
    assert item["type"] == "article-journal"
    assert item["author"] == [
        {
            "family": "Moreau",
            "given": "Claire",
            "ORCID": "https://orcid.org/0000-0002-9724-4962",
            "affiliation": "LEMNA",
        },
        {"family": "Le Goff", "given": "Anne"},
    ]
    assert item["container-title"] == "RECMA"
    assert "publisher" not in item
    assert (item["volume"], item["issue"], item["page"]) == ("88", "312", "58-73")
    assert item["DOI"] == "10.3917/recma.312.0058"
    assert item["issued"] == {"date-parts": [[2009, 4, 1]]}
    assert item["keyword"] == "Se loger"
    assert item["custom"] == {"kind": "research_paper", "hal_id": "hal-01234567", "pdf_url": pdf.url}


def test_a_thesis_names_its_university_as_publisher_and_its_genre(site_tree):
    paper = ResearchPaperPageFactory(
        parent=site_tree.research_index, paper_type="these", venue="Université de Nantes", place="Nantes"
    )
    item = paper.citation_item()
    assert (item["type"], item["genre"]) == ("thesis", "Thèse de doctorat")
    assert (item["publisher"], item["publisher-place"]) == ("Université de Nantes", "Nantes")
    assert "container-title" not in item


def test_a_pdf_in_a_private_collection_is_no_full_text_address(site_tree):
    pdf = ArchiveDocumentFactory(collection=private_collection("Réservé"))
    paper = ResearchPaperPageFactory(parent=site_tree.research_index, pdf=pdf)
    assert "pdf_url" not in paper.citation_item()["custom"]


def test_a_study_day_is_an_event_with_its_dates_and_place_and_its_talks_are_speeches(site_tree):
    speaker = SpeakerFactory(name="Claire Lebrun", orcid="0000-0001-5858-1467", affiliation="")
    slides = ArchiveDocumentFactory(title="Diaporama")
    talk = {"title": "Financer l'habitat", "speakers": [speaker], "abstract": "Les montages.", "slides": slides}
    session = {"title": "Matin", "day": datetime.date(2003, 11, 21), "start_time": None, "end_time": None}
    day = StudyDayPageFactory(
        parent=site_tree.study_day_index,
        title="Habiter autrement",
        date=datetime.date(2003, 11, 20),
        end_date=datetime.date(2003, 11, 21),
        venue="Maison des associations, Nantes",
        poles=[site_tree.pole],
        programme=[("session", {**session, "chair": None, "talks": [{**talk, "video_url": ""}]})],
    )
    item = day.citation_item()
    assert (item["type"], item["genre"]) == ("event", "Journée d'étude")
    assert item["event-date"] == {"date-parts": [[2003, 11, 20], [2003, 11, 21]]}
    assert item["event-place"] == "Maison des associations, Nantes"
    assert item["author"] == [{"literal": "Pôle Habitat coopératif"}]

    [(talk_id, talk_item)] = day.talk_citation_items()
    assert talk_id == day.programme[0].value["talks"].bound_blocks[0].id
    assert talk_item["type"] == "speech"
    assert talk_item["author"] == [
        {"family": "Lebrun", "given": "Claire", "ORCID": "https://orcid.org/0000-0001-5858-1467"}
    ]
    assert talk_item["issued"] == {"date-parts": [[2003, 11, 21]]}
    assert talk_item["event-title"] == "Habiter autrement"
    assert talk_item["custom"]["pdf_url"] == slides.url


def test_notes_and_exchanges_are_written_by_their_pole(site_tree):
    note = PoleNotePageFactory(parent=site_tree.pole_section, title="Compte rendu")
    item = note.citation_item()
    assert item["type"] == "post-weblog"
    assert item["author"] == [{"literal": "Pôle Habitat coopératif"}]
    exchange = PracticeExchangePageFactory(parent=site_tree.practice_index, poles=[site_tree.pole])
    assert exchange.citation_item()["genre"] == "Fiche d'échange de pratiques"


def test_a_spreadsheet_is_a_dataset_and_a_pdf_a_document(db):
    sheet = ArchiveDocumentFactory(filename="budget.csv", publication_date=datetime.date(2012, 1, 5))
    assert sheet.citation_item()["type"] == "dataset"
    assert sheet.citation_item()["issued"] == {"date-parts": [[2012, 1, 5]]}
    pdf = ArchiveDocumentFactory()
    assert pdf.citation_item()["type"] == "document"
    assert pdf.citation_item()["custom"]["pdf_url"] == pdf.url


def test_the_search_record_carries_the_item_and_entries_make_its_addresses_absolute(site_tree):
    paper = ResearchPaperPageFactory(parent=site_tree.research_index, title="Habitat et ESS")
    apply([paper.search_source])
    stored = SearchRecord.objects.get(source=paper.search_source)
    assert stored.data["citation"] == paper.citation_item()
    cited = entry(stored.source, stored.data["citation"], stored.url, "https://ressources.example/")
    assert cited.key == entry_key(paper.search_source) == f"kb-page-{paper.pk}"
    assert cited.item["id"] == cited.key
    assert cited.item["URL"] == "https://ressources.example" + stored.url
    assert "id" not in stored.data["citation"]
