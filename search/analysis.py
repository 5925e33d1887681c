"""French text analysis shared by every engine: the same tokens at index and at query time.

The chain mirrors the Elasticsearch analyzer the ES engine declares (elision, lowercase,
asciifolding, French stop words, light French stemmer), so that a word matches the
same documents whatever the engine. The database engines index the tokens this
module produces; they never analyse French themselves.
"""

import re
import unicodedata
from functools import lru_cache

ELISIONS = frozenset({"l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"})

# Elasticsearch's _french_ stop word list (Lucene FrenchAnalyzer), folded.
STOP_WORDS = frozenset(
    """
    au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes moi
    mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
    votre vous c d j l a m n s t y ete etee etees etes etant etante etants etantes suis es est sommes etes
    sont serai seras sera serons serez seront serais serait serions seriez seraient etais etait etions etiez
    etaient fus fut fumes futes furent sois soit soyons soyez soient fusse fusses fut fussions fussiez
    fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez
    auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eumes eutes eurent aie
    aies ait ayons ayez aient eusse eusses eussions eussiez eussent
    """.split()
)

_WORD = re.compile(r"[0-9a-z]+")
# Acronyms spelled with dots (« S.C.O.P. », « E.S.U.S ») are one word, as « SCOP » is.
_DOTTED_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}[a-z]?\b\.?")
_REPLACEMENTS = (("’", "'"), ("‘", "'"), ("`", "'"), ("ʼ", "'"), ("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE"))
_COMBINING_MARKS = re.compile("[\u0300-\u036f]")


def fold(text):
    """Lowercase and strip accents: 'Économie' → 'economie'."""
    if text.isascii():
        return text.lower()
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


def words(text):
    """Folded words with elided articles removed ("l'habitat" → "habitat"), stop words kept."""
    folded = fold(text)
    if "." in folded:
        folded = _DOTTED_ACRONYM.sub(lambda match: match.group().replace(".", ""), folded)
    if "'" not in folded:
        return _WORD.findall(folded)
    result = []
    chunks = folded.split("'")
    for i, chunk in enumerate(chunks):
        found = _WORD.findall(chunk)
        # The last word before an apostrophe is an elided article when it is one ("l", "qu").
        if i < len(chunks) - 1 and found and found[-1] in ELISIONS and chunk.endswith(found[-1]):
            found.pop()
        result.extend(found)
    return result


# Acronyms that are also French stop words: written in capitals, « AI » is an association
# intermédiaire (an ESS insertion structure); in lower case it is a form of « avoir ».
PROTECTED_ACRONYMS = ("AI",)
_PROTECTED = re.compile(r"(?<!\w)(?:" + "|".join(PROTECTED_ACRONYMS) + r")(?!\w)")


def analyze(text):
    """The index tokens of a text, in order: folded, elisions and stop words removed, stemmed."""
    return [token for _word, token in analyzed_words(text) if token]


def analyzed_words(text):
    """(folded word, token) of each word of a text; the token is '' for a stop word.

    A protected acronym in capitals is its own token, whatever the stop words say.
    """
    if not any(acronym in text for acronym in PROTECTED_ACRONYMS):
        return [(w, analyze_word(w)) for w in words(text)]
    pairs, start = [], 0
    for match in _PROTECTED.finditer(text):
        pairs.extend((w, analyze_word(w)) for w in words(text[start : match.start()]))
        acronym = match.group().lower()
        pairs.append((acronym, acronym))
        start = match.end()
    pairs.extend((w, analyze_word(w)) for w in words(text[start:]))
    return pairs


@lru_cache(maxsize=200_000)
def analyze_word(word):
    if word in STOP_WORDS:
        return ""
    if word.isdigit():
        return word
    return light_stem(word)


def light_stem(word):
    """Savoy's light French stemmer, as Lucene's FrenchLightStemmer, on a folded word."""
    s = word
    if len(s) > 5 and s.endswith("x"):
        if s[-3:-1] == "au" and s[-4] != "e":
            s = s[:-2] + "l" + s[-1]
        s = s[:-1]
    if len(s) > 3 and s.endswith("x"):
        s = s[:-1]
    if len(s) > 3 and s.endswith("s"):
        s = s[:-1]
    rules = (
        (9, "issement", lambda t: t[:-6][:-1] + "r"),
        (8, "issant", lambda t: t[:-4][:-1] + "r"),
        (11, "ficatrice", lambda t: t[:-5][:-2] + "er"),
        (10, "ficateur", lambda t: t[:-4][:-2] + "er"),
        (9, "catrice", lambda t: t[:-7] + "quer"),
        (8, "cateur", lambda t: t[:-6] + "quer"),
        (8, "atrice", lambda t: t[:-4][:-2] + "er"),
        (7, "ateur", lambda t: t[:-3][:-2] + "er"),
    )
    if len(s) > 6 and s.endswith("ement"):
        s = s[:-4]
        if len(s) > 3 and s.endswith("ive"):
            s = s[:-1][:-1] + "f"
        return _norm(s)
    for min_len, suffix, rewrite in rules:
        if len(s) > min_len and s.endswith(suffix):
            return _norm(rewrite(s))
    if len(s) > 6 and s.endswith("trice"):
        s = s[:-1][:-3] + "eur"
    if len(s) > 7 and s.endswith("teuse"):
        return _norm(s[:-2][:-1] + "r")
    if len(s) > 6 and s.endswith("teur"):
        return _norm(s[:-1][:-1] + "r")
    if len(s) > 5 and s.endswith("euse"):
        return _norm(s[:-2])
    if len(s) > 7 and s.endswith("ive"):
        return _norm(s[:-1][:-1] + "f")
    if len(s) > 4 and s.endswith(("folle", "molle")):
        return _norm(s[:-2][:-1] + "u")
    if len(s) > 9 and s.endswith("nnelle"):
        return _norm(s[:-5])
    if len(s) > 9 and s.endswith("nnel"):
        return _norm(s[:-3])
    if len(s) > 8 and s.endswith("ique"):
        s = s[:-4]
    if len(s) > 8 and s.endswith("esse"):
        return _norm(s[:-3])
    if len(s) > 7 and s.endswith("inage"):
        return _norm(s[:-3])
    if len(s) > 9 and s.endswith("isation"):
        s = s[:-7]
        if len(s) > 5 and s.endswith("ual"):
            s = s[:-2] + "e" + s[-1]
        return _norm(s)
    if len(s) > 9 and s.endswith("isateur"):
        return _norm(s[:-7])
    if len(s) > 8 and s.endswith(("ation", "ition")):
        return _norm(s[:-5])
    return _norm(s)


def _norm(s):
    if len(s) > 4:
        deduped = [s[0]]
        for ch in s[1:]:
            if not (ch == deduped[-1] and ch.isalpha()):
                deduped.append(ch)
        s = "".join(deduped)
    if len(s) > 4 and s.endswith("ie"):
        s = s[:-2]
    if len(s) > 4:
        if s.endswith("r"):
            s = s[:-1]
        if s.endswith("e"):
            s = s[:-1]
        if s.endswith("e"):
            s = s[:-1]
        if len(s) > 1 and s[-1] == s[-2] and s[-1].isalpha():
            s = s[:-1]
    return s
