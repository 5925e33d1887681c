"""The site's public address, for links written outside a request: alert digests, moderation emails.

A request knows its own host; a command run by cron does not. The address comes from
KB_SITE_URL when the environment names it, else from Wagtail's default Site (hostname and
port, which documentalists keep right in Paramètres › Sites).
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site_root_url():
    """The scheme and host links start with, without a trailing slash."""
    if settings.KB_SITE_URL:
        return settings.KB_SITE_URL.rstrip("/")
    # Imported here: the settings import this module (SITE_ROOT_URL) before any model may be.
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site is not None else "http://localhost"


def site_url(path=""):
    """An absolute URL for `path` on the public site."""
    return urljoin(site_root_url() + "/", path.lstrip("/"))


class ReadOnEachUse(SimpleLazyObject):
    """A SimpleLazyObject that calls its function each time it is used, not once.

    Django's lazy() would do, but its proxies fail isinstance(value, str), which urljoin asks
    of Wagtail's base URL; this one passes it, as every LazyObject does.
    """

    @property
    def _wrapped(self):
        return self._setupfunc()


# For WAGTAILADMIN_BASE_URL: Wagtail reads it as a string while it writes its emails, long after the
# settings are loaded, and the default Site may have been corrected in the admin meanwhile.
SITE_ROOT_URL = ReadOnEachUse(site_root_url)
