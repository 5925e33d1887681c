"""The whole demo archive harvested end to end by a real OAI-PMH client (oaipmh-scythe) over HTTP.

pytest-django's live server needs a transactional test, whose flush empties every table at the end: the
module puts back what the rest of the suite starts from (the migrations' data and the territories).
"""

import time
from io import StringIO

import pytest
from oaipmh_scythe import Scythe

from django.core.management import call_command
from django.db import connection

from wagtail.models import Page, PageViewRestriction

from kb import records as kb_records
from kb.territories import import_territories
from kb.vocabularies import MODEL_VOCABULARIES, TERRITORIES
from oai import sets
from search import indexing
from search.engines import get_database_engine
from search.models import SearchRecord

from .conftest import NS, valid

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="module", autouse=True)
def restored_after_flush(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        get_database_engine().clear()  # the full-text tables outside the models, that no flush empties
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        import_territories()
        kb_records.forget_territory_scopes()
        for vocabulary in (TERRITORIES, *MODEL_VOCABULARIES.values()):
            vocabulary.forget()


class CheckedScythe(Scythe):
    """A harvester whose every answer must pass the OAI-PMH and oai_dc schemas; it counts its requests."""

    requests = 0

    def harvest(self, query):
        response = super().harvest(query)
        valid(response.raw.encode())
        CheckedScythe.requests += 1
        return response


def identifiers(listing):
    return {header.identifier for header in listing}


def public_sources():
    return {
        f"oai:localhost:{source.replace(':', '/')}"
        for source in SearchRecord.objects.filter(access="public").values_list("source", flat=True)
    }


def test_the_demo_archive_is_harvested_whole_then_incrementally(live_server, settings):
    call_command("kb_demo", stdout=StringIO())
    indexing.rebuild()
    settings.KB_OAI_PAGE_SIZE = 7
    settings.KB_OAI_ADMIN_EMAIL = "oai@ess-nantes.example"
    time.sleep(1.1)  # a harvest leaves out what changed in its own second
    with CheckedScythe(f"{live_server.url}/oai/") as scythe:
        assert scythe.identify().repositoryName == "Centre de ressources ESS"
        assert [f.metadataPrefix for f in scythe.list_metadata_formats()] == ["oai_dc"]
        started = time.perf_counter()
        records = list(scythe.list_records(metadata_prefix="oai_dc"))
        seconds = time.perf_counter() - started
        expected = public_sources()
        assert {record.header.identifier for record in records} == expected
        assert len(records) == len(expected) > 3 * settings.KB_OAI_PAGE_SIZE  # several pages
        assert all(record.metadata["title"] for record in records)
        print(f"\nOAI harvest: {len(records)} records in {seconds:.2f} s ({CheckedScythe.requests} requests)")

        departements = sets.departement_codes()
        specs = [s.setSpec for s in scythe.list_sets()]
        print(f"OAI harvest: {len(specs)} sets")
        data = dict(SearchRecord.objects.filter(access="public").values_list("source", "data"))
        for spec in specs:
            members = {
                f"oai:localhost:{s.replace(':', '/')}" for s, d in data.items() if spec in sets.specs(d, departements)
            }
            assert identifiers(scythe.list_identifiers(metadata_prefix="oai_dc", set_=spec)) == members, spec

        since = scythe.harvest({"verb": "Identify"}).xml.findtext(f"{{{NS['oai']}}}responseDate")
        unpublished, restricted = withdraw_two()
        time.sleep(1.1)
        changed = list(scythe.list_identifiers(metadata_prefix="oai_dc", from_=since))
    assert {h.identifier for h in changed if h.deleted} == {unpublished, restricted}


def withdraw_two():
    """Unpublish one public leaf page and make another one members-only: (their identifiers)."""
    public = {
        int(s.split(":")[1])
        for s in SearchRecord.objects.filter(access="public", source__startswith="page:").values_list(
            "source", flat=True
        )
    }
    leaves = list(Page.objects.filter(pk__in=public, numchild=0).order_by("pk")[:2])
    leaves[0].specific.unpublish()
    PageViewRestriction.objects.create(page=leaves[1], restriction_type=PageViewRestriction.LOGIN)
    return tuple(f"oai:localhost:page/{page.pk}" for page in leaves)
