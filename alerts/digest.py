"""One email per reader with what their due saved searches have new, sent and remembered.

Links are absolute on the site's public address (kb.addresses): a command run by cron has no request.
What a digest announced is recorded only once the email has left, so a failed send is tried again next time.
"""

import logging
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import Truncator, capfirst

from feeds.entries import abstracts_of
from feeds.scopes import describe
from kb.addresses import site_url
from search import registry
from search.access import Viewer
from search.models import SearchRecord

from .models import SentItem
from .news import due, news
from .tokens import reader_token, search_token

logger = logging.getLogger(__name__)
SHOWN_PER_SEARCH = 20
ABSTRACT_LENGTH = 280


@dataclass
class DigestItem:
    title: str
    url: str
    kind: str
    date: object
    authors: list
    abstract: str


@dataclass
class Section:
    """One saved search in a digest: the new items shown, how many more, and its links."""

    saved_search: object
    items: list
    more: int
    search_url: str
    unsubscribe_url: str

    @property
    def description(self):
        """« « coopérative » · Pôle : Habitat coopératif »: what the search looks for."""
        search_request, _problems = self.saved_search.search_request()
        words = f"« {search_request.q} »" if search_request.q else ""
        return " · ".join(part for part in (words, describe(search_request.filters)) if part)


@dataclass
class Digest:
    """What one reader is told: sections with news, and every source each checked search announces."""

    user: object
    sections: list = field(default_factory=list)
    announced: dict = field(default_factory=dict)

    @property
    def item_count(self):
        return sum(len(section.items) + section.more for section in self.sections)


def build_digest(user, saved_searches):
    """The digest of these saved searches for `user`, searched as that reader; an item shows once, in its first
    search, and counts as announced for every search that found it."""
    viewer = Viewer(user)
    digest, shown = Digest(user), set()
    for saved_search in saved_searches:
        sources = news(saved_search, viewer)
        if sources is None:
            continue
        digest.announced[saved_search] = sources
        fresh = [source for source in sources if source not in shown]
        shown.update(fresh)
        if fresh:
            digest.sections.append(
                Section(
                    saved_search=saved_search,
                    items=digest_items(fresh[:SHOWN_PER_SEARCH]),
                    more=max(len(fresh) - SHOWN_PER_SEARCH, 0),
                    search_url=site_url(saved_search.url),
                    unsubscribe_url=site_url(reverse("alerts:unsubscribe", args=[search_token(saved_search)])),
                )
            )
    return digest


def digest_items(sources):
    """The items as the email lists them, in the order given."""
    rows = {
        row[0]: row
        for row in SearchRecord.objects.filter(source__in=sources).values_list(
            "source", "title", "url", "kind", "date", "data__authors"
        )
    }
    abstracts = abstracts_of(sources)
    kinds = registry.vocabulary("kind")
    labels = kinds.labels({row[3] for row in rows.values()}) if kinds else {}
    return [
        DigestItem(
            title=title,
            url=site_url(url),
            kind=capfirst(labels.get(kind, kind)),
            date=date,
            authors=authors or [],
            abstract=Truncator(abstracts.get(source) or "").chars(ABSTRACT_LENGTH),
        )
        for source, title, url, kind, date, authors in (rows[s] for s in sources if s in rows)
    ]


def digest_message(digest):
    """The email of a digest: French text and HTML, with a one-click List-Unsubscribe for all alerts."""
    stop_all = site_url(reverse("alerts:unsubscribe", args=[reader_token(digest.user)]))
    context = {
        "digest": digest,
        "user": digest.user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_url("/"),
        "manage_url": site_url(reverse("alerts:list")),
        "stop_all_url": stop_all,
    }
    subject = " ".join(render_to_string("alerts/email/digest_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("alerts/email/digest.txt", context),
        to=[digest.user.email],
        headers={"List-Unsubscribe": f"<{stop_all}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("alerts/email/digest.html", context), "text/html")
    return message


def record(digest, now):
    """Remember what the digest announced and that its searches were checked at `now`."""
    with transaction.atomic():
        sent = [SentItem(saved_search=saved, source=s) for saved, sources in digest.announced.items() for s in sources]
        SentItem.objects.bulk_create(sent, ignore_conflicts=True)
        for saved_search, sources in digest.announced.items():
            saved_search.checked_at = now
            if sources:
                saved_search.last_sent_at = now
            saved_search.save(update_fields=["checked_at", "last_sent_at"])


@dataclass
class Report:
    """What a run did, for the command's summary line and the log."""

    readers: int = 0
    checked: int = 0
    emails: int = 0
    items: int = 0
    failed: int = 0
    skipped: int = 0
    previews: list = field(default_factory=list)


def send_alerts(now, frequency=None, dry_run=False):
    """Check every due saved search and email each reader their digest; `dry_run` sends and records nothing."""
    report = Report()
    for _user_id, group in groupby(due(now, frequency), key=attrgetter("user_id")):
        saved_searches = list(group)
        user = saved_searches[0].user
        report.readers += 1
        if not user.is_active or not user.email:
            logger.info("alerts skipped for user %s: %s", user.pk, "inactive" if not user.is_active else "no email")
            report.skipped += 1
            continue
        digest = build_digest(user, saved_searches)
        report.checked += len(digest.announced)
        if dry_run:
            if digest.sections:
                report.previews.append((user.email, digest.item_count, len(digest.sections)))
                report.emails += 1
                report.items += digest.item_count
            continue
        if digest.sections and not deliver(digest):
            report.failed += 1
            continue
        record(digest, now)
        if digest.sections:
            report.emails += 1
            report.items += digest.item_count
    logger.info(
        "alerts%s: %d readers, %d searches checked, %d emails, %d items, %d failed, %d skipped",
        " (dry run)" if dry_run else "",
        report.readers,
        report.checked,
        report.emails,
        report.items,
        report.failed,
        report.skipped,
    )
    return report


def deliver(digest):
    """Send the digest; a refused or unreachable mail server is logged and the next reader goes on."""
    try:
        digest_message(digest).send()
    except (SMTPException, OSError):
        logger.exception("alert digest to user %s (%s) not sent", digest.user.pk, digest.user.email)
        return False
    logger.info("alert digest sent to user %s: %d items", digest.user.pk, digest.item_count)
    return True
