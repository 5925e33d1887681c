"""The shared-password forms take a few guesses, then none, from one address, until the cool-off passes.

django-axes counts them as it counts sign-in failures (AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME), per
restriction and client address: a restricted page's form and a document collection's alike.
"""

import datetime

import pytest
from axes.models import AccessAttempt

from django.conf import settings
from django.db.models import F
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from kb.factories import PracticeExchangePageFactory
from resources.factories import ArchiveDocumentFactory

pytestmark = pytest.mark.django_db

PROTECTED = "Compte rendu du bureau protégé"
LOCKED = "Trop d’essais de mot de passe"


@pytest.fixture
def protected(site_tree):
    page = PracticeExchangePageFactory(parent=site_tree.practice_index, title=PROTECTED)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, url


def guess(client, url, password, return_url="/", address="192.0.2.10"):
    return client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address)


def wrong_guesses(client, url, count=None, **kwargs):
    return [guess(client, url, f"essai-{n}", **kwargs) for n in range(count or settings.AXES_FAILURE_LIMIT)]


def cool_off_passes():
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - datetime.timedelta(1))


def test_each_wrong_password_before_the_limit_brings_the_form_back(client, protected):
    page, url = protected
    responses = wrong_guesses(client, url, settings.AXES_FAILURE_LIMIT - 1, return_url=page.url)
    assert {response.status_code for response in responses} == {200}
    assert LOCKED not in responses[-1].content.decode()


def test_the_last_allowed_wrong_guess_is_answered_429_in_french(client, protected, caplog):
    page, url = protected
    response = wrong_guesses(client, url, return_url=page.url)[-1]
    assert response.status_code == 429
    content = response.content.decode()
    assert LOCKED in content and "même le bon" in content and "Réessayez dans" in content
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert "no-store" in response["Cache-Control"]
    assert f"wrong guess {settings.AXES_FAILURE_LIMIT} for page restriction" in caplog.text


def test_once_locked_even_the_right_password_is_refused_until_the_cool_off(client, protected, caplog):
    page, url = protected
    wrong_guesses(client, url, return_url=page.url)
    response = guess(client, url, "sesame", return_url=page.url)
    assert response.status_code == 429
    assert PROTECTED not in client.get(page.url).content.decode()
    assert "locked after too many failures" in caplog.text and "192.0.2.10" in caplog.text

    cool_off_passes()
    assert guess(client, url, "sesame", return_url=page.url).status_code == 302
    assert PROTECTED in client.get(page.url).content.decode()


def test_a_lock_holds_for_one_address_and_one_restriction(client, site_tree, protected):
    page, url = protected
    wrong_guesses(client, url, return_url=page.url)
    assert guess(client, url, "sesame", return_url=page.url, address="198.51.100.7").status_code == 302

    other = PracticeExchangePageFactory(parent=site_tree.practice_index)
    restriction = PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password="autre"
    )
    other_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, other.pk])
    assert guess(client, other_url, "autre", return_url=other.url).status_code == 302


def test_the_right_password_clears_the_wrong_guesses_before_it(client, protected):
    page, url = protected
    wrong_guesses(client, url, settings.AXES_FAILURE_LIMIT - 1, return_url=page.url)
    assert guess(client, url, "sesame", return_url=page.url).status_code == 302
    assert guess(client, url, "encore-faux", return_url=page.url).status_code == 200


def test_a_document_collection_password_form_is_throttled_too(client, db):
    collection = Collection.get_first_root_node().add_child(name="Archives du bureau")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="sesame"
    )
    document = ArchiveDocumentFactory(collection=collection)
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    assert wrong_guesses(client, url, return_url=document.url)[-1].status_code == 429
    assert guess(client, url, "sesame", return_url=document.url).status_code == 429
    assert not getattr(client.get(document.url), "streaming", False)
    cool_off_passes()
    assert guess(client, url, "sesame", return_url=document.url).status_code == 302
    assert client.get(document.url).streaming
