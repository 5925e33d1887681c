"""Anonymous readers served from the page cache before any view, session or database work.

Django's own cache middleware keys on the whole URL and stores whatever a view allows; this one also refuses
anything a signed-in reader sees, reaches every query string of a path with one purge (caching.store) and
keeps pages whose forms need a CSRF token by putting each reader's own token back in when serving them.
"""

import functools
import hashlib
import logging
import re

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token, rotate_token
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from . import store

logger = logging.getLogger(__name__)

# URL namespaces and names whose anonymous answers are the same for every reader: Wagtail's pages, the
# taxonomy pages, the search page and API, the feeds. Everything else (admin, accounts, documents, exports,
# OAI-PMH, health) is never stored.
CACHED_NAMESPACES = {"kb", "search", "feeds"}
CACHED_NAMES = {"wagtail_serve"}
UNCACHED_NAMES = {"openapi"}
TOKEN_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
TOKEN_PLACEHOLDER = b"\\g<1>@@kb-csrf-token@@\\g<2>"
PLACEHOLDER = b"@@kb-csrf-token@@"
REFUSED_DIRECTIVES = re.compile(r"\b(private|no-cache|no-store)\b", re.IGNORECASE)
# Recomputed for each response served.
DROPPED_HEADERS = {"content-length"}


@functools.lru_cache(maxsize=4096)
def cacheable_view(path):
    """Whether the path's view is one whose anonymous answers may be stored; remembered per path, since
    resolving every request again costs as much as serving a stored page."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if match.url_name in UNCACHED_NAMES:
        return False
    return match.url_name in CACHED_NAMES or bool(set(match.namespaces) & CACHED_NAMESPACES)


def anonymous(request):
    """No session, no credentials: the only cookie allowed is CSRF's, whose token is put back per reader."""
    return (
        request.method in ("GET", "HEAD")
        and "HTTP_AUTHORIZATION" not in request.META
        and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}
    )


def storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    return not REFUSED_DIRECTIVES.search(response.get("Cache-Control", ""))


class AnonymousPageCacheMiddleware:
    """Placed after CsrfViewMiddleware (which reads the reader's CSRF cookie) and before authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_view(request.path_info):
            return self.get_response(request)
        if not anonymous(request):
            return private(self.get_response(request))
        host = request.get_host()  # a host not allowed is refused (400) here, before the cache is asked
        try:
            key = store.response_key(host, request.path_info, request.META.get("QUERY_STRING", ""))
            entry = store.lookup(key)
        except Exception:
            # A cache server that is down slows readers; it must not refuse them.
            logger.exception("page cache unreachable, %s served without it", request.path_info)
            return private(self.get_response(request))
        if entry is not None:
            return serve(request, entry, "hit")
        reader_csrf = request.META.get("CSRF_COOKIE"), request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        # Rendered with a throwaway CSRF secret: a stored page never carries the token of the reader who
        # happened to fill the cache. Whether the page asked for a token shows in CSRF_COOKIE_NEEDS_UPDATE.
        rotate_token(request)
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        response = self.get_response(request)
        used_token = request.META["CSRF_COOKIE_NEEDS_UPDATE"]
        if request.method != "GET" or not storable(response):
            if not used_token:
                restore_csrf(request, *reader_csrf)
            # Otherwise the throwaway secret becomes the reader's (its cookie is sent): the page's forms work.
            return private(response)
        restore_csrf(request, *reader_csrf)
        entry = entry_of(response, used_token)
        try:
            store.keep(key, entry)
        except Exception:
            logger.exception("page cache unreachable, %s not stored", request.path_info)
        return serve(request, entry, "miss")


def restore_csrf(request, secret, needs_update):
    request.META.pop("CSRF_COOKIE", None)
    if secret is not None:
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = needs_update


def entry_of(response, used_token):
    """What is stored: the body, its CSRF tokens replaced by a placeholder, and the view's own headers."""
    content = TOKEN_INPUT.sub(TOKEN_PLACEHOLDER, response.content) if used_token else response.content
    headers = {name: value for name, value in response.headers.items() if name.lower() not in DROPPED_HEADERS}
    headers.setdefault("ETag", f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"')
    headers.setdefault("Last-Modified", http_date())
    return {"content": content, "headers": headers}


def serve(request, entry, outcome):
    content = entry["content"]
    personal = PLACEHOLDER in content
    if personal:
        content = content.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in entry["headers"].items():
        response[name] = value
    patch_vary_headers(response, ["Cookie"])
    response["X-Page-Cache"] = outcome
    if personal:
        # Each reader gets their own CSRF token (and maybe its cookie): no shared cache may keep the page.
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=settings.KB_PAGE_CACHE_MAX_AGE)
    return response


def private(response):
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    return response
