"""The six verbs and every error condition of OAI-PMH 2.0, as a harvester meets them."""

import datetime

import pytest

from django.utils import timezone

from kb.factories import PracticeExchangePageFactory
from oai.models import ExposedItem
from resources.factories import ResearchPaperPageFactory

from .conftest import NS, backdate, dc, errors, identifiers, token

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(site_tree, territory, rebuilt):
    paper = ResearchPaperPageFactory(
        parent=site_tree.research_index,
        title="Les coopératives d'habitants",
        poles=[site_tree.pole],
        themes=[site_tree.theme],
        territories=[territory("44109")],
    )
    practice = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Une ressourcerie")
    rebuilt()
    backdate()
    return paper, practice


def oai_id(page):
    return f"oai:localhost:page/{page.pk}"


def test_identify_describes_the_repository(oai, archive, settings):
    settings.KB_OAI_ADMIN_EMAIL = "oai@ess-nantes.example"
    root = oai(verb="Identify")
    identify = root.find("oai:Identify", NS)
    assert identify.findtext("oai:repositoryName", namespaces=NS) == "Centre de ressources ESS"
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:adminEmail", namespaces=NS) == "oai@ess-nantes.example"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    earliest = min(ExposedItem.objects.values_list("datestamp", flat=True))
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS) == earliest.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_admin_email_defaults_to_the_site_sender(oai, settings):
    settings.DEFAULT_FROM_EMAIL = "centre@ess-nantes.example"
    assert oai(verb="Identify").findtext(".//oai:adminEmail", namespaces=NS) == "centre@ess-nantes.example"


def test_oai_dc_is_offered_for_the_repository_and_each_item(oai, archive):
    for arguments in ({}, {"identifier": oai_id(archive[0])}):
        root = oai(verb="ListMetadataFormats", **arguments)
        assert [n.text for n in root.iterfind(".//oai:metadataPrefix", NS)] == ["oai_dc"]
    assert errors(oai(verb="ListMetadataFormats", identifier="oai:localhost:page/999999")) == ["idDoesNotExist"]


def test_get_record_gives_the_item_in_dublin_core_with_its_sets(oai, archive):
    paper, _ = archive
    root = oai(verb="GetRecord", identifier=oai_id(paper), metadataPrefix="oai_dc")
    record = root.find(".//oai:record", NS)
    assert dc(record, "title") == ["Les coopératives d'habitants"]
    assert f"http://testserver{paper.url}" in dc(record, "identifier")
    assert "Nantes" in dc(record, "coverage")
    assert {"Habitat coopératif", "Se loger"} <= set(dc(record, "subject"))
    specs = [n.text for n in record.iterfind(".//oai:setSpec", NS)]
    assert {"kind:research_paper", "pole:habitat-cooperatif", "theme:se-loger", "departement:44"} <= set(specs)


def test_sets_are_listed_with_french_names(oai, archive):
    root = oai(verb="ListSets")
    names = {
        n.findtext("oai:setSpec", namespaces=NS): n.findtext("oai:setName", namespaces=NS)
        for n in root.iterfind(".//oai:set", NS)
    }
    assert names["pole"] == "Pôles"
    assert names["pole:habitat-cooperatif"] == "Pôle : Habitat coopératif"
    assert names["departement:44"] == "Département : Loire-Atlantique (44)"
    assert names["kind:research_paper"] == "Type : travail de recherche"


def test_a_set_selects_its_items_and_a_family_all_of_its_sets(oai, archive):
    paper, practice = archive
    listed = identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="pole:habitat-cooperatif"))
    assert listed == [oai_id(paper)]
    everything = identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="kind"))
    assert sorted(everything) == sorted([oai_id(paper), oai_id(practice)])
    assert errors(oai(verb="ListRecords", metadataPrefix="oai_dc", set="pole:inconnu")) == ["noRecordsMatch"]


def test_from_and_until_select_by_datestamp_at_both_granularities(oai, archive):
    paper, practice = archive
    moment = timezone.now().replace(microsecond=0) - datetime.timedelta(days=3)
    ExposedItem.objects.filter(source=f"page:{paper.pk}").update(datestamp=moment)
    day, second = moment.strftime("%Y-%m-%d"), moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until=day)) == [oai_id(paper)]
    assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until=second)) == [oai_id(paper)]
    later = (moment + datetime.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": later})) == [oai_id(practice)]
    assert len(identifiers(oai(verb="ListRecords", metadataPrefix="oai_dc", **{"from": day, "until": day}))) == 1
    before = (moment - datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    assert errors(oai(verb="ListRecords", metadataPrefix="oai_dc", until=before)) == ["noRecordsMatch"]


def test_the_last_representable_day_is_a_valid_until(oai, archive):
    assert len(identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until="9999-12-31"))) == 2


def test_post_form_requests_are_answered_like_get(oai, archive):
    root = oai(method="post", verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert len(identifiers(root)) == 2
    assert root.find("oai:request", NS).get("verb") == "ListIdentifiers"


def test_a_list_sent_whole_has_no_resumption_token(oai, archive):
    assert token(oai(verb="ListRecords", metadataPrefix="oai_dc")) is None


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "ListEverything"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-13-01"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01T10:00:00"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01T10:00:00.5Z"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-02-01", "until": "2024-01-01"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01", "until": "2024-02-01T00:00:00Z"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "pole::x"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "metadataPrefix": "marc21", "identifier": "oai:localhost:page/1"},
            "cannotDisseminateFormat",
        ),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elsewhere.org:page/1"}, "idDoesNotExist"),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:localhost:page/999999"},
            "idDoesNotExist",
        ),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "page:1\x00\x07"}, "idDoesNotExist"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2999-01-01"}, "noRecordsMatch"),
    ],
)
def test_each_bad_request_gets_its_protocol_error(oai, arguments, code):
    root = oai(**arguments)
    assert errors(root) == ([code] if code else [])
    if code in ("badVerb", "badArgument"):
        # The protocol forbids echoing the arguments of such a request.
        assert root.find("oai:request", NS).attrib == {}


def test_an_error_says_in_french_what_to_fix(oai):
    message = oai(verb="ListRecords", metadataPrefix="oai_dc", **{"from": "2024-02-01", "until": "2024-01-01"})
    assert message.findtext("oai:error", namespaces=NS) == "from est postérieur à until."
