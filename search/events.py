"""What the search announces to other apps when records change, without knowing who listens.

Records are the archive's own account of what exists and who may open it; surfaces that mirror them
(OAI-PMH today) follow this signal instead of watching every page, document and restriction again.
"""

import logging

from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent with `sources`: the sources whose records were just written or removed in the database engine,
# or None when any record may have changed (after a rebuild or a repair).
records_changed = Signal()


def announce(sources):
    """Tell the listeners; one that fails is logged and never undoes the search's own write."""
    sources = None if sources is None else sorted(set(sources))
    for receiver, result in records_changed.send_robust(sender=None, sources=sources):
        if isinstance(result, Exception):
            scope = "all records" if sources is None else f"{len(sources)} source(s)"
            logger.error(
                "search event: %s failed on %s: %r",
                getattr(receiver, "__qualname__", receiver),
                scope,
                result,
                exc_info=(type(result), result, result.__traceback__),
            )
