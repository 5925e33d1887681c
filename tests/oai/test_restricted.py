"""Nothing restricted is ever harvested, by any verb or set; what becomes restricted is reported deleted."""

import pytest

from wagtail.models import PageViewRestriction

from kb.factories import PoleFactory, PracticeExchangePageFactory
from resources.factories import ArchiveDocumentFactory, CoursePageFactory, LessonPageFactory
from search.models import SearchRecord
from tests.people import cohort, private_collection, restrict_page

from .conftest import NS, backdate, errors, identifiers

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(site_tree, territory, rebuilt):
    """A public page and a public document; a DU lesson, a members' page, a password page, a private document."""
    students = cohort("promotion 2025-2026", 30).group
    secret_pole = PoleFactory(name="Pôle du DU", slug="pole-du")
    restrict_page(site_tree.course_index, students)
    course = CoursePageFactory(parent=site_tree.course_index, poles=[secret_pole], territories=[territory("49007")])
    lesson = LessonPageFactory(parent=course, poles=[secret_pole])
    public = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Une ressourcerie")
    members = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Réservé aux membres")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    protected = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Dossier protégé")
    PageViewRestriction.objects.create(page=protected, restriction_type=PageViewRestriction.PASSWORD, password="x")
    private = ArchiveDocumentFactory(title="Document du DU", collection=private_collection("DU", students))
    document = ArchiveDocumentFactory(title="Plaquette publique")
    rebuilt()
    backdate()
    hidden = [f"page:{p.pk}" for p in (course, lesson, members, protected)] + [f"document:{private.pk}"]
    return public, document, hidden


def harvested(oai, **arguments):
    listed = []
    for verb in ("ListIdentifiers", "ListRecords"):
        root = oai(verb=verb, metadataPrefix="oai_dc", **arguments)
        listed += identifiers(root) if not errors(root) else []
    return listed


def test_restricted_items_are_in_no_list_no_set_and_no_record(oai, archive):
    public, document, hidden = archive
    # The fixture built what it meant to: the restricted items have records, just not public ones.
    assert SearchRecord.objects.filter(source__in=hidden).exclude(access="public").count() == len(hidden)
    everything = set(harvested(oai))
    assert everything == {f"oai:localhost:page/{public.pk}", f"oai:localhost:document/{document.pk}"}
    sets = [node.text for node in oai(verb="ListSets").iterfind(".//oai:setSpec", NS)]
    assert "pole:pole-du" not in sets and "departement:49" not in sets
    for spec in sets:
        assert set(harvested(oai, set=spec)) <= everything
    for source in hidden:
        identifier = "oai:localhost:" + source.replace(":", "/")
        assert errors(oai(verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)) == ["idDoesNotExist"]
        assert errors(oai(verb="ListMetadataFormats", identifier=identifier)) == ["idDoesNotExist"]


def test_a_public_item_that_becomes_restricted_is_reported_deleted_and_keeps_its_sets(oai, archive, committed):
    public, _document, _hidden = archive
    with committed():
        PageViewRestriction.objects.create(page=public, restriction_type=PageViewRestriction.LOGIN)
    root = oai(verb="GetRecord", metadataPrefix="oai_dc", identifier=f"oai:localhost:page/{public.pk}")
    header = root.find(".//oai:header", NS)
    assert header.get("status") == "deleted"
    assert root.find(".//oai:metadata", NS) is None
    assert "kind:practice_exchange" in [node.text for node in header.iterfind("oai:setSpec", NS)]
