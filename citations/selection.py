"""The reader's « sélection »: archive items kept in the session across pages and searches, no account needed.

It holds sources only ("page:12"); what a request may see of it is decided each time it is read
(citations.lists.stored_items), so an item restricted or unpublished since it was added drops out.
"""

import re
from enum import Enum

from search import registry

SESSION_KEY = "citations_selection"
# What the last selection form did, shown once on the page it returns to.
NOTICE_KEY = "citations_selection_notice"
MAX_SELECTION = 1000
_SOURCE = re.compile(r"([a-z]{1,20}):([1-9][0-9]{0,11})")


class Added(Enum):
    ADDED = "added"
    ALREADY = "already"
    FULL = "full"


def well_formed(source):
    """Whether `source` names an item the archive could hold: a registered prefix and a record number."""
    match = _SOURCE.fullmatch(source) if isinstance(source, str) else None
    return bool(match) and match.group(1) in registry.searchable_models()


class Selection:
    """The sources a session has selected, in the order they were added."""

    def __init__(self, session):
        self.session = session
        stored = session.get(SESSION_KEY)
        # A session is only ever written by this class, but it outlives deployments: keep what still reads.
        self.sources = [s for s in stored if well_formed(s)] if isinstance(stored, list) else []

    def __len__(self):
        return len(self.sources)

    def __contains__(self, source):
        return source in self.sources

    def add(self, source):
        """Add a well-formed source; a full selection keeps what it holds and says so."""
        if source in self.sources:
            return Added.ALREADY
        if len(self.sources) >= MAX_SELECTION:
            return Added.FULL
        self._save([*self.sources, source])
        return Added.ADDED

    def remove(self, source):
        """Remove a source; False when the selection did not hold it."""
        if source not in self.sources:
            return False
        self._save([s for s in self.sources if s != source])
        return True

    def clear(self):
        self._save([])

    def _save(self, sources):
        self.sources = sources
        self.session[SESSION_KEY] = sources
