"""What every export format reads from a CSL-JSON item, read once: names, dates, pages, identifiers.

The writers (bibtex, ris, table, csljson) differ in syntax only; the meaning of each CSL variable is decided here.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

ORCID_PREFIX = "https://orcid.org/"
# Any run of spaces and line breaks, but not the no-break spaces of French typography.
SPACES = re.compile(r"[^\S\u00a0\u202f]+")
PAGE_RANGE = re.compile(r"^\s*(\S+?)\s*[-\u2010-\u2015]+\s*(\S+)\s*$")


@dataclass(frozen=True)
class Format:
    """An export format: `render(entries)` writes a list of citations.items.CitationEntry as one file's text."""

    name: str
    label: str
    extension: str
    media_type: str
    writer: Callable

    @property
    def content_type(self):
        """The Content-Type header: every format is written in UTF-8."""
        return f"{self.media_type}; charset=utf-8"

    def render(self, entries):
        return self.writer(unique(entries))

    def filename(self, title):
        """A readable attachment name: the title's slug ("l-habitat-cooperatif.bib")."""
        # « L'habitat » gives "l-habitat", not "lhabitat".
        stem = slugify(re.sub(r"['’]", " ", str(title)))
        if len(stem) > 80:
            stem = stem[:81].rpartition("-")[0] or stem[:80]
        return f"{stem.strip('-') or 'reference'}.{self.extension}"


def unique(entries):
    """Each item once, in order: a selection may hold an item twice, and BibTeX keys must differ."""
    return list({entry.key: entry for entry in entries}.values())


def one_line(value):
    """The value on one line: RIS has one line per tag, and CSV and BibTeX readers cope better with it."""
    return SPACES.sub(" ", str(value)).strip() if value not in (None, "") else ""


def names(item, variable="author"):
    """The item's names in order, as (family, given, literal, orcid): literal for organisations, orcid the bare iD."""
    result = []
    for name in item.get(variable) or []:
        orcid = (name.get("ORCID") or "").removeprefix(ORCID_PREFIX)
        literal = one_line(name.get("literal", ""))
        family = one_line(name.get("family", ""))
        if not literal and not family:
            literal = one_line(name.get("given", ""))
        result.append((family, one_line(name.get("given", "")) if family else "", literal, orcid))
    return result


def sorted_name(family, given, literal):
    """« Le Goff, Anne », or the organisation's name as it is."""
    return literal or (f"{family}, {given}" if given else family)


def date_parts(item, variable="issued"):
    """(year, month, day) of the item's date, missing parts None; (None, None, None) without a date."""
    parts = ((item.get(variable) or {}).get("date-parts") or [[]])[0]
    parts = [int(part) if str(part).lstrip("-").isdigit() else None for part in parts[:3]]
    return tuple(parts + [None] * (3 - len(parts)))


def page_range(item):
    """(first, last) page: "12-34" → ("12", "34"), "e1024" → ("e1024", "")."""
    page = one_line(item.get("page", ""))
    match = PAGE_RANGE.match(page)
    return (match.group(1), match.group(2)) if match else (page, "")


def keywords(item):
    """The item's keywords, in order and once each (CSL-JSON keeps them as one comma-separated string)."""
    return list(dict.fromkeys(word.strip() for word in str(item.get("keyword", "")).split(",") if word.strip()))


def address(item):
    """Where the work itself is read: its own address when it has one elsewhere (a journal's site, a
    repository), else its page in the archive. Reference managers keep one URL; this one survives a round trip."""
    return custom(item, "external_url") or one_line(item.get("URL", ""))


def iso_date(item):
    """ISO 8601 as far as the date is known: 2024, 2024-05 or 2024-05-02 ("" without a date)."""
    parts = [part for part in date_parts(item) if part]
    return "-".join([str(parts[0]), *(f"{part:02d}" for part in parts[1:])]) if parts else ""


def custom(item, key):
    return one_line((item.get("custom") or {}).get(key, ""))


def container_title(item):
    """What holds the item: the journal, the book, the proceedings, or the event a talk was given at."""
    return one_line(item.get("container-title") or item.get("event-title") or "")


def place(item):
    """Where it was published, or where the event took place for talks and study days."""
    if item.get("type") in {"speech", "event"}:
        return one_line(item.get("event-place") or item.get("publisher-place") or "")
    return one_line(item.get("publisher-place", ""))
