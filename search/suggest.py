""" "Did you mean": close words from the archive's titles, offered only if they find something.

The vocabulary is engine-independent (titles of every record) and cached per process
until the records change. A suggestion is re-run as the viewer before it is shown, so
it never reveals a word that only restricted items contain.
"""

import difflib
import threading
from collections import Counter
from dataclasses import replace

from django.db.models import Count, Max

from .analysis import STOP_WORDS, fold, words
from .models import SearchRecord
from .query import parse_query

_cache = threading.local()


def _vocabulary():
    version = tuple(SearchRecord.objects.aggregate(n=Count("id"), t=Max("indexed_at")).values())
    if getattr(_cache, "version", None) != version:
        counter = Counter()
        for title in SearchRecord.objects.values_list("title", flat=True).iterator(chunk_size=5000):
            counter.update(w for w in words(title) if len(w) > 3 and not w.isdigit())
        by_initial = {}
        for word, _n in counter.most_common():
            by_initial.setdefault(word[0], []).append(word)
        _cache.version, _cache.words = version, by_initial
    return _cache.words


def _corrected(text):
    vocabulary = _vocabulary()
    changed, out = False, []
    for token in text.split():
        word = fold(token).strip("\"'-,.;:!?()")
        if len(word) < 4 or word in STOP_WORDS or not word.isalpha():
            out.append(token)
            continue
        candidates = vocabulary.get(word[0], [])
        if word in candidates:
            out.append(token)
            continue
        close = difflib.get_close_matches(word, candidates[:20000], n=1, cutoff=0.75)
        out.append(close[0] if close else token)
        changed = changed or bool(close)
    return " ".join(out) if changed else ""


def suggest(request, engine, viewer, parsed, synonyms=()):
    """A query that finds something for this viewer, or ''."""
    candidates = []
    if parsed.phrases or '"' in request.q:
        candidates.append(request.q.replace('"', " ").strip())
    corrected = _corrected(request.q.replace('"', " "))
    if corrected:
        candidates.append(corrected)
    for candidate in candidates:
        probe = replace(request, q=candidate, page=1, page_size=1)
        if engine.search(probe, parse_query(candidate, synonyms), viewer).total > 0:
            return " ".join(candidate.split())
    return ""
