"""The API keeps the promises of its OpenAPI description, checked by a schema-based fuzzer (schemathesis).

Every request the description allows is answered 200; every answer, to any request, has a documented
status and the documented shape; no request gets a server error; other methods get a JSON 405 with
`Allow`. The cases are derived from a fixed seed, so a run is the same each time.
"""

import pytest
import schemathesis

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse

from kb.factories import PoleFactory, ThemeFactory
from search.models import SearchRecord

from .support import index_records, module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": 14,
        # 150 requests of each mode per address: about 30 s on a laptop.
        "generation": {"mode": "all", "max-examples": 150, "deterministic": True},
        # The coverage phase sends one request per listed value, 1,300 for the territories alone; the
        # bounds and methods it would try are tested one by one below.
        "phases": {"coverage": {"enabled": False}},
        "checks": {
            # Whatever the description allows is answered, never refused.
            "positive_data_acceptance": {"expected-statuses": ["200"]},
            # The API is lenient where the page is (blank values, spaces around a value, unknown parameters
            # are ignored and `messages` says so): a request the description would not allow may still be
            # answered. What is checked of those is a documented status and shape, and no server error.
            "negative_data_rejection": {"enabled": False},
        },
    }
)


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        tree = site_tree()
        habitat = PoleFactory(name="Habitat", slug="habitat")
        loger = ThemeFactory(name="Se loger", slug="se-loger")
        practice(
            tree.practice_index,
            "Habitat participatif à Rezé",
            body="Une coopérative d'habitants.",
            poles=[habitat],
            themes=[loger],
        )
        practice(tree.practice_index, "Économie circulaire", body="Une recyclerie solidaire.")
        index_records(engine)
        yield tree


@pytest.fixture
def api_schema():
    """The description as the API serves it, and the site as a WSGI application answering the fuzzer.

    Django closes the database connection at the end of each request, which would end the test's
    transaction; its test client keeps it open the same way: by not listening for those signals.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(reverse("search:openapi"), WSGIHandler(), config=CONFIG)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_the_api_answers_as_its_description_says(case):
    records = SearchRecord.objects.count()
    case.call_and_validate()
    assert SearchRecord.objects.count() == records


# What the fuzzer's coverage phase would have tried: the bounds, other methods, the longest requests.


def api(client, name="search:api", **params):
    return client.get(reverse(name), params)


@pytest.mark.parametrize("name", ["search:api", "search:autocomplete", "search:openapi"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_get_a_json_405_that_names_the_allowed_ones(name, method):
    # A browser's POST carries no CSRF token: the refusal must still be the API's, not Django's CSRF page.
    response = getattr(Client(enforce_csrf_checks=True), method)(reverse(name))
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == (
        f"La méthode {method.upper()} n’est pas prise en charge : cette adresse répond à GET et HEAD."
    )


def test_head_is_answered_like_get(client):
    assert client.head(reverse("search:api"), {"q": "habitat"}).status_code == 200


def test_a_query_at_the_limit_is_searched_and_one_past_it_refused_with_the_limit(client):
    assert api(client, q="habitat " + "x" * 492).status_code == 200
    response = api(client, q="habitat " + "x" * 493)
    assert response.status_code == 400
    assert response.json()["errors"] == [
        "La requête fait 501 caractères (paramètre « q ») ; attendu : 500 caractères au plus."
    ]


def test_a_request_with_too_many_parameters_gets_a_json_400_with_the_limit(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    response = client.get(reverse("search:api"), QUERY_STRING="&".join(f"pole=p{i}" for i in range(51)))
    assert response.status_code == 400
    assert response.json()["error"] == "La requête compte plus de 50 paramètres ; 50 au plus sont lus."


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": 10_000, "page_size": 100}, "La page 10\xa0000 n’existe pas : il n’y a qu’une page de résultats."),
        ({"page": 2, "q": "introuvable"}, "La page 2 n’existe pas : la recherche ne donne aucun résultat."),
    ],
    ids=["past_the_10000_results", "past_the_last_page"],
)
def test_a_page_the_description_allows_is_answered_even_past_the_results(client, params, message):
    response = api(client, **params)
    assert response.status_code == 200
    data = response.json()
    assert (data["page"], data["hits"], data["messages"]) == (params["page"], [], [message])


@pytest.mark.parametrize(
    "params",
    [{"page": 10_001}, {"page": 0}, {"page_size": 101}, {"year": "٢٠٢١"}, {"kind": "inconnu"}, {"sort": "hasard"}],
    ids=["page_past_10000", "page_zero", "page_size_past_100", "year_in_other_digits", "unknown_kind", "unknown_sort"],
)
def test_what_the_description_forbids_is_refused(client, params):
    assert api(client, **params).status_code == 400


def test_the_description_lists_the_vocabularies_as_they_stand(client):
    spec = client.get(reverse("search:openapi")).json()
    parameters = {p["name"]: p["schema"] for p in spec["paths"]["/api/search/"]["get"]["parameters"]}
    assert "habitat" in parameters["pole"]["items"]["enum"]
    assert "se-loger" in parameters["theme"]["items"]["enum"]
    assert {"44", "44143", "244400404"} <= set(parameters["territory"]["items"]["enum"])
    assert "practice_exchange" in parameters["kind"]["items"]["enum"]
    assert (parameters["page"]["maximum"], parameters["page_size"]["maximum"]) == (10_000, 100)
    assert parameters["q"]["maxLength"] == 500
    assert parameters["year"]["items"]["pattern"] == "^[0-9]{4}$"
