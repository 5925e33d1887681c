"""French behaviour: accents, case, elision, plurals and feminines, ESS synonyms, phrases, exclusion, autocomplete."""

import pytest

from search.access import Viewer
from search.models import Synonym

from .support import ANONYMOUS, find, index_records, module_transaction, practice, site_tree, titles

pytestmark = pytest.mark.django_db

# Each item holds one form of a word; the query uses the other form.
ITEMS = {
    "Économie de la fonctionnalité": "",
    "Note sur l'economie informelle": "",
    "Parc éolien citoyen": "Des énergies renouvelables produites par les habitants.",
    "Chaufferie partagée": "Une energie locale, sans accent dans la saisie.",
    "Habitat participatif": "Un projet porté par l'habitat groupé du quartier.",
    "Colocation solidaire de seniors": "Un habitat intergénérationnel.",
    "Chantier d'insertion en maraîchage": "",
    "Parcours vers l'emploi": "Un accompagnement en insertion professionnelle.",
    "Trois coopératives agricoles": "",
    "Une coopérative de production": "",
    "Épiceries solidaires": "",
    "Finance solidaire": "",
    "Le tissu associatif nantais": "",
    "Une vie associative": "",
}

SYNONYM_ROWS = [
    "ESS\néconomie sociale et solidaire",
    "SCOP\nsociété coopérative et participative",
    "SCIC\nsociété coopérative d'intérêt collectif",
    "IAE\ninsertion par l'activité économique",
    "PTCE\npôle territorial de coopération économique",
    "AMAP\nassociation pour le maintien d'une agriculture paysanne",
    "ESUS\nentreprise solidaire d'utilité sociale",
]

# For each synonym: an item naming the acronym only, an item naming the expression only.
SYNONYM_ITEMS = {
    "ESS": ("Baromètre régional de l'ESS", "Histoire de l'économie sociale et solidaire"),
    "SCOP": ("Annuaire des SCOP du bâtiment", "Créer une société coopérative et participative"),
    "SCIC": ("Une SCIC pour le bois-énergie", "La société coopérative d'intérêt collectif du cinéma"),
    "IAE": ("Financer l'IAE", "Les chiffres de l'insertion par l'activité économique"),
    "PTCE": ("Un PTCE en milieu rural", "Le pôle territorial de coopération économique du Pays de Retz"),
    "AMAP": ("Carte des AMAP", "Une association pour le maintien d'une agriculture paysanne à Rezé"),
    "ESUS": ("L'agrément ESUS", "Devenir une entreprise solidaire d'utilité sociale"),
}

CAE_TITLE = "Entrepreneurs salariés d'une coopérative d'activité et d'emploi"

PHRASE_ITEMS = {
    "Des jardins partagés en ville": "",
    "Jardins ouvriers": "Des jardins ouvriers et potagers partagés entre voisins.",
}


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        tree = site_tree()
        everything = {**ITEMS, **PHRASE_ITEMS, CAE_TITLE: ""}
        for acronym_title, expression_title in SYNONYM_ITEMS.values():
            everything.update({acronym_title: "", expression_title: ""})
        for title, body in everything.items():
            practice(tree.practice_index, title, body)
        index_records(engine)
        # Synonyms live outside the index: they are created after it, and still apply. This module
        # brings its own groups; the ESS vocabulary shipped by migration is tested in test_ess_vocabulary.py.
        Synonym.objects.all().delete()
        for row in SYNONYM_ROWS:
            Synonym.objects.create(expressions=row)
        yield tree


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("economie", "Économie de la fonctionnalité"),
        ("Économie", "Note sur l'economie informelle"),
        ("ÉCONOMIE", "Note sur l'economie informelle"),
        ("energie", "Parc éolien citoyen"),
        ("énergies", "Chaufferie partagée"),
    ],
)
def test_accents_and_case_do_not_matter(engine, query, expected):
    assert expected in titles(find(engine, query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("l'habitat", "Colocation solidaire de seniors"),
        ("l’habitat", "Colocation solidaire de seniors"),
        ("habitat", "Habitat participatif"),
        ("d'insertion", "Parcours vers l'emploi"),
        ("insertion", "Chantier d'insertion en maraîchage"),
    ],
)
def test_an_elided_article_is_ignored(engine, query, expected):
    assert expected in titles(find(engine, query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("coopératives", "Une coopérative de production"),
        ("coopérative", "Trois coopératives agricoles"),
        ("solidaires", "Finance solidaire"),
        ("solidaire", "Épiceries solidaires"),
        ("associatif", "Une vie associative"),
        ("associative", "Le tissu associatif nantais"),
    ],
)
def test_plural_and_feminine_forms_find_each_other(engine, query, expected):
    assert expected in titles(find(engine, query))


@pytest.mark.parametrize("acronym", SYNONYM_ITEMS)
def test_an_acronym_finds_the_expanded_expression_and_back(engine, acronym):
    acronym_title, expression_title = SYNONYM_ITEMS[acronym]
    expression = next(row for row in SYNONYM_ROWS if row.startswith(f"{acronym}\n")).split("\n")[1]
    assert expression_title in titles(find(engine, acronym))
    assert acronym_title in titles(find(engine, expression))


def test_an_acronym_is_found_whatever_its_case(engine):
    assert "Créer une société coopérative et participative" in titles(find(engine, "scop"))


def test_a_synonym_added_after_indexing_applies_to_the_next_search_without_reindexing(engine):
    assert titles(find(engine, "CAE")) == []

    Synonym.objects.create(expressions="CAE\ncoopérative d'activité et d'emploi")

    assert titles(find(engine, "CAE")) == [CAE_TITLE]


def test_a_synonym_removed_no_longer_applies(engine):
    Synonym.objects.filter(expressions__startswith="SCOP").delete()
    assert "Créer une société coopérative et participative" not in titles(find(engine, "SCOP"))


def test_a_quoted_phrase_wants_its_words_adjacent_and_in_order(engine):
    assert set(PHRASE_ITEMS) <= set(titles(find(engine, "jardins partagés")))
    assert titles(find(engine, '"jardins partagés"')) == ["Des jardins partagés en ville"]
    assert titles(find(engine, '"partagés jardins"')) == []


def test_a_leading_minus_excludes_a_word(engine):
    assert titles(find(engine, "jardins -ouvriers")) == ["Des jardins partagés en ville"]
    assert titles(find(engine, 'jardins -"potagers partagés"')) == ["Des jardins partagés en ville"]


def test_a_minus_inside_a_word_is_not_an_exclusion(engine):
    assert "Une SCIC pour le bois-énergie" in titles(find(engine, "bois-énergie"))


def test_autocomplete_completes_the_last_word_of_a_title_prefix(engine):
    found = [title for title, _url, _kind in engine.autocomplete("Écon", ANONYMOUS)]
    assert "Économie de la fonctionnalité" in found
    assert "Note sur l'economie informelle" in found
    assert [title for title, _url, _kind in engine.autocomplete("jardins part", Viewer())] == [
        "Des jardins partagés en ville"
    ]


def test_autocomplete_gives_the_url_and_kind_of_each_title(engine):
    [(title, url, kind)] = engine.autocomplete("chaufferie", ANONYMOUS)
    assert (title, kind) == ("Chaufferie partagée", "practice_exchange")
    assert url.endswith("/chaufferie-partagee/")


def test_autocomplete_matches_title_prefixes_only(engine):
    assert engine.autocomplete("renouvelab", ANONYMOUS) == []
