"""CSL-JSON files (Zotero, Pandoc, citeproc, and the archive's own export) read as they are: the archive's vocabulary.

A JSON array of CSL items, or an object whose "items" is one. Each item is kept whole (its "custom" too); what the
archive does not keep (ISBN, ISSN, note, editor, collection-title, edition, accessed…) is listed as ignored.
"""

import copy
import json
import re

from django.utils.translation import gettext as _

from . import RowProblem, SourceRecord, UnreadableFile
from .common import missing_title

# The variables the mapping reads; "id" names the item and "custom" carries the archive's own data.
KEPT = {"id", "type", "genre", "title", "author", "issued", "container-title", "event-title", "publisher"}
KEPT |= {"publisher-place", "event-place", "volume", "issue", "number", "page", "DOI", "URL", "language"}
KEPT |= {"abstract", "keyword", "custom"}
SPACE = re.compile(r"[ \t\n\r]*")


def read(text):
    """Every item of a CSL-JSON text, in order, each at the line where it starts."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        message = _(
            "Ce fichier n'est pas du JSON valide (ligne %(line)s, colonne %(column)s) : une virgule, un guillemet, "
            "un crochet ou une accolade y manque sans doute."
        )
        raise UnreadableFile(message % {"line": error.lineno, "column": error.colno}) from None
    items = document.get("items") if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise UnreadableFile(
            _("Ce fichier JSON n'est pas une liste de références CSL-JSON : il doit être un tableau [ … ] d'objets.")
        )
    lines = _item_lines(text, document)
    return [_record(item, number, line) for number, (item, line) in enumerate(zip(items, lines, strict=True), 1)]


def _record(item, number, line):
    label = str(item.get("id") or "") if isinstance(item, dict) else ""
    label = label or _("référence n° %(number)s") % {"number": number}
    if not isinstance(item, dict):
        return SourceRecord(line, label, {}, [], [RowProblem("", _("Une référence doit être un objet JSON { … }."))])
    item = copy.deepcopy(item)
    if isinstance(item.get("title", ""), str):
        problems = missing_title(item, "title")
    else:
        problems = [RowProblem("title", _("Le titre doit être un texte."))]
    if not isinstance(item.get("author", []), list) or not all(isinstance(a, dict) for a in item.get("author", [])):
        problems.append(RowProblem("author", _("Les auteurs doivent être une liste d'objets (family, given).")))
    if isinstance(item.get("issued"), dict):
        item["issued"] = _issued(item["issued"])
    elif "issued" in item:
        problems.append(RowProblem("issued", _("La date doit être un objet (date-parts ou raw).")))
    return SourceRecord(line, label, item, [key for key in item if key not in KEPT], problems)


def _issued(date):
    """The date with its parts as numbers: Zotero writes the year as a string ("2019"); parts that are no numbers
    leave the date raw, as written."""
    parts = (date.get("date-parts") or [None])[0]
    if not isinstance(parts, list):
        return date
    if all(str(part).strip().isdecimal() for part in parts):
        return {**date, "date-parts": [[int(str(part).strip()) for part in parts]]}
    return {"raw": "-".join(str(part) for part in parts)}


def _item_lines(text, document):
    """The line each item starts at. json.loads keeps no places: the items are read again one by one with
    raw_decode from the "[" of their array, counting line ends on the way."""
    decoder = json.JSONDecoder()
    position = _items_array(text, document, decoder) + 1
    lines, line = [], 1 + text.count("\n", 0, position)
    while True:
        start = _next_value(text, position)
        if text[start] == "]":
            return lines
        line += text.count("\n", position, start)
        lines.append(line)
        position = decoder.raw_decode(text, start)[1]
        line += text.count("\n", start, position)


def _items_array(text, document, decoder):
    """Where the array of items opens: the document itself, or the value of its "items" member."""
    position = _next_value(text, 0)
    if isinstance(document, list):
        return position
    position += 1
    while True:
        key, position = decoder.raw_decode(text, _next_value(text, position))
        value = _next_value(text, SPACE.match(text, position).end() + 1)  # past the colon
        if key == "items":
            return value
        position = decoder.raw_decode(text, value)[1]


def _next_value(text, position):
    """Where the next value starts: past spaces and one comma."""
    position = SPACE.match(text, position).end()
    if text[position] == ",":
        position = SPACE.match(text, position + 1).end()
    return position
