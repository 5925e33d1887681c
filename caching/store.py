"""Where anonymous responses are kept, and how a purge reaches every copy of a path at once.

Each path has a page version and each path prefix a subtree version; a response's key folds in all those
along its path, so bumping one version orphans every stored query-string variant below it without listing them.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger(__name__)

ALIAS = "pages"
EVERYTHING = "kbc:all"


def cache():
    return caches[ALIAS]


def prefixes(path):
    """The subtrees ("/", "/a/", "/a/b/" for "/a/b/") a path lies in, its own included."""
    parts = [part for part in path.split("/") if part]
    return ["/"] + ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def version_keys(path):
    return [EVERYTHING, f"kbc:page:{path}"] + [f"kbc:tree:{prefix}" for prefix in prefixes(path)]


def versions(path):
    """The current version of each key; a missing one (never set, or evicted) starts afresh, never reused."""
    keys = version_keys(path)
    found = cache().get_many(keys)
    for key in keys:
        if key not in found:
            cache().add(key, uuid.uuid4().hex, timeout=None)
            found[key] = cache().get(key)
    return [found[key] for key in keys]


def response_key(host, path, query):
    """The key of one variant (host, path, query string) under the path's current versions."""
    signature = "\n".join([host, path, query, *map(str, versions(path))])
    return "kbc:response:" + hashlib.sha256(signature.encode()).hexdigest()


def lookup(key):
    return cache().get(key)


def keep(key, entry):
    cache().set(key, entry, timeout=settings.KB_PAGE_CACHE_SECONDS)


def _bump(keys):
    try:
        cache().set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)
    except Exception:
        # A cache server that is down keeps nothing either: no reader can be served what was purged.
        logger.exception("page cache: purge of %s failed", sorted(keys))


def purge(pages=(), subtrees=(), everything=False):
    """Forget the stored responses of these paths (every query string) and of everything below these subtrees.

    Runs once the transaction commits: a reader who rendered the old content in between stored it under the
    old versions, which nobody reads any more.
    """
    keys = {f"kbc:page:{path}" for path in pages if path} | {f"kbc:tree:{path}" for path in subtrees if path}
    if everything:
        keys.add(EVERYTHING)
    if keys:
        logger.debug("page cache: purging %s", sorted(keys))
        transaction.on_commit(lambda: _bump(keys), robust=True)
