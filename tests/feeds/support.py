"""Reading feeds back as a feed reader does (feedparser), and the feed addresses of the archive's listings."""

import feedparser

from django.urls import reverse


def feed_url(name, fmt="rss", query="", **kwargs):
    url = reverse(f"feeds:{name}", kwargs={**kwargs, "fmt": fmt})
    return f"{url}?{query}" if query else url


def read_feed(client, url):
    """The parsed feed; fails on any HTTP or XML error feedparser reports (bozo)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:500])
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.bozo_exception)
    return parsed


def titles(parsed):
    return [entry.title for entry in parsed.entries]
