"""Ranking by how often and where a word occurs (BM25F), questions read by their content words,
and ties that do not depend on the order the archive was written in."""

import pytest

from search.records import Record

from .support import committed, find, index_records, module_transaction, practice, site_tree, titles

pytestmark = pytest.mark.django_db

OFTEN = "Note sur la ressourcerie"
ONCE_IN_LONG = "Note de réunion"
FOCUSED = "Déclarer une association"
QUESTION_WORDS_ONLY = "Comment et pourquoi : quel format choisir"
LONG_BODY = " ".join(["Une réunion des membres du bureau a eu lieu au local, avec un ordre du jour chargé."] * 30)


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker), committed():
        index = site_tree().practice_index
        practice(index, OFTEN, body="La ressourcerie collecte, la ressourcerie trie, la ressourcerie revend.")
        practice(index, ONCE_IN_LONG, body=f"{LONG_BODY} Il a été question de la ressourcerie.")
        practice(index, FOCUSED, body="Déclarer son association au greffe : les pièces à fournir.")
        practice(index, QUESTION_WORDS_ONLY, body="Comment faire, pourquoi le faire, quel modèle, combien de temps.")
        index_records(engine)
        yield


def test_a_word_that_recurs_in_a_short_text_outranks_one_mention_in_a_long_text(engine):
    assert titles(find(engine, "ressourcerie")) == [OFTEN, ONCE_IN_LONG]


def test_a_question_typed_in_full_is_matched_by_its_content_words_only(engine):
    response = find(engine, "Comment déclarer une association et pourquoi ?")
    assert titles(response) == [FOCUSED]


def test_a_query_made_only_of_question_words_still_finds_them(engine):
    assert titles(find(engine, "pourquoi"))[0] == QUESTION_WORDS_ONLY


def test_an_auxiliary_verb_counts_less_than_a_content_word(engine):
    # « faut » (falloir) is in QUESTION_WORDS_ONLY's body only as « faire »… the content word decides.
    assert titles(find(engine, "faut-il déclarer ?"))[0] == FOCUSED


def _twins(order):
    """Records with the same text and date, written in `order`: only their titles differ."""
    return [
        Record(source=f"twin:{name}", kind="practice", title=name, url=f"/twin/{name}/", body="Un garage solidaire.")
        for name in order
    ]


def test_exact_ties_read_alphabetically_whatever_order_the_records_were_written_in(engine):
    names = ["Zèbre garage", "Atelier garage", "Mécanique garage"]
    orders = []
    for order in (names, list(reversed(names))):
        engine.clear()
        engine.index(_twins(order))
        orders.append(titles(find(engine, "garage solidaire")))
    assert orders[0] == orders[1] == ["Atelier garage", "Mécanique garage", "Zèbre garage"]
