"""Facets: counts per kind, pole, territory (rolled up, as a tree), theme, year and tag; OR within, AND across."""

import datetime

import pytest

from kb.factories import PoleFactory, ThematicAnswerPageFactory, ThemeFactory
from kb.models import Territory
from resources.factories import ResearchPaperPageFactory
from studydays.factories import StudyDayPageFactory

from .support import facet_counts, find, index_records, module_transaction, practice, site_tree, titles

pytestmark = pytest.mark.django_db

NANTES, REZE, NANTES_METROPOLE, LOIRE_ATLANTIQUE = "44109", "44143", "244400404", "44"
ANGERS, ANGERS_LOIRE_METROPOLE, MAINE_ET_LOIRE, PAYS_DE_LA_LOIRE = "49007", "244900015", "49", "52"

LOCAL_FOOD, RACK, STUDY_DAY, PAPER, ANSWER = (
    "Un magasin de producteurs",
    "Une épicerie en vrac",
    "Journée de la mobilité",
    "Circuits courts à Malakoff",
    "Se loger demain",
)


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        tree = site_tree()
        food = PoleFactory(name="Alimentation durable", slug="alimentation")
        mobility = PoleFactory(name="Mobilité solidaire", slug="mobilite")
        eat = ThemeFactory(name="Se nourrir", slug="se-nourrir")
        house = ThemeFactory(name="Se loger", slug="se-loger")
        move = ThemeFactory(name="Se déplacer", slug="se-deplacer")
        place = {code: Territory.objects.get(code=code) for code in (NANTES, REZE, ANGERS)}
        malakoff = Territory.objects.create(name="Malakoff", kind="quartier", parent=place[NANTES])

        practice(
            tree.practice_index,
            LOCAL_FOOD,
            date=datetime.date(2020, 1, 10),
            poles=[food],
            themes=[eat],
            territories=[place[NANTES]],
            tags=["circuit court"],
        )
        practice(
            tree.practice_index,
            RACK,
            date=datetime.date(2021, 2, 10),
            poles=[food],
            themes=[house],
            territories=[place[REZE]],
            tags=["vrac"],
        )
        StudyDayPageFactory(
            parent=tree.study_day_index,
            title=STUDY_DAY,
            summary="",
            date=datetime.date(2021, 9, 30),
            poles=[mobility],
            themes=[move],
            territories=[place[ANGERS]],
        )
        ResearchPaperPageFactory(
            parent=tree.research_index,
            title=PAPER,
            summary="",
            date=datetime.date(2019, 4, 1),
            poles=[food, mobility],
            themes=[house],
            territories=[malakoff],
            tags=["circuit court"],
        )
        ThematicAnswerPageFactory(
            parent=tree.answer_index, title=ANSWER, summary="", theme=house, date=datetime.date(2022, 6, 1)
        )
        index_records(engine)
        yield tree


def test_every_facet_counts_the_items_under_each_value(engine):
    response = find(engine)
    assert response.total == 5
    assert facet_counts(response, "kind") == {
        "practice_exchange": 2,
        "study_day": 1,
        "research_paper": 1,
        "thematic_answer": 1,
    }
    assert facet_counts(response, "pole") == {"alimentation": 3, "mobilite": 2}
    assert facet_counts(response, "theme") == {"se-nourrir": 1, "se-loger": 2, "se-deplacer": 1}
    assert facet_counts(response, "year") == {"2019": 1, "2020": 1, "2021": 2, "2022": 1}
    assert facet_counts(response, "tag") == {"circuit-court": 2, "vrac": 1}


def test_facet_values_carry_their_labels(engine):
    response = find(engine)
    labels = {facet: {v.value: v.label for v in response.facets[facet]} for facet in ("kind", "pole", "theme", "tag")}
    assert labels["kind"]["practice_exchange"] == "échange de pratiques"
    assert labels["pole"] == {"alimentation": "Alimentation durable", "mobilite": "Mobilité solidaire"}
    assert labels["theme"]["se-deplacer"] == "Se déplacer"
    assert labels["tag"]["circuit-court"] == "circuit court"


def test_the_years_are_listed_newest_first(engine):
    assert [v.value for v in find(engine).facets["year"]] == ["2022", "2021", "2020", "2019"]


def test_a_commune_counts_under_its_epci_its_departement_and_its_region(engine):
    counts = facet_counts(find(engine), "territory")
    assert counts[NANTES] == 2  # the magasin, and the paper about a quartier of Nantes
    assert counts[REZE] == 1
    assert counts[NANTES_METROPOLE] == counts[LOIRE_ATLANTIQUE] == 3
    assert counts[ANGERS] == counts[ANGERS_LOIRE_METROPOLE] == counts[MAINE_ET_LOIRE] == 1
    assert counts[PAYS_DE_LA_LOIRE] == 4


def test_the_territory_facet_is_a_tree_from_region_to_commune(engine):
    def tree(values):
        return [(v.label, v.count, tree(v.children)) for v in values]

    assert tree(find(engine).facets["territory"]) == [
        (
            "Pays de la Loire",
            4,
            [
                (
                    "Loire-Atlantique",
                    3,
                    [("Nantes Métropole", 3, [("Nantes", 2, [("Malakoff", 1, [])]), ("Rezé", 1, [])])],
                ),
                ("Maine-et-Loire", 1, [("CU Angers Loire Métropole", 1, [("Angers", 1, [])])]),
            ],
        )
    ]


@pytest.mark.parametrize(
    ("territory", "expected"),
    [
        (PAYS_DE_LA_LOIRE, {LOCAL_FOOD, RACK, STUDY_DAY, PAPER}),
        (LOIRE_ATLANTIQUE, {LOCAL_FOOD, RACK, PAPER}),
        (NANTES_METROPOLE, {LOCAL_FOOD, RACK, PAPER}),
        (NANTES, {LOCAL_FOOD, PAPER}),
        ("malakoff", {PAPER}),
        (ANGERS_LOIRE_METROPOLE, {STUDY_DAY}),
    ],
)
def test_filtering_on_a_territory_finds_everything_placed_in_it_or_below(engine, territory, expected):
    assert set(titles(find(engine, territory=[territory]))) == expected


def test_several_values_of_one_facet_combine_with_or(engine):
    assert set(titles(find(engine, theme=["se-nourrir", "se-deplacer"]))) == {LOCAL_FOOD, STUDY_DAY}
    assert find(engine, pole=["alimentation", "mobilite"]).total == 4


def test_facets_combine_with_and(engine):
    assert set(titles(find(engine, pole=["alimentation"], theme=["se-loger"]))) == {RACK, PAPER}
    assert titles(find(engine, pole=["mobilite"], tag=["vrac"])) == []


def test_selecting_a_value_keeps_the_other_values_of_its_facet_counted(engine):
    response = find(engine, pole=["alimentation"])
    assert response.total == 3
    assert facet_counts(response, "pole") == {"alimentation": 3, "mobilite": 2}
    assert [v.value for v in response.facets["pole"] if v.selected] == ["alimentation"]


def test_the_other_facets_count_within_the_active_filters(engine):
    response = find(engine, pole=["alimentation"])
    assert facet_counts(response, "theme") == {"se-nourrir": 1, "se-loger": 2}
    assert facet_counts(response, "kind") == {"practice_exchange": 2, "research_paper": 1}
    assert facet_counts(response, "territory")[PAYS_DE_LA_LOIRE] == 3

    both = find(engine, pole=["alimentation"], theme=["se-loger"])
    assert facet_counts(both, "pole") == {"alimentation": 2, "mobilite": 1}
    assert facet_counts(both, "theme") == {"se-nourrir": 1, "se-loger": 2}


def test_facets_count_the_items_a_query_finds(engine):
    response = find(engine, "vrac")
    assert titles(response) == [RACK]
    assert facet_counts(response, "pole") == {"alimentation": 1}
    assert facet_counts(response, "territory") == {REZE: 1, NANTES_METROPOLE: 1, LOIRE_ATLANTIQUE: 1, "52": 1}


def test_a_selected_value_that_matches_nothing_stays_visible_with_zero(engine):
    response = find(engine, pole=["mobilite"], tag=["vrac"])
    assert response.total == 0
    vrac = next(v for v in response.facets["tag"] if v.value == "vrac")
    assert (vrac.count, vrac.selected) == (0, True)
    unknown = find(engine, pole=["inconnu"])
    assert unknown.total == 0
    assert [(v.value, v.count, v.selected) for v in unknown.facets["pole"] if v.value == "inconnu"] == [
        ("inconnu", 0, True)
    ]
