"""Ranking and sorting: title > abstract > body > attachment, more words first, questions typed in full, dates."""

import datetime

import pytest

from kb.factories import PoleFactory
from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory

from .support import committed, find, index_records, module_transaction, practice, site_tree, titles

pytestmark = pytest.mark.django_db

IN_TITLE = "Mutualisation des locaux"
IN_ABSTRACT = "Partager des bureaux"
IN_BODY = "Un tiers-lieu rural"
IN_PDF = "Rapport d'activité du réseau"
PDF_ITSELF = "Rapport annuel (PDF)"

ALL_THREE, TWO, ONE = "Tontine de banlieue", "Tontine de village", "Tontine entre amies"
ANSWER = "Le financement des coopératives d'habitants"
DATED = {"Recyclerie de 2001": 2001, "Recyclerie de 2020": 2020, "Recyclerie de 2010": 2010}


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with committed():  # the PDF text is extracted on commit
            tree = site_tree()
            index = tree.practice_index
            practice(index, IN_TITLE, body="Un inventaire des salles.", summary="Un état des lieux.")
            practice(index, IN_ABSTRACT, body="Un inventaire des salles.", summary="La mutualisation des bureaux.")
            practice(index, IN_BODY, body="La mutualisation des outils.", summary="Un état des lieux.")
            pdf = ArchiveDocumentFactory(title=PDF_ITSELF, pages=["Introduction.", "La mutualisation des moyens."])
            ResearchPaperPageFactory(
                parent=tree.research_index, title=IN_PDF, abstract="<p>Un état des lieux.</p>", summary="", pdf=pdf
            )

            practice(index, ALL_THREE, body="Une tontine et du microcrédit en banlieue.")
            practice(index, TWO, body="Une tontine et du microcrédit au village.")
            practice(index, ONE, body="Une tontine entre amies au village.")

            practice(index, ANSWER, body="Le financement solidaire des coopératives d'habitants par l'épargne.")
            practice(index, "Lire un bilan", body="Comment lire un bilan comptable.")

            recycling = PoleFactory(name="Réemploi", slug="reemploi")
            for title, year in DATED.items():
                practice(index, title, body="Une recyclerie.", date=datetime.date(year, 5, 1), poles=[recycling])
        index_records(engine)
        yield tree


def test_a_title_match_outranks_an_abstract_match_which_outranks_body_then_attachment(engine):
    ranked = titles(find(engine, "mutualisation"))
    assert ranked[:3] == [IN_TITLE, IN_ABSTRACT, IN_BODY]
    # The PDF is found through the paper that attaches it, not as a hit of its own.
    assert ranked[3:] == [IN_PDF]


def test_items_matching_more_of_the_words_rank_first(engine):
    assert titles(find(engine, "tontine microcrédit banlieue")) == [ALL_THREE, TWO, ONE]


def test_an_item_need_not_contain_every_word(engine):
    assert set(titles(find(engine, "tontine banquise"))) == {ALL_THREE, TWO, ONE}


def test_a_question_typed_in_full_finds_what_answers_it(engine):
    assert titles(find(engine, "comment financer une coopérative d'habitants ?"))[0] == ANSWER


def test_relevance_is_the_default_order_with_a_query(engine):
    assert titles(find(engine, "mutualisation")) == titles(find(engine, "mutualisation", sort="relevance"))


def test_sort_newest_and_oldest(engine):
    assert titles(find(engine, "recyclerie", sort="newest")) == [
        "Recyclerie de 2020",
        "Recyclerie de 2010",
        "Recyclerie de 2001",
    ]
    assert titles(find(engine, "recyclerie", sort="oldest")) == [
        "Recyclerie de 2001",
        "Recyclerie de 2010",
        "Recyclerie de 2020",
    ]


def test_filters_without_a_query_sort_newest_first(engine):
    assert titles(find(engine, pole=["reemploi"])) == ["Recyclerie de 2020", "Recyclerie de 2010", "Recyclerie de 2001"]


def test_no_query_and_no_filter_lists_everything_newest_first(engine):
    response = find(engine)
    dates = [hit.date for hit in response.hits if hit.date]
    assert response.total == len(response.hits) == 12
    assert dates == sorted(dates, reverse=True)


def test_pages_of_results_follow_each_other_without_overlap(engine):
    first, second = find(engine, page=1, page_size=5), find(engine, page=2, page_size=5)
    assert first.total == second.total == 12
    assert len(first.hits) == len(second.hits) == 5
    assert not {hit.id for hit in first.hits} & {hit.id for hit in second.hits}
    assert titles(find(engine, page_size=10)) == titles(first) + titles(second)
