"""The formatted reference of an item, as shown on its page and copied by readers.

citeproc-py renders the CSL-JSON item with the project's own French author-date style
(citations/styles/ess-auteur-date.csl) and the fr-FR locale it ships; nothing here assembles a reference by hand.
"""

import html
import json
import logging
import re
import threading
from functools import cache, lru_cache
from pathlib import Path
from types import SimpleNamespace

from citeproc import VARIABLES, Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON

from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)

STYLE_PATH = Path(__file__).parent / "styles" / "ess-auteur-date.csl"
LOCALE = "fr-FR"
# What citeproc-py reads of an item: it warns on anything else (the archive's "custom", a name's "ORCID").
CITEPROC_VARIABLES = {name.replace("_", "-") for name in VARIABLES} | {"type"}
NAME_PARTS = {"family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle"}
FORMATTING = ["Italic", "Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript", "SmallCaps"]

# citeproc-py escapes nothing it renders. In HTML it marks its formatting with private-use characters; the
# reference is escaped whole, then only these marks become tags (readers' data cannot hold them, see `clean`).
OPEN, CLOSE = "\ue000", "\ue001"
TAGS = {
    "Italic": ("<i>", "</i>"),
    "Oblique": ("<i>", "</i>"),
    "Bold": ("<b>", "</b>"),
    "Light": ("", ""),
    "Underline": ("<u>", "</u>"),
    "Superscript": ("<sup>", "</sup>"),
    "Subscript": ("<sub>", "</sub>"),
    "SmallCaps": ('<span class="small-caps">', "</span>"),
}
MARK = re.compile(f"{OPEN}(/?)([A-Za-z]+){CLOSE}")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# A title ending in « ? » or « ! » takes no period after it, whatever formatting closes in between.
DOUBLE_STOP = re.compile(f"([?!…])((?:{OPEN}/[A-Za-z]+{CLOSE})*)\\.")
# Collapse the spaces the style's groups leave, not the no-break spaces of French typography (« s. d. », « : »).
SPACES = re.compile(r"[ \t\r\n]+")
URL = re.compile(r"https?://[^\s<>\"\ue000]+[^\s<>\"\ue000.,;:)\]]")
LINK = re.compile(f"{OPEN}Link{CLOSE}(.*?){OPEN}/Link{CLOSE}")
PAGES = re.compile("(p\\.\u00a0[0-9A-Za-z]+-[0-9A-Za-z]+)")


def _marker(name):
    return lambda text: f"{OPEN}{name}{CLOSE}{text}{OPEN}/{name}{CLOSE}"


FORMATTERS = {
    "html": SimpleNamespace(preformat=str, **{name: _marker(name) for name in FORMATTING}),
    "text": SimpleNamespace(preformat=str, **dict.fromkeys(FORMATTING, str)),
}


@cache
def _style(output):
    """The parsed style and its lock, one per output: citeproc-py sets its formatter on the style it renders."""
    return CitationStylesStyle(str(STYLE_PATH), locale=LOCALE, validate=False), threading.Lock()


def _render(item, output):
    style, lock = _style(output)
    source = CiteProcJSON([clean(item)])
    # Rendering writes into the parsed style (the formatter, the layout's state): one rendering at a time.
    with lock:
        bibliography = CitationStylesBibliography(style, source, FORMATTERS[output])
        bibliography.register(Citation([CitationItem("item")]))
        rendered = str(bibliography.bibliography()[0])
    return DOUBLE_STOP.sub(r"\1\2", SPACES.sub(" ", rendered)).strip()


def _safely(item, output):
    """The rendering, or the bare title when citeproc-py fails on an item: a page never breaks on a reference."""
    return _remembered(json.dumps(item, sort_keys=True, ensure_ascii=False, default=str), output)


# citeproc-py takes some 9 ms a reference: a list export of 1,000 items would take 9 s each time without this.
@lru_cache(maxsize=4096)
def _remembered(item_json, output):
    item = json.loads(item_json)
    try:
        return _render(item, output)
    except Exception:
        logger.exception("citations: citeproc-py could not render the item %r (%s)", item.get("id"), item.get("type"))
        return PRIVATE_USE.sub("", str(item.get("title", "")))


def reference_text(item):
    """The reference as plain text, for copying and for the CSV export."""
    return _safely(item, "text")


def reference_html(item):
    """The reference as safe HTML: whole works and containers in italics, the DOI or address as a link."""
    marked = URL.sub(lambda m: f"{OPEN}Link{CLOSE}{m.group(0)}{OPEN}/Link{CLOSE}", _safely(item, "html"))
    escaped = html.escape(marked, quote=False)  # an address holds no double quote (see URL)
    linked = PAGES.sub(r'<span class="cite__pages">\1</span>', LINK.sub(r'<a href="\1">\1</a>', escaped))
    return mark_safe(MARK.sub(lambda m: TAGS[m.group(2)][1 if m.group(1) else 0], linked))  # noqa: S308 - escaped above


def clean(item):
    """The item as citeproc-py reads it: its own variables only, names without ORCID, one date for the year.

    citeproc-py knows the event title by its former name "event", and renders nothing for the year of a
    date range within one year: the style shows the year only, so the range's first day is enough.
    """
    cleaned = {"id": "item", "type": "document"}
    for key, value in item.items():
        key = "event" if key == "event-title" else key
        if key in CITEPROC_VARIABLES and key != "id" and value not in (None, "", [], {}):
            cleaned[key] = _clean_value(value)
    for variable in ("issued", "event-date"):
        parts = (cleaned.get(variable) or {}).get("date-parts") or []
        if parts and parts[0]:
            cleaned[variable] = {"date-parts": parts[:1]}
        else:
            cleaned.pop(variable, None)
    return cleaned


def _clean_value(value):
    if isinstance(value, str):
        return PRIVATE_USE.sub("", value)
    if isinstance(value, list) and all(isinstance(name, dict) for name in value):
        return [{part: _clean_value(text) for part, text in name.items() if part in NAME_PARTS} for name in value]
    return value
