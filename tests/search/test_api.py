"""The JSON API (/api/search/, its autocomplete and OpenAPI description) and the search page (/recherche/)."""

import datetime
import html
import re

import pytest

from django.http import QueryDict
from django.urls import reverse

from kb.factories import PoleFactory, ThemeFactory
from kb.models import Territory
from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory

from .support import committed, index_records, module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

GROCERY = "Une épicerie solidaire à Malakoff"
BULK = "Une épicerie en vrac à Rezé"
PAPER = "Les épiceries sociales en Loire-Atlantique"
DOCUMENT = "Enquête"  # the paper's PDF: found through the paper, not a hit of its own
FACETS = ["kind", "pole", "territory", "theme", "year", "tag"]


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with committed():  # the PDF text is extracted on commit
            tree = site_tree()
            food = PoleFactory(name="Alimentation durable", slug="alimentation")
            eat = ThemeFactory(name="Se nourrir", slug="se-nourrir")
            nantes = Territory.objects.get(code="44109")
            malakoff = Territory.objects.create(name="Malakoff", kind="quartier", parent=nantes)
            practice(
                tree.practice_index,
                GROCERY,
                body="Une épicerie associative tenue par des bénévoles.",
                date=datetime.date(2021, 2, 10),
                poles=[food],
                themes=[eat],
                territories=[malakoff],
                tags=["vrac"],
            )
            practice(
                tree.practice_index,
                BULK,
                body="Des produits sans emballage.",
                date=datetime.date(2019, 5, 3),
                poles=[food],
                territories=[Territory.objects.get(code="44143")],
            )
            pdf = ArchiveDocumentFactory(title=DOCUMENT, pages=["Méthode.", "Les épiceries du département."])
            ResearchPaperPageFactory(
                parent=tree.research_index,
                title=PAPER,
                summary="",
                abstract="<p>Une enquête.</p>",
                authors=["Camille Martin", "Louis Bernard"],
                date=datetime.date(2020, 11, 1),
                pdf=pdf,
            )
        index_records(engine)
        yield {"pdf": pdf}


def api(client, **params):
    response = client.get(reverse("search:api"), params)
    assert response["Content-Type"] == "application/json"
    return response


def hit_titled(data, title):
    return next(hit for hit in data["hits"] if hit["title"] == title)


# The search API


def test_the_api_answers_with_the_documented_shape(client, engine):
    data = api(client, q="épicerie associative").json()
    documented = {"total", "page", "page_size", "page_count", "engine", "hits", "facets", "suggestion", "messages"}
    assert documented <= set(data)
    assert (data["page"], data["page_size"], data["engine"], data["suggestion"]) == (1, 20, engine.name, "")
    assert (data["page_count"], data["messages"]) == (1, [])
    hit = hit_titled(data, GROCERY)
    assert {"id", "kind", "title", "url", "date", "snippets", "poles", "territories", "themes", "tags"} <= set(hit)
    assert hit["id"].startswith("page:")
    assert (hit["kind"], hit["date"]) == ("practice_exchange", "2021-02-10")
    assert hit["url"].endswith("/une-epicerie-solidaire-a-malakoff/")
    assert hit["poles"] == [{"value": "alimentation", "label": "Alimentation durable"}]
    assert hit["themes"] == [{"value": "se-nourrir", "label": "Se nourrir"}]
    assert hit["territories"] == [{"value": "malakoff", "label": "Malakoff"}]
    assert hit["tags"] == [{"value": "vrac", "label": "vrac"}]
    assert {"field", "html", "page"} <= set(hit["snippets"][0])
    assert "<mark>épicerie</mark>" in " ".join(s["html"] for s in hit["snippets"])


def test_the_api_gives_every_facet_with_values_labels_and_counts(client):
    facets = api(client).json()["facets"]
    assert sorted(facets) == sorted(FACETS)
    assert {"value": "alimentation", "label": "Alimentation durable", "count": 2} in facets["pole"]
    years = [value["value"] for value in facets["year"]]
    assert years == sorted(years, reverse=True)
    assert {"2021", "2020", "2019"} <= set(years)


def test_the_territory_facet_of_the_api_nests_its_children(client):
    [region] = api(client).json()["facets"]["territory"]
    assert (region["value"], region["label"], region["count"]) == ("52", "Pays de la Loire", 2)
    [departement] = region["children"]
    [epci] = departement["children"]
    assert (departement["value"], epci["value"]) == ("44", "244400404")
    communes = {commune["value"]: commune for commune in epci["children"]}
    assert set(communes) == {"44109", "44143"}
    assert communes["44109"]["children"] == [{"value": "malakoff", "label": "Malakoff", "count": 1}]


def test_a_match_in_a_pdf_gives_its_page_and_link_in_the_api(client, archive):
    hit = hit_titled(api(client, q="département").json(), PAPER)
    [snippet] = [s for s in hit["snippets"] if s["field"] == "attachment"]
    assert snippet["page"] == 2
    assert snippet["url"] == f"{archive['pdf'].url}#page=2"


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"pole": "alimentation"}, {GROCERY, BULK}),
        ({"territory": "44109"}, {GROCERY}),
        ({"territory": "malakoff"}, {GROCERY}),
        ({"territory": ["44109", "44143"]}, {GROCERY, BULK}),
        ({"year": ["2019", "2020"]}, {BULK, PAPER}),
        ({"kind": "research_paper"}, {PAPER}),
        ({"tag": "vrac", "theme": "se-nourrir"}, {GROCERY}),
        ({"q": "épicerie", "pole": "alimentation", "year": "2019"}, {BULK}),
    ],
)
def test_the_api_filters_on_repeatable_facet_parameters(client, params, titles):
    assert {hit["title"] for hit in api(client, **params).json()["hits"]} == titles


def test_the_api_sorts_and_pages(client):
    newest = [hit["title"] for hit in api(client, q="épicerie", sort="newest").json()["hits"]]
    assert newest == [GROCERY, PAPER, BULK]
    assert [hit["title"] for hit in api(client, q="épicerie", sort="oldest").json()["hits"]] == newest[::-1]
    second = api(client, q="épicerie", sort="newest", page=2, page_size=1).json()
    assert (second["total"], second["page"], second["page_size"]) == (3, 2, 1)
    assert [hit["title"] for hit in second["hits"]] == [PAPER]
    assert api(client, page_size=100).status_code == 200


def test_the_api_suggests_a_spelling_that_finds_something(client):
    data = api(client, q="epicreie").json()
    assert data["total"] == 0
    assert data["suggestion"]
    assert api(client, q=data["suggestion"]).json()["total"] > 0


# Autocomplete


def test_the_autocomplete_api_completes_titles(client):
    response = client.get(reverse("search:autocomplete"), {"q": "une épic"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert {result["title"] for result in results} == {GROCERY, BULK}
    assert {"title", "url", "kind"} == set(results[0])


def test_the_autocomplete_api_answers_an_empty_query_with_no_titles(client):
    assert client.get(reverse("search:autocomplete")).json() == {"results": []}


# The OpenAPI description


def test_the_openapi_description_is_json_and_lists_every_parameter(client):
    response = client.get(reverse("search:openapi"))
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    parameters = {p["name"]: p for p in spec["paths"]["/api/search/"]["get"]["parameters"]}
    assert set(parameters) == {"q", *FACETS, "sort", "page", "page_size"}
    for facet in FACETS:
        assert parameters[facet]["schema"]["type"] == "array"
    assert parameters["sort"]["schema"]["enum"] == ["relevance", "newest", "oldest"]
    assert parameters["page_size"]["schema"]["maximum"] == 100
    assert "/api/search/autocomplete/" in spec["paths"]


def conforms(value, schema, spec):
    """A small JSON Schema check (type, enum, properties, required, items, $ref): enough for this API."""
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    types = schema.get("type")
    python_types = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "boolean": bool,
        "null": type(None),
    }
    if types and not any(isinstance(value, python_types[t]) for t in ([types] if isinstance(types, str) else types)):
        return False
    if "enum" in schema and value not in schema["enum"]:
        return False
    if isinstance(value, dict):
        if not set(schema.get("required", [])) <= set(value):
            return False
        for key, item in value.items():
            sub = schema.get("properties", {}).get(key) or schema.get("additionalProperties")
            if isinstance(sub, dict) and not conforms(item, sub, spec):
                return False
    if isinstance(value, list) and "items" in schema:
        return all(conforms(item, schema["items"], spec) for item in value)
    return True


@pytest.mark.parametrize("params", [{"q": "épicerie département"}, {"pole": "alimentation"}, {"q": "introuvable"}])
def test_the_api_answers_as_its_openapi_description_says(client, params):
    spec = client.get(reverse("search:openapi")).json()
    schema = spec["paths"]["/api/search/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert conforms(api(client, **params).json(), schema, spec)


def test_every_field_the_api_answers_is_documented(client):
    spec = client.get(reverse("search:openapi")).json()
    documented = spec["components"]["schemas"]["SearchResponse"]["properties"]
    data = api(client, q="épicerie", tag="inconnu", color="bleu").json()
    assert set(data) == set(documented)
    assert data["messages"] == [
        "Aucun résultat ne porte le mot-clé « inconnu ».",
        "Paramètre inconnu « color » : ignoré.",
    ]


@pytest.mark.parametrize(
    "params",
    [{"page": "zéro"}, {"territory": "99999"}, {"page": "10001"}, {"pole": "<b>", "sort": "x"}],
    ids=["not_a_number", "unknown_territory", "past_10000", "two_problems"],
)
def test_an_api_error_answers_as_its_openapi_description_says(client, params):
    spec = client.get(reverse("search:openapi")).json()
    schema = spec["paths"]["/api/search/"]["get"]["responses"]["400"]["content"]["application/json"]["schema"]
    response = api(client, **params)
    assert response.status_code == 400
    data = response.json()
    assert conforms(data, schema, spec)
    assert set(data) == set(schema["properties"])
    assert {detail["parameter"] for detail in data["details"]} == set(params)


# The search page


def page(client, query_string=""):
    response = client.get(f"{reverse('search:page')}?{query_string}")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Traceback" not in content
    return response, content


def text(content):
    """What a reader sees of the page's HTML."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", content)).split())


def search_links(content):
    """The search states the page links to, as QueryDicts."""
    return [QueryDict(html.unescape(query)) for query in re.findall(r'href="/recherche/\?([^"]*)"', content)]


def test_the_search_page_shows_the_hits_of_a_query(client):
    _response, content = page(client, "q=épicerie+associative")
    assert GROCERY in text(content)
    assert "<mark>épicerie</mark>" in content


def test_the_search_page_works_without_javascript_through_a_get_form(client):
    _response, content = page(client)
    form = re.search(r"<form[^>]*action=\"/recherche/\"[^>]*>", content)
    assert form and 'method="get"' in form.group()
    assert 'name="q"' in content


def test_every_state_of_the_search_is_a_url(client):
    response, content = page(client, "q=épicerie&pole=alimentation&sort=oldest&page_size=1&page=2")
    state = response.context["search_request"]
    assert (state.q, state.filters["pole"], state.sort, state.page, state.page_size) == (
        "épicerie",
        ["alimentation"],
        "oldest",
        2,
        1,
    )
    assert GROCERY in text(content)  # oldest first, one per page: the 2019 one, then this one
    links = search_links(content)
    without_pole = [link for link in links if link.get("q") == "épicerie" and not link.getlist("pole")]
    assert without_pole, "each active filter links to the same search without it"
    first_page = [link for link in links if link.getlist("pole") == ["alimentation"] and link.get("page") is None]
    assert any(link.get("sort") == "oldest" and link.get("page_size") == "1" for link in first_page)


def test_the_search_page_offers_a_spelling_suggestion_when_nothing_is_found(client):
    response, content = page(client, "q=epicreie")
    assert response.context["response"].total == 0
    suggestion = response.context["response"].suggestion
    assert suggestion and suggestion in content
