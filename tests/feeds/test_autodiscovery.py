"""Each listing names its feeds in its head (autodiscovery) and offers them as visible « S'abonner » links."""

import pytest
from lxml import html

from django.urls import reverse

from .conftest import ANGERS_DAYS, NANTES_DAY, PAPER
from .support import read_feed, titles

pytestmark = pytest.mark.django_db

FEED_TYPES = {"application/rss+xml": "rss20", "application/atom+xml": "atom10"}


def alternates(client, url):
    """{type: href} of the page's <link rel="alternate">, and the page's visible « S'abonner » links."""
    response = client.get(url)
    assert response.status_code == 200, url
    tree = html.fromstring(response.content)
    links = {link.get("type"): link.get("href") for link in tree.xpath('//head/link[@rel="alternate"]')}
    visible = {a.text_content().strip(): a.get("href") for a in tree.xpath('//ul[@class="subscribe"]//a')}
    return links, visible


def listings(archive):
    tree = archive.tree
    return {
        "accueil": tree.home.url,
        "journées d'étude": tree.study_day_index.url,
        "travaux de recherche": tree.research_index.url,
        "échanges de pratiques": tree.practice_index.url,
        "réponses thématiques": tree.answer_index.url,
        "section de pôle": tree.pole_section.url,
        "pôle sans section": reverse("kb:pole", args=[archive.pole.slug]),
        "territoire": reverse("kb:territory", args=["44"]),
        "thème": reverse("kb:theme", args=["se-loger"]),
        "mot-clé": reverse("kb:tag", args=["habitat-participatif"]),
        "recherche": reverse("search:page") + "?q=coopératives&territory=44",
    }


def test_every_listing_names_working_feeds_in_its_head_and_in_its_body(client, archive):
    for name, url in listings(archive).items():
        links, visible = alternates(client, url)
        for kind, version in FEED_TYPES.items():
            assert kind in links, name
            assert read_feed(client, links[kind]).version == version, name
        if name != "recherche":  # its body is the search page's own
            assert visible["S’abonner (RSS)"] == links["application/rss+xml"], name
            assert visible["S’abonner (Atom)"] == links["application/atom+xml"], name


def test_the_search_page_feed_follows_its_query_and_filters(client):
    links, _visible = alternates(client, reverse("search:page") + "?q=coopératives&territory=44&sort=oldest&page=2")
    feed = read_feed(client, links["application/atom+xml"])
    assert titles(feed) == [NANTES_DAY, PAPER]
    assert "q=coop%C3%A9ratives" in links["application/atom+xml"] and "territory=44" in links["application/atom+xml"]
    assert "page=" not in links["application/atom+xml"]


def test_a_filtered_listing_is_followed_with_its_filters(client, archive):
    links, visible = alternates(client, archive.tree.study_day_index.url + "?territory=49")
    assert titles(read_feed(client, visible["S’abonner (RSS)"])) == [ANGERS_DAYS]
    assert titles(read_feed(client, links["application/rss+xml"])) == [ANGERS_DAYS]


def test_the_study_day_listing_offers_its_calendar(client, archive):
    links, visible = alternates(client, archive.tree.study_day_index.url)
    assert links["text/calendar"] == visible["Agenda (.ics)"] == reverse("feeds:study_days_calendar")
    assert client.get(links["text/calendar"])["Content-Type"].startswith("text/calendar")


def test_a_pole_section_feed_is_its_pole_feed(client, archive):
    links, _visible = alternates(client, archive.tree.pole_section.url)
    assert links["application/rss+xml"] == reverse("feeds:pole", args=["pole-de-test", "rss"])


def test_the_territory_index_offers_the_region_feed(client):
    links, visible = alternates(client, reverse("kb:territories"))
    assert links["application/rss+xml"] == visible["S’abonner (RSS)"] == reverse("feeds:territory", args=["52", "rss"])
    assert NANTES_DAY in titles(read_feed(client, links["application/rss+xml"]))


def test_the_du_course_index_offers_no_feed(client, archive):
    links, visible = alternates(client, archive.tree.course_index.url)
    assert not links and not visible
