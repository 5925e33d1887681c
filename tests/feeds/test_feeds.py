"""RSS and Atom of every listing: what a feed reader shows, item by item, newest first."""

import pytest

from .conftest import (
    ANGERS_DAYS,
    ANSWER,
    NANTES_DAY,
    OLD_PAPER,
    PAPER,
    PRACTICE,
    PUBLIC_DOCUMENT,
    TIMED_DAY,
    UNDATED,
    UPCOMING,
)
from .support import feed_url, read_feed, titles

pytestmark = pytest.mark.django_db

POLE_ITEMS = [UPCOMING, PRACTICE, NANTES_DAY, PAPER, PUBLIC_DOCUMENT]

EVERY_FEED = [
    ("latest", {}, ""),
    ("search", {}, "q=coopératives&pole=habitat-cooperatif&year=2024"),
    *[("kind", {"key": kind}, "") for kind in ("study_day", "research_paper", "practice_exchange", "thematic_answer")],
    ("kind", {"key": "document"}, ""),
    ("pole", {"key": "habitat-cooperatif"}, ""),
    ("territory", {"key": "44"}, ""),
    ("territory", {"key": "44109"}, "year=2024"),
    ("theme", {"key": "se-loger"}, ""),
    ("tag", {"key": "habitat-participatif"}, ""),
]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize(("name", "kwargs", "query"), EVERY_FEED)
def test_every_feed_parses_without_error(client, fmt, name, kwargs, query):
    parsed = read_feed(client, feed_url(name, fmt, query, **kwargs))
    assert parsed.version == ("rss20" if fmt == "rss" else "atom10")
    assert parsed.feed.title.endswith(" – Centre de ressources ESS") or parsed.feed.title
    assert parsed.entries


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_a_kind_feed_lists_its_items_newest_first(client, fmt):
    parsed = read_feed(client, feed_url("kind", fmt, key="study_day"))
    assert titles(parsed) == [UPCOMING, NANTES_DAY, ANGERS_DAYS, TIMED_DAY]
    assert parsed.feed.title.startswith("Journées d'étude")
    assert parsed.feed.link == "http://testserver/journees-d-etude/"


def test_a_pole_feed_holds_the_pole_items_pages_and_documents(client):
    assert titles(read_feed(client, feed_url("pole", key="habitat-cooperatif"))) == POLE_ITEMS


def test_a_commune_tagged_item_appears_in_its_departement_and_region_feeds(client):
    for key in ("44109", "244400404", "44", "52"):  # Nantes, Nantes Métropole, Loire-Atlantique, Pays de la Loire
        assert titles(read_feed(client, feed_url("territory", key=key)))[:2] == [NANTES_DAY, PAPER], key
    assert titles(read_feed(client, feed_url("territory", key="49"))) == [ANGERS_DAYS]


def test_a_theme_and_a_tag_feed(client):
    on_theme = titles(read_feed(client, feed_url("theme", key="se-loger")))
    assert on_theme == [UPCOMING, PRACTICE, NANTES_DAY, PAPER, ANSWER]
    tagged = titles(read_feed(client, feed_url("tag", key="habitat-participatif")))
    assert tagged == [UPCOMING, PRACTICE, NANTES_DAY, PAPER]


def test_a_search_feed_follows_the_query_and_its_filters(client):
    parsed = read_feed(client, feed_url("search", "atom", "q=coopératives&territory=44&kind=research_paper"))
    assert titles(parsed) == [PAPER]
    assert "coopératives" in parsed.feed.title and "Territoire : Loire-Atlantique" in parsed.feed.title
    assert parsed.feed.link.startswith("http://testserver/recherche/?q=coop")


def test_a_listing_feed_takes_the_listing_filters(client):
    parsed = read_feed(client, feed_url("kind", query="territory=44&year=2024", key="study_day"))
    assert titles(parsed) == [NANTES_DAY]
    assert parsed.feed.link == "http://testserver/journees-d-etude/?territory=44&year=2024"


def test_the_latest_feed_is_the_newest_items_of_the_archive_without_undated_ones(client):
    listed = titles(read_feed(client, feed_url("latest")))
    assert listed[:3] == [UPCOMING, PRACTICE, NANTES_DAY]
    assert OLD_PAPER in listed and UNDATED not in listed


def test_an_item_carries_its_link_date_authors_categories_and_abstract(client, archive):
    entry = next(e for e in read_feed(client, feed_url("pole", key="habitat-cooperatif")).entries if e.title == PAPER)
    link = f"http://testserver{archive.paper.url}"
    assert entry.link == link and entry.id == link
    assert entry.published == "Thu, 01 Feb 2024 00:00:00 +0100"  # the record's day, from midnight in Nantes
    assert entry.author == "Awa Diallo, Camille Martin"
    assert {tag.term for tag in entry.tags} == {"Habitat coopératif", "Se loger", "habitat participatif"}
    assert "douze coopératives" in entry.summary


def test_markup_in_titles_and_abstracts_reaches_readers_as_text(client):
    for fmt in ("rss", "atom"):
        entry = read_feed(client, feed_url("kind", fmt, key="practice_exchange")).entries[0]
        assert entry.title == PRACTICE
        assert "&lt;b&gt;habitants&lt;/b&gt;" in entry.summary, entry.summary  # shown as typed, not bold
