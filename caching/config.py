"""CACHES read from KB_CACHE_URL, so one setting moves every cache (pages, Wagtail's own) to a server.

Files under var/cache by default: unlike local memory, every gunicorn worker shares them, so a purge made
by the worker that published a page reaches the pages the other workers stored.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def backend(url, directory):
    """One cache's settings: redis:// or rediss:// (Django's RedisCache), memcached:// (pymemcache), else files."""
    scheme = urlsplit(url).scheme if url else ""
    if scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "memcached":
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": urlsplit(url).netloc}
    if scheme:
        raise ImproperlyConfigured(f"KB_CACHE_URL must start with redis://, rediss:// or memcached://, not {url!r}.")
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(directory),
        # The default (300) would cull stored pages, and the versions that purge them, far too often.
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }


def caches(url, directory):
    """The default cache and "pages" (caching.store), apart so that culling one never empties the other."""
    pages = backend(url, directory / "pages")
    if "KEY_PREFIX" not in pages and url:
        pages["KEY_PREFIX"] = "pages"
    return {"default": backend(url, directory / "default"), "pages": pages}
