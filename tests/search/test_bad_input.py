"""Bad input never gives a 500 nor a traceback: the page answers with a normal page, the API with a JSON error.

Merely odd input that still means something (engine syntax, SQL-looking words, an unknown
parameter name) gets a normal answer from the API too; an unknown pole or territory is refused, a page
past the last one answered without hits (tests/search/test_results_actionable.py says how). Each case runs
on SQLite and on PostgreSQL.
"""

import pytest

from django.urls import reverse

from kb.factories import PoleFactory
from search.models import SearchRecord

from .support import index_records, module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

OK, REFUSED = 200, 400
# The page shows the last page and says so; the API answers this page, without hits, and says so.
PAST_THE_LAST_PAGE = "page=3"

# (id, raw query string, what the API answers)
CASES = [
    ("no_parameter", "", OK),
    ("empty_query", "q=", OK),
    ("blank_query", "q=+++", OK),
    ("query_of_10000_characters", "q=" + "economie+" * 1111 + "s", REFUSED),
    ("unbalanced_quote", "q=habitat+%22participatif", OK),
    ("only_quotes", "q=%22%22%22", OK),
    ("engine_syntax", "q=habitat+AND+NOT+(coop%C3%A9rative+OR+%22ess%22)+NEAR/3+*+%5E2+title:x+-", OK),
    *[(f"engine_word_{word}", f"q={word}", OK) for word in ("AND", "OR", "NOT", "NEAR", "NEAR(a+b)")],
    *[(f"engine_sign_{i}", f"q={sign}", OK) for i, sign in enumerate(("*", "%5E", ":", "(", ")", "-", "--", "-%22"))],
    ("fts5_column_filter", "q=%7Btitle+body%7D:+habitat", OK),
    ("tsquery_operators", "q=habitat+%26+!coop+%7C+a+%3C-%3E+b+c:*", OK),
    ("sql_fragment", "q=%27;+DROP+TABLE+search_searchrecord;+--", OK),
    ("sql_tautology", "q=1%27+OR+%271%27=%271", OK),
    ("percent", "q=%25", OK),
    ("underscore", "q=_", OK),
    ("like_wildcards", "q=%25habitat_%25", OK),
    ("nul_byte", "q=habitat%00coop", OK),
    ("unknown_pole", "pole=inconnu", REFUSED),
    ("unknown_territory_code", "territory=99999", REFUSED),
    ("unknown_tag", "tag=inconnu", OK),
    ("year_without_items", "year=1850", OK),
    ("unknown_parameter", "color=bleu", OK),
    ("same_filter_value_twice", "pole=habitat&pole=habitat", OK),
    ("malformed_pole", "pole=%3Cscript%3E", REFUSED),
    ("malformed_territory", "territory=../../etc", REFUSED),
    ("malformed_year", "year=20x4", REFUSED),
    ("year_of_five_digits", "year=20244", REFUSED),
    ("overlong_tag", "tag=" + "a" * 200, REFUSED),
    ("unknown_sort", "sort=random", REFUSED),
    ("page_minus_one", "page=-1", REFUSED),
    ("page_zero", "page=0", REFUSED),
    ("page_10_to_the_9", f"page={10**9}", REFUSED),
    ("page_not_a_number", "page=deux", REFUSED),
    ("page_decimal", "page=1.5", REFUSED),
    ("page_huge_number", "page=" + "9" * 40, REFUSED),
    ("page_size_not_a_number", "page_size=vingt", REFUSED),
    ("page_size_zero", "page_size=0", REFUSED),
    ("page_size_over_100", "page_size=101", REFUSED),
    ("page_beyond_the_results", PAST_THE_LAST_PAGE, OK),
    ("repeated_query", "q=habitat&q=coop", REFUSED),
    ("repeated_page", "page=1&page=2", REFUSED),
    ("repeated_sort", "sort=newest&sort=oldest", REFUSED),
    ("non_utf8_query", "q=%ff%fe", REFUSED),
    ("non_utf8_inside_a_word", "q=habi%fftat", REFUSED),
    ("non_utf8_filter", "pole=%ff%fe", REFUSED),
    ("non_utf8_parameter_name", "%ff%fe=1", OK),
    ("latin1_encoded_accent", "q=%E9conomie", REFUSED),
]


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        tree = site_tree()
        habitat = PoleFactory(name="Habitat", slug="habitat")
        practice(tree.practice_index, "Habitat participatif", body="Une coopérative d'habitants.", poles=[habitat])
        practice(tree.practice_index, "Économie circulaire", body="Une recyclerie.")
        index_records(engine)
        yield tree


def get(client, name, query_string):
    return client.get(reverse(name), QUERY_STRING=query_string)


@pytest.mark.parametrize(("query_string", "api_status"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_the_search_page_answers_bad_input_with_a_normal_page(client, query_string, api_status):
    response = get(client, "search:page", query_string)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Traceback" not in content
    assert 'name="q"' in content
    assert response.context["response"] is not None, "the search ran, with the bad parts left out"
    adjusted = bool(response.context["errors"])
    assert adjusted == (api_status == REFUSED or query_string == PAST_THE_LAST_PAGE), (
        "the page says what it changed whenever the API would refuse"
    )


@pytest.mark.parametrize(("query_string", "api_status"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_the_api_answers_bad_input_with_a_json_error_or_a_normal_answer(client, query_string, api_status):
    response = get(client, "search:api", query_string)
    assert response.status_code == api_status
    assert response["Content-Type"] == "application/json"
    data = response.json()
    if api_status == REFUSED:
        assert isinstance(data["error"], str) and data["error"]
        assert "Traceback" not in data["error"]
        assert data["details"], "each refusal names the parameter, its value and the form expected"
        for detail in data["details"]:
            assert f"{detail['parameter']}=" in query_string
            assert detail["message"] in data["errors"] and detail["expected"]
    else:
        assert "total" in data and "hits" in data


def test_the_page_tells_what_it_left_out(client):
    response = get(client, "search:page", "page=deux&year=20x4")
    assert response.status_code == 200
    errors = " ".join(response.context["errors"])
    assert "« page » n’est pas un nombre entier : « deux » — page 1." in errors
    assert "Valeur invalide pour le filtre « Année » : « 20x4 » — filtre ignoré." in errors
    assert "UTF-8" in " ".join(get(client, "search:page", "q=%E9conomie").context["errors"])


def test_the_api_explains_its_refusal_in_french(client):
    data = get(client, "search:api", "page_size=101").json()
    assert data["errors"] == ["« page_size » vaut 101 ; attendu : un nombre entier de 1 à 100."]
    assert data["error"] == "Requête refusée, aucun résultat renvoyé. " + data["errors"][0]


def test_sql_and_wildcards_are_plain_text(client, engine):
    records = SearchRecord.objects.count()
    for query_string in ("q=%27;+DROP+TABLE+search_searchrecord;+--", "q=1%27+OR+%271%27=%271"):
        assert get(client, "search:api", query_string).json()["total"] == 0
    assert SearchRecord.objects.count() == records
    assert get(client, "search:api", "q=habi%25").json()["total"] == 0, "% is no wildcard"
    assert get(client, "search:api", "q=habita_").json()["total"] == 0, "_ is no wildcard"


def test_a_word_between_engine_operators_is_still_searched(client):
    data = get(client, "search:api", "q=(recyclerie+AND+NOT+x)+OR").json()
    assert [hit["title"] for hit in data["hits"]] == ["Économie circulaire"]


def test_a_long_query_is_cut_on_the_page_and_still_searched(client):
    response = get(client, "search:page", "q=recyclerie+" + "x" * 9990)
    assert response.context["search_request"].q.startswith("recyclerie")
    assert response.context["response"].total == 1


AUTOCOMPLETE_CASES = [
    ("empty", "q=", OK),
    ("quote", "q=%22", OK),
    ("engine_syntax", "q=h*+AND+(x", OK),
    ("sql_fragment", "q=%27;+DROP+TABLE+search_searchrecord;+--", OK),
    ("non_utf8", "q=%ff%fe", OK),
    ("too_long", "q=" + "a" * 10000, REFUSED),
    ("repeated", "q=a&q=b", REFUSED),
]


@pytest.mark.parametrize(
    ("query_string", "status"), [case[1:] for case in AUTOCOMPLETE_CASES], ids=[c[0] for c in AUTOCOMPLETE_CASES]
)
def test_the_autocomplete_api_answers_bad_input_with_a_json_error_or_no_titles(client, query_string, status):
    response = get(client, "search:autocomplete", query_string)
    assert response.status_code == status
    data = response.json()
    assert data["error"] if status == REFUSED else data["results"] == []
