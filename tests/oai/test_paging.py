"""Resumption tokens: a harvest in pages neither skips nor repeats items, and refuses forged or stale tokens."""

import time
from unittest import mock

import pytest

from kb.factories import PracticeExchangePageFactory
from oai import tokens

from .conftest import NS, backdate, errors, identifiers, token

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree, rebuilt, settings):
    settings.KB_OAI_PAGE_SIZE = 2
    pages = [PracticeExchangePageFactory(parent=site_tree.practice_index, title=f"Échange {n}") for n in range(5)]
    rebuilt()
    backdate()
    return pages


def oai_id(page):
    return f"oai:localhost:page/{page.pk}"


def harvest(oai, verb="ListIdentifiers", **arguments):
    """Every page of a list: (identifiers in order, the resumptionToken elements)."""
    root = oai(verb=verb, metadataPrefix="oai_dc", **arguments)
    listed, tokens = identifiers(root), [root.find(f".//oai:{verb}/oai:resumptionToken", NS)]
    while token(root):
        root = oai(verb=verb, resumptionToken=token(root))
        listed += identifiers(root)
        tokens.append(root.find(f".//oai:{verb}/oai:resumptionToken", NS))
    return listed, tokens


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_a_harvest_in_pages_gets_each_item_once_with_sizes_and_cursors(oai, pages, verb):
    listed, tokens = harvest(oai, verb)
    assert sorted(listed) == sorted(oai_id(page) for page in pages)
    assert len(listed) == len(set(listed))
    assert [(t.get("completeListSize"), t.get("cursor")) for t in tokens] == [("5", "0"), ("5", "2"), ("5", "4")]
    assert all(t.get("expirationDate") for t in tokens[:-1])
    assert tokens[-1].text is None  # an empty token closes a list sent in pages


def test_a_page_edited_during_a_harvest_is_neither_repeated_nor_does_it_hide_another(oai, pages, committed):
    started = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    first = identifiers(started)
    pending = [page for page in pages if oai_id(page) not in first]
    with committed():  # one item already sent and one still to come change between two pages
        for page in (next(p for p in pages if oai_id(p) in first), pending[0]):
            page.title += " (mis à jour)"
            page.save_revision().publish()
    rest, root = [], started
    while token(root):
        root = oai(verb="ListIdentifiers", resumptionToken=token(root))
        rest += identifiers(root)
    assert set(first).isdisjoint(rest)
    assert sorted(rest) == sorted(oai_id(page) for page in pending[1:])
    # The edited items come with the next incremental harvest, from the first answer's date.
    time.sleep(1.1)  # a harvest leaves out what changed in its own second
    since = started.findtext("oai:responseDate", namespaces=NS)
    incremental, _tokens = harvest(oai, **{"from": since})
    assert len(incremental) == 2 and oai_id(pending[0]) in incremental


def test_a_tampered_token_is_refused(oai, pages):
    valid = token(oai(verb="ListRecords", metadataPrefix="oai_dc"))
    tampered = valid[:-3] + ("AAA" if not valid.endswith("AAA") else "BBB")
    assert errors(oai(verb="ListRecords", resumptionToken=tampered)) == ["badResumptionToken"]


def test_a_token_is_valid_for_its_own_verb_only(oai, pages):
    valid = token(oai(verb="ListIdentifiers", metadataPrefix="oai_dc"))
    assert errors(oai(verb="ListRecords", resumptionToken=valid)) == ["badResumptionToken"]


def test_an_expired_token_is_refused(oai, pages):
    valid = token(oai(verb="ListRecords", metadataPrefix="oai_dc"))
    with mock.patch("django.core.signing.time.time", return_value=time.time() + tokens.lifetime() + 60):
        assert errors(oai(verb="ListRecords", resumptionToken=valid)) == ["badResumptionToken"]


def test_a_token_signed_with_another_key_is_refused(oai, pages, settings):
    settings.SECRET_KEY = "une autre clé, celle d'un autre site " * 2
    foreign = token(oai(verb="ListRecords", metadataPrefix="oai_dc"))
    settings.SECRET_KEY = settings.SECRET_KEY[::-1]
    assert errors(oai(verb="ListRecords", resumptionToken=foreign)) == ["badResumptionToken"]


def test_a_harvest_page_is_read_in_a_few_queries_whatever_its_size(oai, pages, settings, django_assert_max_num_queries):
    settings.KB_OAI_PAGE_SIZE = 100
    with django_assert_max_num_queries(6):
        root = oai(verb="ListRecords", metadataPrefix="oai_dc")
    assert len(identifiers(root)) == 5
