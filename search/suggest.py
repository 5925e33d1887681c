""" "Did you mean": close words from the archive's titles, offered only if they find something.

The vocabulary is engine-independent (titles of every record) and cached per process
until the records change. A suggestion is re-run as the viewer before it is shown, so
it never reveals a word that only restricted items contain.
"""

import difflib
import re
import threading
from collections import Counter
from dataclasses import replace

from .analysis import STOP_WORDS, fold
from .models import SearchChange, SearchRecord
from .query import parse_query

_cache = threading.local()
_WRITTEN = re.compile(r"[^\W\d_]+")


def _vocabulary():
    # Every write of the records adds a change with a fresh stamp (search.engines.columns): the last one
    # dates the titles, in one index probe where counting the records read them all.
    version = SearchChange.objects.order_by("-pk").values_list("pk", "stamp").first()
    if not hasattr(_cache, "words") or _cache.version != version:
        counter, spelled = Counter(), {}
        for title in SearchRecord.objects.values_list("title", flat=True).iterator(chunk_size=5000):
            for written in _WRITTEN.findall(title.lower()):
                folded = fold(written)
                if len(folded) > 3 and folded.isalpha():
                    counter[folded] += 1
                    spelled.setdefault(folded, written)
        by_initial = {}
        for word, _n in counter.most_common():
            by_initial.setdefault(word[0], []).append(word)
        _cache.version, _cache.words, _cache.spelled = version, by_initial, spelled
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
        if word in _cache.spelled:
            out.append(token)
            continue
        close = difflib.get_close_matches(word, candidates[:20000], n=1, cutoff=0.75)
        # Offer the word as the archive writes it, accents included ("epicerie" → "épicerie").
        out.append(_cache.spelled.get(close[0], close[0]) if close else token)
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
