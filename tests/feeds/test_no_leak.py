"""Feeds, calendars and the sitemap are read without cookies: whoever asks, they hold only what anyone may open.

A members' page, a DU course and its lesson, a private-collection document and a members' study day share
the poles, themes, tags, territories and words of public items, and stay out of every feed for every visitor.
"""

import pytest

from django.urls import reverse

from .conftest import HIDDEN
from .support import feed_url
from .test_feeds import EVERY_FEED

pytestmark = pytest.mark.django_db


def surfaces(archive):
    feeds = [feed_url(name, fmt, query, **kwargs) for name, kwargs, query in EVERY_FEED for fmt in ("rss", "atom")]
    searches = [feed_url("search", query=f"q={word}") for word in ("confidentiel", "réservé", "privé")]
    calendars = [
        reverse("feeds:study_days_calendar"),
        reverse("feeds:study_days_calendar") + "?a-venir=1",
        reverse("feeds:study_day_calendar", args=[archive.nantes_day.pk]),
    ]
    return [*feeds, *searches, *calendars, "/sitemap.xml", "/robots.txt"]


def test_nothing_restricted_reaches_a_feed_a_calendar_or_the_sitemap_whoever_asks(visitors, archive):
    leaks = []
    for who, visitor in visitors.items():
        for url in surfaces(archive):
            response = visitor.get(url)
            assert response.status_code == 200, (who, url)
            content = response.content.decode()
            leaks += [(who, url, hidden) for hidden in (*HIDDEN, *archive.hidden_urls) if hidden in content]
    assert not leaks


def test_the_restricted_items_are_there_to_be_leaked(visitors, archive):
    """The staff member opens each restricted page: the test above would catch a feed that listed them."""
    for url in archive.hidden_urls[:-1]:
        assert visitors["personnel"].get(url).status_code == 200, url
