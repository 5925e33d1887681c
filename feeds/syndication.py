"""RSS 2.0 and Atom documents of a followed listing, written by Django's syndication framework.

The view resolves the listing and its entries first (feeds.views), so that these classes only present them.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _


@dataclass
class FollowedListing:
    """What a feed document shows: the listing's title and page, the site's name, its address, and its entries."""

    title: str
    site: str
    link: str
    feed_url: str
    entries: list


class ArchiveFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "fr"
    item_guid_is_permalink = True

    def get_object(self, request, followed):
        return followed

    def title(self, followed):
        return f"{followed.title} – {followed.site}"

    def link(self, followed):
        return followed.link

    def feed_url(self, followed):
        return followed.feed_url

    def description(self, followed):
        values = {"title": followed.title, "site": followed.site}
        return _("Les entrées les plus récentes de « %(title)s » dans l’archive du %(site)s.") % values

    def items(self, followed):
        return followed.entries

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.url

    def item_description(self, entry):
        # Readers take a description as HTML: the plain-text abstract is escaped, its paragraphs kept.
        return linebreaks(entry.description, autoescape=True)

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.published

    def item_author_name(self, entry):
        return ", ".join(entry.authors) or None

    def item_categories(self, entry):
        return entry.categories


class AtomArchiveFeed(ArchiveFeed):
    feed_type = Atom1Feed

    def subtitle(self, followed):
        return self.description(followed)


FEEDS = {"rss": ArchiveFeed(), "atom": AtomArchiveFeed()}
