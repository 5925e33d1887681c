"""The site's public address, for links written outside a request (alert digests, moderation emails); where a
form's `next` may send a person back to.

A request knows its own host; a command run by cron does not. The address comes from
KB_SITE_URL when the environment names it, else from Wagtail's default Site (hostname and
port, which documentalists keep right in Paramètres › Sites).
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme


def site_root_url():
    """The scheme and host links start with, without a trailing slash."""
    if settings.KB_SITE_URL:
        return settings.KB_SITE_URL.rstrip("/")
    # Imported here: the settings import this module (SITE_ROOT_URL) before any model may be.
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site is not None else "http://localhost"


def next_path(request, default):
    """The `next` a form or a link carries (POST first), when it is a path on this site; else `default`.

    A path only: redirect() takes a bare word ("-1") for a view name to reverse, and fails.
    """
    address = request.POST.get("next") or request.GET.get("next", "")
    on_site = url_has_allowed_host_and_scheme(address, {request.get_host()}, require_https=request.is_secure())
    return address if on_site and address.startswith("/") else default


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
