"""Saved searches as a reader leaves them, items published after them, and the command that emails the digests."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page

from alerts.forms import saved_query
from alerts.models import SavedSearch
from tests.search.support import committed, practice


def saved_search(user, query, name="Ma recherche", frequency="daily", saved_days_ago=2):
    """A saved search whose alerts started `saved_days_ago` days ago, as if saved then (it is due today)."""
    search = SavedSearch(user=user, name=name, query=saved_query(query)[0], frequency=frequency)
    search.start_alerts()
    search.save()
    earlier = datetime.timedelta(days=saved_days_ago)
    SavedSearch.objects.filter(pk=search.pk).update(alerts_since=F("alerts_since") - earlier)
    search.refresh_from_db()
    return search


def publish(parent, title, **kwargs):
    """A practice exchange published now, as the admin does, its record written as after the commit."""
    page = practice(parent, title, live=False, **kwargs)
    with committed():
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def published_long_ago(days=30):
    """Every page published so far was published `days` days ago: the archive as it stood before a search was saved."""
    moment = timezone.now() - datetime.timedelta(days=days)
    Page.objects.exclude(first_published_at=None).update(first_published_at=moment, last_published_at=moment)


def send_alerts(*args):
    """Run `manage.py kb_send_alerts` and return its output."""
    out = StringIO()
    call_command("kb_send_alerts", *args, stdout=out)
    return out.getvalue()


def later(days):
    """Make every saved search look checked `days` days earlier: the next run finds them due again."""
    SavedSearch.objects.update(checked_at=F("checked_at") - datetime.timedelta(days=days))


def digest_to(email):
    """The one digest sent to this address in the outbox, or None."""
    sent = [message for message in mail.outbox if message.to == [email]]
    assert len(sent) <= 1, f"{len(sent)} digests to {email}"
    return sent[0] if sent else None


def html_of(message):
    return next(content for content, kind in message.alternatives if kind == "text/html")
