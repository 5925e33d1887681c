"""The site's public address, for links written outside a request: alert digests, moderation emails.

A request knows its own host; a command run by cron does not. The address comes from
KB_SITE_URL when the environment names it, else from Wagtail's default Site (hostname and
port, which documentalists keep right in Paramètres › Sites).
"""

from urllib.parse import urljoin

from django.conf import settings

from wagtail.models import Site


def site_root_url():
    """The scheme and host links start with, without a trailing slash."""
    if settings.KB_SITE_URL:
        return settings.KB_SITE_URL.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site is not None else "http://localhost"


def site_url(path=""):
    """An absolute URL for `path` on the public site."""
    return urljoin(site_root_url() + "/", path.lstrip("/"))
