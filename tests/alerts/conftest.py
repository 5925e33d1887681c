"""The reader most alert tests follow, and her signed-in browser."""

import pytest

from django.test import Client

from tests.people import person


@pytest.fixture
def reader(db):
    return person("chercheuse")


@pytest.fixture
def client_of(reader):
    client = Client()
    client.force_login(reader)
    return client
