"""Snippets with the matched words marked, computed from the original text.

Used by the database engines; the Elasticsearch engine asks its own highlighter. A
word matches when its analysed token is one of the query's, so "coopératives"
lights up for "coopérative".
"""

import html
import re
from functools import lru_cache

from .analysis import analyze_word, fold

WINDOW = 180


def best_fragment(text, tokens, window=WINDOW):
    """The HTML of the window of `text` holding the most distinct matched tokens, or ''."""
    if not text or not tokens:
        return ""
    spans = matching_spans(text, tokens)
    if not spans:
        return ""
    best_start, best_score = spans[0][0], 0
    for i, (start, _end, _token) in enumerate(spans):
        inside = set()
        for s, _e, token in spans[i:]:
            if s >= start + window:
                break
            inside.add(token)
        if len(inside) > best_score:
            best_start, best_score = start, len(inside)
    return _render(text, spans, max(0, best_start - window // 4), window)


def _one_letter_fold(char):
    folded = fold(char)
    return folded[0] if folded else char


def _letter_classes():
    """For each folded letter, a regex class of the letters that fold to it: 'e' → '[eEéÉèÈ…]'."""
    variants = {}
    for code in range(0x30, 0x250):
        char = chr(code)
        if char.isalnum():
            variants.setdefault(_one_letter_fold(char), []).append(char)
    return {letter: "[" + re.escape("".join(chars)) + "]" for letter, chars in variants.items()}


_LETTER_CLASSES = _letter_classes()


@lru_cache(maxsize=512)
def _candidates(heads):
    """A regex for the words starting with one of `heads` (two folded letters), in any case or accent."""
    alternatives = ["".join(_LETTER_CLASSES.get(letter, re.escape(letter)) for letter in head) for head in heads]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")[^\W_]*")


def matching_spans(text, tokens):
    """(start, end, token) of the words of `text` whose analysed token is one of `tokens`.

    Analysing every word of a long PDF page is slow; a word can only stem to a token that
    shares its first two folded letters, so one regular expression finds those words
    (whatever their case and accents) and only they are analysed.
    """
    heads = tuple(sorted({token[:2] for token in tokens if token}))
    if not heads:
        return []
    spans = []
    for match in _candidates(heads).finditer(text):
        for token in _word_tokens(match.group()):
            if token in tokens:
                spans.append((match.start(), match.end(), token))
                break
    return spans


@lru_cache(maxsize=100_000)
def _word_tokens(word):
    """The analysed tokens of one written word ("Coopératives" → ("coperatif",)); the same words recur."""
    return tuple(analyze_word(part) for part in re.findall(r"[0-9a-z]+", fold(word)))


def _render(text, spans, start, window):
    start = _word_boundary(text, start)
    end = min(len(text), start + window)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    parts, cursor = [], start
    for s, e, _token in spans:
        if s < start or e > end:
            continue
        parts.append(html.escape(text[cursor:s]))
        parts.append(f"<mark>{html.escape(text[s:e])}</mark>")
        cursor = e
    parts.append(html.escape(text[cursor:end]))
    # html.escape, not Django's escape: the same entities without the lazy-string wrapper, called hundreds
    # of times per page.
    fragment = " ".join("".join(parts).split())
    return ("… " if start > 0 else "") + fragment + (" …" if end < len(text) else "")


def _word_boundary(text, position):
    if position <= 0:
        return 0
    space = text.rfind(" ", 0, position)
    return space + 1 if space >= 0 else 0
