"""The ESS vocabulary ships with the project: each acronym finds what its expansions find and back, the
admin refuses a group that could not widen a search, and re-running the migration keeps the edits."""

import html
import importlib

import pytest

from django.apps import apps
from django.urls import reverse

from search import service
from search.analysis import analyze
from search.models import Synonym
from search.query import analyse_synonyms
from tests.people import documentalists, person

from .support import find, index_records, module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

shipped = importlib.import_module("search.migrations.0006_ess_synonyms")
VOCABULARY = shipped.ESS_VOCABULARY

# What the issue asks for.
REQUIRED = [
    "ESS", "ESUS", "SCOP", "SCIC", "CAE", "IAE", "SIAE", "EI", "ETTI", "ACI", "AI", "GEIQ", "PTCE", "AMAP", "CRESS",
    "RTES", "CIGALES", "EA", "ESAT", "SIEG", "tiers-lieux", "monnaie locale", "circuit court",
]  # fmt: skip

TOO_FEW = "Un groupe de synonymes doit réunir au moins deux expressions différentes"


def distinct_forms(expressions):
    """The first written form of each expression the search tells apart, in the group's order."""
    forms = {}
    for expression in expressions:
        forms.setdefault(tuple(analyze(expression)), expression)
    return list(forms.values())


def as_query(expression):
    """An acronym as typed; an expansion between quotes, as a researcher checks a phrase."""
    return expression if len(analyze(expression)) == 1 else f'"{expression}"'


def found(engine, q):
    response = find(engine, q)
    assert response.total < 100, f"{q}: too many hits to compare on one page"
    return {hit.title for hit in response.hits}


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    """One item per expression the search tells apart, whose text is that expression alone: {key: titles}."""
    with module_transaction(django_db_blocker):
        tree = site_tree()
        items, number = {}, 0
        for key, expressions, _note in VOCABULARY:
            for expression in distinct_forms(expressions):
                number += 1
                practice(tree.practice_index, f"Fiche {number}", expression)
                items.setdefault(key, set()).add(f"Fiche {number}")
        index_records(engine)
        yield items


@pytest.fixture
def documentalist(client):
    client.force_login(person("documentaliste", documentalists()))
    return client


def test_the_shipped_groups_are_in_a_fresh_database():
    installed = {synonym.key: (synonym.expressions, synonym.note) for synonym in Synonym.objects.exclude(key=None)}
    assert installed == {key: ("\n".join(expressions), note) for key, expressions, note in VOCABULARY}
    assert len(service.synonyms()) == len(VOCABULARY)


def test_every_acronym_and_term_the_issue_lists_is_shipped():
    shipped_forms = {tuple(analyze(e)) for _key, expressions, _note in VOCABULARY for e in expressions}
    assert [term for term in REQUIRED if tuple(analyze(term)) not in shipped_forms] == []


def test_ai_is_an_acronym_in_capitals_and_a_form_of_avoir_in_lower_case():
    """« AI » (association intermédiaire, code du travail art. L. 5132-7) is kept in capitals only."""
    assert analyze("Une AI recrute") == ["ai", "recrut"]
    assert analyze("j'ai recruté") == ["recrut"]
    assert analyse_synonyms([["AI", "association intermédiaire"]]) == [[("ai",), ("asoci", "intermediair")]]


@pytest.mark.parametrize(("key", "expressions", "note"), VOCABULARY, ids=[key for key, _e, _n in VOCABULARY])
def test_each_shipped_group_holds_expressions_the_search_tells_apart_and_names_its_source(key, expressions, note):
    assert all(analyze(expression) for expression in expressions), "an expression the search ignores"
    assert len(distinct_forms(expressions)) >= 2
    assert not any("," in expression for expression in expressions), "a comma splits an expression in two"
    assert note and len(note) <= Synonym._meta.get_field("note").max_length


def test_no_expression_belongs_to_two_shipped_groups():
    owners = {}
    for key, expressions, _note in VOCABULARY:
        for form in {tuple(analyze(expression)) for expression in expressions}:
            owners.setdefault(form, []).append(key)
    assert {form: keys for form, keys in owners.items() if len(keys) > 1} == {}


@pytest.mark.parametrize(
    ("key", "expressions"), [(k, e) for k, e, _n in VOCABULARY], ids=[k for k, _e, _n in VOCABULARY]
)
def test_searching_an_acronym_finds_every_item_of_its_expansions_and_back(engine, archive, key, expressions):
    head, *others = distinct_forms(expressions)
    by_head = found(engine, as_query(head))
    assert archive[key] <= by_head, f"« {head} » misses items of its own group"
    for expression in others:
        query = as_query(expression)
        assert found(engine, query) == by_head, f"« {head} » and {query} find different items"


def post_synonym(client, expressions, synonym=None):
    url = (
        reverse("wagtailsnippets_search_synonym:edit", args=[synonym.pk])
        if synonym
        else reverse("wagtailsnippets_search_synonym:add")
    )
    return client.post(url, {"expressions": expressions, "note": "Saisi dans l'administration."})


def test_the_admin_accepts_a_group_of_two_expressions_the_search_tells_apart(documentalist):
    response = post_synonym(documentalist, "MSA\nmutualité sociale agricole")
    assert response.status_code == 302
    assert Synonym.objects.filter(key=None, expressions="MSA\nmutualité sociale agricole").exists()


@pytest.mark.parametrize(
    "expressions",
    ["SCOP", "SCOP\nScop\nSCOPs", "tiers-lieu\ntiers-lieux\nTiers lieu", "  \nrégie de quartier\n"],
    ids=["one-line", "case-and-plural", "hyphen-and-plural", "one-line-and-blanks"],
)
def test_the_admin_refuses_a_group_of_fewer_than_two_distinct_expressions(documentalist, expressions):
    before = Synonym.objects.count()
    response = post_synonym(documentalist, expressions)
    assert response.status_code == 200
    assert TOO_FEW in html.unescape(response.content.decode())
    assert Synonym.objects.count() == before


def test_the_admin_names_the_lines_the_search_ignores(documentalist):
    response = post_synonym(documentalist, "LES\nassociation intermédiaire")
    page = html.unescape(response.content.decode())
    assert TOO_FEW in page
    assert "La recherche ignore entièrement « LES » (mots vides du français)." in page
    assert not Synonym.objects.filter(expressions__startswith="LES").exists()


def test_the_admin_refuses_to_cut_a_shipped_group_down_to_one_expression(documentalist):
    scop = Synonym.objects.get(key="scop")
    response = post_synonym(documentalist, "SCOP\nScop", scop)
    assert TOO_FEW in html.unescape(response.content.decode())
    scop.refresh_from_db()
    assert scop.expressions.startswith("SCOP\nScop\nS.C.O.P.\nsociété coopérative et participative")


def test_rerunning_the_migration_keeps_documentalists_edits_and_duplicates_nothing(documentalist):
    scop = Synonym.objects.get(key="scop")
    edit = "SCOP\nsociété coopérative et participative\ncoopérative de salariés"
    assert post_synonym(documentalist, edit, scop).status_code == 302
    Synonym.objects.get(key="sieg").delete()

    shipped.install_ess_vocabulary(apps, None)
    shipped.install_ess_vocabulary(apps, None)

    scop.refresh_from_db()
    assert scop.expressions == edit
    assert scop.note == "Saisi dans l'administration."
    keys = list(Synonym.objects.exclude(key=None).values_list("key", flat=True))
    assert sorted(keys) == sorted(key for key, _e, _n in VOCABULARY)


def test_the_migration_leaves_out_a_group_typed_by_hand_before_it_shipped():
    Synonym.objects.filter(key="iae").delete()
    by_hand = Synonym.objects.create(expressions="Iae\ninsertion par l’activite economique")

    shipped.install_ess_vocabulary(apps, None)

    assert not Synonym.objects.filter(key="iae").exists()
    by_hand.refresh_from_db()
    assert by_hand.expressions == "Iae\ninsertion par l’activite economique"


def test_reversing_the_migration_removes_only_the_shipped_groups_left_as_shipped():
    edited = Synonym.objects.get(key="ei")
    edited.note += " Relu par la documentation."
    edited.save()
    by_hand = Synonym.objects.create(expressions="MSA\nmutualité sociale agricole")

    shipped.remove_untouched_ess_vocabulary(apps, None)

    assert list(Synonym.objects.exclude(key=None).values_list("key", flat=True)) == ["ei"]
    assert Synonym.objects.filter(pk=by_hand.pk).exists()
