"""Every page of the accounts, saved searches and reading lists answers garbage with a page, never a server error.

Each URL is asked by an anonymous visitor, a signed-in reader and a documentalist, by GET and POST, with junk
parameters: repeated, over-long, non-UTF-8, ids of nothing, negative numbers, junk in the forms' own fields.
"""

import pytest

from django.test import Client

from readinglists.models import ReadingList
from tests.alerts.support import saved_search
from tests.people import documentalists, person

JUNK_VALUES = ["", "0", "-1", "99999999999999999999", "x" * 5000, "%00", "<script>", "\ufffd", "🙂" * 50]
FIELDS = [
    "username", "password", "email", "first_name", "last_name", "password1", "password2", "new_password1",
    "new_password2", "old_password", "name", "frequency", "query", "next", "source", "note", "list", "new_list",
    "direction", "action", "position", "description", "shared", "token", "otp_token", "code", "format",
]  # fmt: skip
URLS = [
    "/compte/",
    "/compte/connexion/",
    "/compte/deconnexion/",
    "/compte/mot-de-passe/",
    "/compte/mot-de-passe/oublie/",
    "/compte/mot-de-passe/nouveau/MQ/bad-token/",
    "/compte/mot-de-passe/nouveau/%FF%FE/x/",
    "/compte/inscription/",
    "/compte/activation/garbage/",
    "/compte/activation/eyJ1IjoxfQ:1abc:def/",
    "/compte/suppression/",
    "/compte/securite/",
    "/compte/securite/activer/",
    "/compte/securite/verification/",
    "/compte/securite/codes-de-secours/",
    "/compte/securite/desactiver/",
    "/compte/recherches/",
    "/compte/recherches/enregistrer/",
    "/compte/recherches/{search}/modifier/",
    "/compte/recherches/{search}/supprimer/",
    "/compte/recherches/999999/modifier/",
    "/compte/alertes/arreter/garbage/",
    "/compte/listes/",
    "/compte/listes/nouvelle/",
    "/compte/listes/ajouter/",
    "/compte/listes/{list}/",
    "/compte/listes/{list}/partage/",
    "/compte/listes/{list}/export/",
    "/compte/listes/{list}/elements/999999/deplacer/",
    "/compte/listes/{list}/elements/999999/note/",
    "/compte/listes/999999/supprimer/",
    "/listes/AAAAAAAAAAAAAAAAAAAAAA/",
    "/_util/login/",
    "/admin/login/",
]


@pytest.fixture
def browsers(site_tree):
    owner = person("proprietaire")
    ids = {
        "search": saved_search(owner, "q=scop").pk,
        "list": ReadingList.objects.create(owner=owner, name="La liste d’un autre").pk,
    }
    staff = {"documentaliste": person("documentaliste", documentalists())}
    return {"anonyme": None, "lectrice": person("lectrice"), **staff}, ids


def junk_queries():
    """Query strings: each field repeated with junk, and one with bytes that are not UTF-8."""
    yield "&".join(f"{field}={value}" for field in FIELDS for value in ("-1", "x" * 300))
    yield "q=%FF%FE&next=%FF&format=%00&source=page:abc"


def junk_forms():
    for value in JUNK_VALUES:
        yield dict.fromkeys(FIELDS, value)
    yield {field: ["a", "b"] for field in FIELDS}


def test_no_page_answers_garbage_with_a_server_error(browsers):
    people, ids = browsers
    errors = []
    for who, user in people.items():
        for template in URLS:
            # A fresh browser for each page: a junk POST may well have signed the reader out.
            client = Client(raise_request_exception=False)
            if user is not None:
                client.force_login(user)
            url = template.format(**ids)
            for query in junk_queries():
                answer = client.get(f"{url}?{query}")
                if answer.status_code >= 500:
                    errors.append(f"{who} GET {url}?{query[:60]}… → {answer.status_code}")
            for form in junk_forms():
                answer = client.post(url, form)
                if answer.status_code >= 500:
                    errors.append(f"{who} POST {url} {str(form)[:60]}… → {answer.status_code}")
    assert not errors, "\n".join(errors)
