"""CSL-JSON items: how an archive item describes itself to citations, exports, feeds and harvesters.

Content types build their own item (`Citable.citation_item()`), stored in their search record; every
surface downstream (formats, embedded metadata, OAI-PMH) reads CSL-JSON only, never a content model.
The vocabulary is CSL-JSON's (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), with a
`custom` object for what it has no variable for (HAL id, PDF address, the archive's own kind).
"""

import copy
import re
from dataclasses import dataclass
from urllib.parse import urljoin

# Lower-case words that open a family name: "Anne Le Goff", "Marie de La Tour", "Ludwig van Beethoven".
PARTICLES = {"de", "du", "des", "d'", "la", "le", "les", "van", "von", "der", "den", "di", "da", "del", "dos"}
# Words that make a name an organisation's, cited whole (CSL "literal") rather than split into given and family.
ORGANISATION_WORDS = {
    "association",
    "assemblée",
    "centre",
    "chambre",
    "collectif",
    "comité",
    "conseil",
    "coopérative",
    "cress",
    "fédération",
    "fondation",
    "groupe",
    "institut",
    "laboratoire",
    "mairie",
    "ministère",
    "mutuelle",
    "observatoire",
    "pôle",
    "région",
    "réseau",
    "scic",
    "scop",
    "société",
    "union",
    "université",
    "ville",
}


def person(name, orcid="", affiliation=""):
    """A CSL name from how the archive stores one ("Prénom Nom", or "Nom, Prénom"); ORCID iD and affiliation when known.

    The archive keeps one field per person, as its editors type names; the split follows French usage:
    a particle ("Le Goff", "de La Tour") or capitals ("Jean DUPONT") open the family name, else its last word.
    """
    name = " ".join(name.split())
    words = name.split(" ")
    if "," in name:
        family, _, given = name.partition(",")
        result = {"family": family.strip(), "given": given.strip()}
    elif len(words) == 1 or {w.lower().strip(".,") for w in words} & ORGANISATION_WORDS:
        result = {"literal": name}
    else:
        particles = [i for i, w in enumerate(words[1:], 1) if w.lower() in PARTICLES or w.lower().startswith("d'")]
        start = particles[0] if particles else None
        if start is None:
            capitals = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper() and i > 0]
            start = capitals[0] if capitals else len(words) - 1
        result = {"family": " ".join(words[start:]), "given": " ".join(words[:start])}
    if orcid:
        result["ORCID"] = f"https://orcid.org/{orcid}"
    if affiliation:
        # Not a CSL variable: embedded metadata read it; citeproc and the exporters leave it aside.
        result["affiliation"] = affiliation
    return result


# How many parts of a date are known, by precision (resources.models.DatePrecision).
PRECISION_PARTS = {"year": 1, "month": 2, "day": 3}


def date_parts(date, end=None, precision="day"):
    """A CSL date: {"date-parts": [[2007, 5, 3]]}, [[2007]] for a year only, or a range when `end` is another day."""
    if date is None:
        return None
    parts = [[date.year, date.month, date.day][: PRECISION_PARTS.get(precision, 3)]]
    if end and end != date:
        parts.append([end.year, end.month, end.day])
    return {"date-parts": parts}


def compact(item):
    """The item without its empty values: CSL processors and exporters treat "" as a value."""
    cleaned = {}
    for key, value in item.items():
        if isinstance(value, dict):
            value = compact(value)
        if value not in (None, "", [], {}):
            cleaned[key] = value
    return cleaned


@dataclass
class CitationEntry:
    """One item ready to export: a stable key, and its CSL-JSON item with absolute addresses."""

    key: str
    item: dict

    @property
    def kind(self):
        return self.item.get("custom", {}).get("kind", "")


def entry_key(source):
    """A citation key that stays the same for an item across exports ("kb-page-12"), safe in BibTeX and RIS."""
    return "kb-" + re.sub(r"[^A-Za-z0-9]+", "-", source).strip("-")


def entry(source, item, url, base_url):
    """The CitationEntry of a stored item: its id set, its page and PDF addresses made absolute on `base_url`."""
    item = copy.deepcopy(item)
    key = entry_key(source)
    item["id"] = key
    item["URL"] = urljoin(base_url, url)
    custom = item.setdefault("custom", {})
    if custom.get("pdf_url"):
        custom["pdf_url"] = urljoin(base_url, custom["pdf_url"])
    return CitationEntry(key=key, item=item)


class Citable:
    """Mixin for the content types that can be cited.

    `citation_item()` returns the CSL-JSON item: no "id" and no "URL" (the page's own address is the
    record's; `entry()` adds both for a given host), and "custom": {"kind": the record's kind,
    "pdf_url": a relative address of the full text when its readers may open it, "hal_id": ...}.
    """

    def citation_item(self):
        raise NotImplementedError
