""" "Did you mean": close words from the titles the reader may open, offered only if they find something.

The vocabulary is engine-independent (titles of every record, by access key) and cached per
process until the records change. A reader's words come only from the records they may open,
and a suggestion is re-run as the reader before it is shown: it never reveals a word that only
restricted items contain.
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


def _counts():
    """{access key: Counter of title words}, and how each word is written, read again when the records change."""
    # Every write of the records adds a change with a fresh stamp (search.engines.columns): the last one
    # dates the titles, in one index probe where counting the records read them all.
    version = SearchChange.objects.order_by("-pk").values_list("pk", "stamp").first()
    if not hasattr(_cache, "by_access") or _cache.version != version:
        by_access, spelled = {}, {}
        for title, access in SearchRecord.objects.values_list("title", "access").iterator(chunk_size=5000):
            counter = by_access.setdefault(access, Counter())
            for written in _WRITTEN.findall(title.lower()):
                folded = fold(written)
                if len(folded) > 3 and folded.isalpha():
                    counter[folded] += 1
                    spelled.setdefault(folded, written)
        _cache.version, _cache.by_access, _cache.spelled, _cache.views = version, by_access, spelled, {}
    return _cache.by_access


def _vocabulary(viewer):
    """The words of the titles `viewer` may open, most frequent first, by initial."""
    by_access = _counts()
    allowed = tuple(viewer.allowed(by_access))
    if allowed not in _cache.views:
        counter = sum((by_access[key] for key in allowed), Counter())
        by_initial = {}
        for word, _n in counter.most_common():
            by_initial.setdefault(word[0], []).append(word)
        _cache.views[allowed] = by_initial
    return _cache.views[allowed]


def _corrected(text, viewer):
    vocabulary = _vocabulary(viewer)
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
        # Offer the word as the archive writes it, accents included ("epicerie" → "épicerie").
        out.append(_cache.spelled.get(close[0], close[0]) if close else token)
        changed = changed or bool(close)
    return " ".join(out) if changed else ""


def suggest(request, engine, viewer, parsed, synonyms=()):
    """A query that finds something for this viewer, or ''."""
    candidates = []
    if parsed.phrases or '"' in request.q:
        candidates.append(request.q.replace('"', " ").strip())
    corrected = _corrected(request.q.replace('"', " "), viewer)
    if corrected:
        candidates.append(corrected)
    for candidate in candidates:
        probe = replace(request, q=candidate, page=1, page_size=1)
        if engine.search(probe, parse_query(candidate, synonyms), viewer).total > 0:
            return " ".join(candidate.split())
    return ""
