"""Results a person can act on: a page past the last one, an unknown filter value, a refused API call
each say what was wrong and what was done; on a phone « Filtrer » opens the facets above the results.

The page (lenient) searches anyway and says what it changed; the API (strict) answers 400 with the
parameter, the value and the form expected, and a page past the last one without hits. Each case runs on
every engine of the contract suite.
"""

import datetime
import html
import re
from pathlib import Path

import pytest

from django.conf import settings
from django.urls import reverse

from wagtail.models import PageViewRestriction

from kb.factories import PoleFactory, ThemeFactory
from kb.models import Pole, Territory
from kb.vocabularies import MODEL_VOCABULARIES
from search.params import beyond_last_page
from search.query import SearchRequest, SearchResponse

from .support import index_records, module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

OLDEST = "Une ressourcerie à Saint-Nazaire"
MIDDLE = "Une épicerie solidaire à Rezé"
NEWEST = "Un garage solidaire à Nantes"
RESTRICTED = "Compte rendu réservé aux membres"


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        tree = site_tree()
        mobility = PoleFactory(name="Mobilité", slug="mobilite")
        PoleFactory(name="Pôle sans élément", slug="pole-vide")
        jobs = ThemeFactory(name="Créer des emplois", slug="emplois")
        nantes = Territory.objects.get(code="44109")
        for title, year in ((OLDEST, 2012), (MIDDLE, 2016), (NEWEST, 2021)):
            practice(
                tree.practice_index,
                title,
                body="Une solidaire initiative.",
                date=datetime.date(year, 3, 1),
                poles=[mobility],
                themes=[jobs],
                territories=[nantes],
                tags=["reemploi"],
            )
        members = practice(tree.practice_index, RESTRICTED, body="Rien de public.", tags=["confidentiel"])
        PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
        index_records(engine)
        yield tree


def page(client, **params):
    response = client.get(reverse("search:page"), params)
    assert response.status_code == 200
    return response


def api(client, path="search:api", **params):
    response = client.get(reverse(path), params)
    assert response["Content-Type"] == "application/json"
    return response


def notices(response):
    return list(response.context["errors"])


def text(response):
    """What a reader sees of the page."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def titles(response):
    return [hit.title for hit in response.context["response"].hits]


# A page past the last one


def test_a_page_past_the_last_says_so_and_shows_the_last_page(client):
    response = page(client, q="solidaire", sort="newest", page_size=1, page=40)
    assert notices(response) == ["La page 40 n’existe pas : il y a 3 pages de résultats — voici la dernière."]
    assert response.context["search_request"].page == 3
    assert titles(response) == [OLDEST]
    assert 'aria-current="page"><span class="visually-hidden">Page </span>3<' in response.content.decode()
    assert "page 3 sur 3" in text(response)


def test_a_page_past_a_single_page_of_results_shows_it(client):
    response = page(client, q="solidaire", page=2)
    assert notices(response) == ["La page 2 n’existe pas : il n’y a qu’une page de résultats — la voici."]
    assert len(titles(response)) == 3


def test_a_page_past_no_results_says_there_are_none(client):
    response = page(client, q="introuvable", page=5)
    assert notices(response) == ["La page 5 n’existe pas : la recherche ne donne aucun résultat — voici la première."]
    assert response.context["search_request"].page == 1


def test_a_page_number_past_what_engines_page_through_still_gives_the_last_page(client):
    response = page(client, q="solidaire", page_size=1, page="1" + "0" * 39)
    assert response.context["search_request"].page == 3
    assert titles(response) == [OLDEST]
    [notice] = notices(response)
    assert notice.startswith("La page 1\xa0000\xa0000")
    assert notice.endswith(" n’existe pas : il y a 3 pages de résultats — voici la dernière.")


def test_past_ten_thousand_results_the_notice_says_to_narrow_the_search():
    response = SearchResponse(request=SearchRequest(page=600), total=25_000, hits=[], facets={})
    beyond = beyond_last_page(600, response)
    assert beyond.notice == (
        "La page 600 n’existe pas : 10\xa0000 résultats au plus se consultent, soit 500 pages — "
        "voici la dernière ; affinez la recherche pour atteindre les suivants."
    )
    assert beyond_last_page(500, response) is None


def test_the_api_answers_a_page_past_the_last_without_hits_and_says_how_many_there_are(client):
    response = api(client, q="solidaire", page_size=1, page=40)
    assert response.status_code == 200, "the description allows any page up to 10,000: it is answered"
    data = response.json()
    assert (data["page"], data["page_count"], data["total"], data["hits"]) == (40, 3, 3, [])
    assert data["messages"] == ["La page 40 n’existe pas : il y a 3 pages de résultats."]


def test_the_api_gives_the_page_count_so_a_client_knows_where_to_stop(client):
    data = api(client, q="solidaire", page_size=2, page=2).json()
    assert (data["page"], data["page_count"], len(data["hits"])) == (2, 2, 1)


def test_the_api_answers_a_page_past_what_engines_page_through_without_hits(client):
    data = api(client, page=501).json()
    assert (data["page"], data["page_count"], data["hits"]) == (501, 1, [])
    assert data["messages"] == ["La page 501 n’existe pas : il n’y a qu’une page de résultats."]


def test_the_api_refuses_a_page_past_10000_the_bound_its_description_states(client):
    [detail] = api(client, page=10_001).json()["details"]
    assert detail["parameter"] == "page"
    assert detail["expected"] == "un nombre entier de 1 à 10\xa0000"


# Unknown filter values

UNKNOWN = [
    ("territory", "99999", "Territoire inconnu : « 99999 »"),
    ("pole", "inexistant", "Pôle inconnu : « inexistant »"),
    ("theme", "se-baigner", "Thème inconnu : « se-baigner »"),
    ("kind", "podcast", "Type inconnu : « podcast »"),
]


@pytest.mark.parametrize(("facet", "value", "problem"), UNKNOWN, ids=[case[0] for case in UNKNOWN])
def test_the_page_names_an_unknown_filter_value_and_ignores_it(client, facet, value, problem):
    response = page(client, q="solidaire", **{facet: value})
    assert notices(response) == [f"{problem} — filtre ignoré."]
    assert response.context["search_request"].filters[facet] == []
    assert response.context["response"].total == 3
    assert "Votre recherche a été ajustée : " + problem in text(response)


@pytest.mark.parametrize(("facet", "value", "problem"), UNKNOWN, ids=[case[0] for case in UNKNOWN])
def test_the_api_refuses_an_unknown_filter_value_naming_parameter_and_value(client, facet, value, problem):
    response = api(client, q="solidaire", **{facet: value})
    assert response.status_code == 400
    data = response.json()
    [detail] = data["details"]
    assert (detail["parameter"], detail["value"]) == (facet, value)
    assert detail["message"].startswith(f"{problem} (paramètre « {facet} ») ; attendu : ")
    assert f"facette « {facet} »" in detail["expected"]
    assert data["error"] == f"Requête refusée, aucun résultat renvoyé. {detail['message']}"


def test_a_known_value_next_to_an_unknown_one_still_filters(client):
    response = page(client, territory=["44109", "99999"], pole="pole-vide")
    assert notices(response) == ["Territoire inconnu : « 99999 » — filtre ignoré."]
    assert response.context["search_request"].filters == {
        "kind": [],
        "pole": ["pole-vide"],
        "territory": ["44109"],
        "theme": [],
        "year": [],
        "tag": [],
    }
    assert response.context["response"].total == 0


def test_every_unknown_value_is_named_in_one_refusal(client):
    data = api(client, territory=["99999", "44109"], pole=["inexistant", "mobilite"], kind="podcast").json()
    named = [(detail["parameter"], detail["value"]) for detail in data["details"]]
    assert named == [("kind", "podcast"), ("pole", "inexistant"), ("territory", "99999")]
    assert len(data["errors"]) == 3


def test_a_pole_created_in_another_process_a_moment_ago_is_known(client):
    assert page(client, pole="mobilite").context["errors"] == []  # the poles are now held in memory
    Pole.objects.bulk_create([Pole(name="Énergie", slug="energie")])  # no signal: as if in another process
    try:
        assert api(client, pole="energie").status_code == 200
    finally:
        MODEL_VOCABULARIES["pole"].forget()


# Tags and years: free words and plain numbers, not vocabularies


def test_an_unknown_tag_finds_nothing_and_says_so(client):
    response = page(client, q="solidaire", tag="inconnu")
    assert notices(response) == []
    assert response.context["response"].total == 0
    assert response.context["response"].messages == ["Aucun résultat ne porte le mot-clé « inconnu »."]
    assert "Aucun résultat ne porte le mot-clé « inconnu »." in text(response)
    data = api(client, q="solidaire", tag="inconnu").json()
    assert (data["total"], data["messages"]) == (0, ["Aucun résultat ne porte le mot-clé « inconnu »."])


def test_a_tag_only_restricted_items_carry_answers_as_a_tag_nobody_carries(client):
    """Saying « unknown » for one and not the other would tell that restricted items carry it."""
    restricted = api(client, tag="confidentiel").json()
    unknown = api(client, tag="inconnu").json()
    assert (restricted["total"], unknown["total"]) == (0, 0)
    assert restricted["messages"] == [m.replace("inconnu", "confidentiel") for m in unknown["messages"]]


def test_a_year_without_items_finds_nothing_and_says_so(client):
    response = page(client, year="1850")
    assert (notices(response), response.context["response"].total) == ([], 0)
    assert response.context["response"].messages == ["Aucun résultat de l’année « 1850 »."]


def test_a_selected_year_that_matches_is_not_remarked_upon(client):
    response = page(client, year=["2016", "1850"])
    assert titles(response) == [MIDDLE]
    assert response.context["response"].messages == ["Aucun résultat de l’année « 1850 »."]
    assert api(client, year="2016").json()["messages"] == []


# What the API's refusals say


@pytest.mark.parametrize(
    ("params", "parameter", "value", "message"),
    [
        ({"page_size": "101"}, "page_size", "101", "« page_size » vaut 101 ; attendu : un nombre entier de 1 à 100."),
        (
            {"page": "deux"},
            "page",
            "deux",
            "« page » n’est pas un nombre entier : « deux » ; attendu : un nombre entier de 1 à 10\xa0000.",
        ),
        (
            {"sort": "random"},
            "sort",
            "random",
            "Tri inconnu : « random » (paramètre « sort ») ; attendu : relevance, newest, oldest.",
        ),
        (
            {"year": "20x4"},
            "year",
            "20x4",
            "Valeur invalide pour le filtre « Année » : « 20x4 » (paramètre « year ») ; "
            "attendu : une année sur quatre chiffres, comme 2021.",
        ),
        (
            {"q": ["habitat", "coop"]},
            "q",
            "habitat | coop",
            "Le paramètre « q » est donné 2 fois (« habitat », « coop ») ; attendu : une seule valeur.",
        ),
        (
            {"pole": [f"p{i}" for i in range(21)]},
            "pole",
            "p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13,…",
            "21 valeurs pour le filtre « Pôle » (paramètre « pole ») ; attendu : 20 valeurs au plus.",
        ),
    ],
    ids=["page_size", "page", "sort", "year", "repeated", "too_many_values"],
)
def test_an_api_refusal_names_the_parameter_its_value_and_the_form_expected(client, params, parameter, value, message):
    response = api(client, **params)
    assert response.status_code == 400
    [detail] = [d for d in response.json()["details"] if d["parameter"] == parameter][:1]
    assert (detail["value"], detail["message"]) == (value, message)


def test_a_query_too_long_is_measured_in_the_refusal(client):
    [detail] = api(client, q="a" * 600).json()["details"]
    assert detail["message"] == "La requête fait 600 caractères (paramètre « q ») ; attendu : 500 caractères au plus."
    assert detail["value"].endswith("…") and len(detail["value"]) == 60


def test_the_api_mentions_a_parameter_it_does_not_know(client):
    data = api(client, q="solidaire", territoire="44").json()
    assert data["total"] == 3
    assert data["messages"] == ["Paramètre inconnu « territoire » : ignoré."]


def test_the_autocomplete_refusal_says_what_was_wrong(client):
    response = api(client, "search:autocomplete", q="a" * 250)
    assert response.status_code == 400
    [detail] = response.json()["details"]
    assert (
        detail["message"]
        == "Le début de titre fait 250 caractères (paramètre « q ») ; attendu : 200 caractères au plus."
    )
    repeated = api(client, "search:autocomplete", q=["a", "b"]).json()
    assert repeated["details"][0]["expected"] == "une seule valeur"


def test_bad_input_gives_one_precise_log_line(client, caplog):
    with caplog.at_level("INFO", logger="search.params"):
        api(client, territory="99999", page="deux")
    [record] = [r for r in caplog.records if r.name == "search.params"]
    assert record.getMessage() == (
        "search parameters refused (api): territory='99999': Territoire inconnu : « 99999 »; "
        "page='deux': « page » n’est pas un nombre entier : « deux »"
    )


# The facets on a phone: « Filtrer » above the results, opening without JavaScript


def facets_markup(response):
    content = response.content.decode()
    return content, content.index('<aside class="search-facets"'), content.index('<section class="search__results"')


def test_the_facets_come_before_the_results_behind_a_filtrer_summary(client):
    content, facets_at, results_at = facets_markup(page(client, q="solidaire"))
    assert facets_at < results_at, "on a phone « Filtrer » is the first thing above the results"
    aside = content[facets_at:results_at]
    assert 'id="filtres"' in aside
    details = re.search(
        r'<details class="facet-panel"[^>]*>\s*<summary class="facet-panel__toggle">(.*?)</summary>', aside, re.S
    )
    assert details, "a <details>/<summary> opens the facets without JavaScript"
    assert " open" not in details.group(0).split(">")[0], "closed until asked for, on a phone"
    assert re.sub(r"<[^>]+>|\s+", " ", details.group(1)).split() == ["Filtrer"]
    assert aside.index("</summary>") < aside.index('<form class="facet-form"') < aside.index("</details>")
    assert aside.index('class="facet-form__values"') < aside.index('class="facet-form__actions"')
    assert '<a href="#resultats-titre">Aller aux résultats</a>' in aside


def test_the_filtrer_summary_counts_the_active_filters(client):
    content, facets_at, results_at = facets_markup(page(client, q="solidaire", pole="mobilite", year="2016"))
    summary = re.search(r"<summary.*?</summary>", content[facets_at:results_at], re.S).group()
    assert "2 filtres actifs" in summary


def test_the_facet_form_has_one_submit_named_differently_from_filtrer(client):
    content, facets_at, results_at = facets_markup(page(client, q="solidaire"))
    aside = content[facets_at:results_at]
    assert re.findall(r'<button[^>]*type="submit"[^>]*>([^<]*)</button>', aside) == ["Appliquer les filtres"]


def test_the_search_page_runs_no_inline_script_or_style(client):
    content = page(client, q="solidaire", pole="mobilite").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content)
    assert " style=" not in content and "<style" not in content


def css_rule(selector):
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    return re.search(rf"(?m)^{re.escape(selector)} \{{(.*?)\}}", css, re.S).group(1)


def test_the_actions_bar_sits_below_the_scrolling_values_and_never_over_them():
    assert "sticky" not in css_rule(".facet-form__actions")
    values = css_rule(".facet-form__values")
    assert "overflow-y: auto" in values and "max-height" in values


def test_each_checkbox_is_a_24_pixel_target():
    checkbox = css_rule(".facet__checkbox")
    assert "width: 1.5rem" in checkbox and "height: 1.5rem" in checkbox
    assert "min-height: 2rem" in css_rule(".facet__label")
