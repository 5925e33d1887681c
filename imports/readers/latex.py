"""LaTeX in BibTeX values made plain text: what reference managers write is decoded here, the rest by pylatexenc.

pylatexenc (the decoder bibtexparser uses) reads any LaTeX but takes 1 to 15 ms a value, minutes for 10,000 entries;
Zotero, JabRef and HAL write accents, ligatures, escaped specials, dashes, quotes, ties, braces and a few styles.
"""

import re
import unicodedata

from pylatexenc.latex2text import LatexNodes2Text

COMBINING = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
}
# \'e, \'{e}, {\'e}, \c c, \c{c}: a symbol accent takes the next letter; a letter accent needs a space or a brace.
ACCENT = re.compile(r"\\(?:([`'^\"~=.])\s*|([cuvHkr])(?:\s+|(?=\{)))(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))")
SYMBOLS = {
    "oe": "œ",
    "OE": "Œ",
    "ae": "æ",
    "AE": "Æ",
    "aa": "å",
    "AA": "Å",
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ldots": "…",
    "dots": "…",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "guillemotleft": "«",
    "guillemotright": "»",
    "textendash": "–",
    "textemdash": "—",
    "texteuro": "€",
    "textdegree": "°",
}
# A control word swallows the spaces after it, as in LaTeX: \oe uvre is « œuvre ».
SYMBOL = re.compile(r"\\(" + "|".join(SYMBOLS) + r")(?![A-Za-z])(?:\{\}|\s*)")
# Babel's French quotes, with the no-break spaces babel puts inside them (pylatexenc drops them).
FRENCH_QUOTES = [
    (re.compile(r"\\og(?![A-Za-z])(?:\{\})?\s*"), "«\u00a0"),
    (re.compile(r"\s*\\fg(?![A-Za-z])(?:\{\})?"), "\u00a0»"),
]
# What Zotero writes for italics, bold, small capitals, superscripts (<i>, <b>, <sc>, <sup>): the text stays.
FORMATTING = re.compile(
    r"\\(?:textit|textbf|textsc|textsl|textup|textrm|textsf|texttt|textnormal|emph|textsuperscript|textsubscript"
    r"|enquote|mkbibquote|mkbibemph)\s*(?=\{)"
)
# Escaped specials wait in private-use characters while braces are dropped, then come back as themselves.
ESCAPES = {character: chr(0xE000 + i) for i, character in enumerate("&%$#_{}")}
ESCAPED = re.compile(r"\\([&%$#_{}])")
UNESCAPE = str.maketrans({hidden: character for character, hidden in ESCAPES.items()})
TYPOGRAPHY = [("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"), ("~", "\u00a0")]
# An unescaped % is a LaTeX comment; in a BibTeX value it is text (« 50 % des coopératives »).
BARE_PERCENT = re.compile(r"(?<!\\)%")

FULL = LatexNodes2Text(math_mode="verbatim")
FULL_KEEPING_BRACES = LatexNodes2Text(math_mode="verbatim", keep_braced_groups=True)


def _accent(match):
    mark, letter_mark, braced, bare = match.groups()
    return (braced or bare) + COMBINING[mark or letter_mark]


def to_text(value, keep_braces=False):
    """The value as text: « Cl{\\'e}ment -- {\\oe}uvre » is « Clément – œuvre ».

    `keep_braces` leaves the protecting braces in place, for names: BibTeX reads « {Réseau des CRESS} » whole.
    """
    text, escaped = value, 0
    if "\\" in value or "$" in value:
        text = SYMBOL.sub(lambda match: SYMBOLS[match.group(1)], ACCENT.sub(_accent, value))
        for quote, character in FRENCH_QUOTES:
            text = quote.sub(character, text)
        text, escaped = ESCAPED.subn(lambda match: ESCAPES[match.group(1)], FORMATTING.sub("", text))
        if "\\" in text or "$" in text:
            decoder = FULL_KEEPING_BRACES if keep_braces else FULL
            return unicodedata.normalize("NFC", decoder.latex_to_text(BARE_PERCENT.sub(r"\\%", value)))
    for written, character in TYPOGRAPHY:
        text = text.replace(written, character)
    if not keep_braces:
        text = text.replace("{", "").replace("}", "")
    return unicodedata.normalize("NFC", text.translate(UNESCAPE) if escaped else text)
