import pytest

from tests.search.support import module_transaction

from .support import build_archive


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Built once per module; each test's changes are rolled back after it."""
    with module_transaction(django_db_blocker):
        yield build_archive()


@pytest.fixture
def reader(client, archive):
    """A client signed in as a reader with no group."""
    client.force_login(archive.reader)
    return client
