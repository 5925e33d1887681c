"""What every response tells browsers (Permissions-Policy) and what the logs say at INFO."""

import logging

import pytest
from django_tasks import task

from django.urls import reverse

from wagtail.models import PageLogEntry

pytestmark = pytest.mark.django_db

DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics")


@task()
def quiet_task():
    return "done"


@task()
def failing_task():
    raise ValueError("broken on purpose")


def features(response):
    return dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))


@pytest.mark.parametrize(
    "url",
    [
        lambda tree: tree.home.url,
        lambda tree: reverse("search:api"),
        lambda tree: "/page-qui-n-existe-pas/",
        lambda tree: reverse("wagtailadmin_login"),
        lambda tree: reverse("health"),
    ],
    ids=["page", "api", "not_found", "admin_login", "health"],
)
def test_every_response_denies_the_powerful_browser_features(client, site_tree, url):
    policy = features(client.get(url(site_tree)))
    for feature in DENIED:
        assert policy[feature] == "()", feature


def test_the_features_the_site_uses_stay_allowed(client, site_tree):
    policy = features(client.get(site_tree.home.url))
    # Video embeds go full screen; the citation buttons copy to the clipboard.
    assert "fullscreen" not in policy and "clipboard-write" not in policy


def test_a_task_run_logs_nothing_at_info(caplog):
    with caplog.at_level(logging.INFO):
        quiet_task.enqueue()
    assert [record for record in caplog.records if record.name.startswith("django_tasks")] == []


def test_a_failed_task_is_still_logged_as_an_error(caplog):
    failing_task.enqueue()
    errors = [record for record in caplog.records if record.name.startswith("django_tasks")]
    assert [record.levelno for record in errors] == [logging.ERROR]
    assert "failing_task" in errors[0].getMessage()


def test_publishing_a_page_logs_nothing_at_info_its_history_is_in_the_audit_log(caplog, home):
    with caplog.at_level(logging.INFO):
        home.save_revision().publish()
    assert [record for record in caplog.records if record.name.startswith("wagtail")] == []
    assert PageLogEntry.objects.filter(page=home, action="wagtail.publish").exists()
