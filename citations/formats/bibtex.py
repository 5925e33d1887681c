"""BibTeX export: entries that BibTeX, biber (BibLaTeX) and Zotero all read, written with bibtexparser 2.

Values stay in UTF-8 (biber and Zotero read it; classic BibTeX copes with inputenc) with LaTeX's special
characters escaped; every word of a title holding a capital is braced so that styles keep its case.

CSL type                                   entry            distinctive fields
article-journal, article(-magazine/-newspaper)  @article    journal, volume, number, pages
chapter                                    @incollection    booktitle, publisher, address, pages
book                                       @book            publisher, address
thesis                                     @phdthesis, or @mastersthesis when the genre says master or mémoire;
                                                            school, type (the genre)
report                                     @techreport      institution, type, number
paper-conference                           @inproceedings   booktitle (proceedings, else the event), pages
speech (a talk of a study day)             @misc            howpublished (the event), eventtitle, venue
event (a study day)                        @misc            howpublished (the genre), venue
webpage, post-weblog, dataset, document    @misc            howpublished (the site or the genre), url
Every entry also carries, when known: author and editor in order (organisations braced whole), ORCID iDs as a
BibLaTeX name annotation (author+an:orcid = {1="0000-…"}), year and month (and BibLaTeX's date when the day is
known), doi (bare), url (the work's own address when it has one, else its page in the archive), hal_id and
eprint/eprinttype = hal (BibLaTeX links it), language and langid, keywords, abstract.
"""

import re

from bibtexparser import BibtexFormat, Library, write_string
from bibtexparser.model import Entry, Field

from .common import (
    address,
    container_title,
    custom,
    date_parts,
    iso_date,
    keywords,
    names,
    one_line,
    page_range,
    place,
)

ENTRY_TYPES = {
    "article": "article",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "chapter": "incollection",
    "book": "book",
    "thesis": "phdthesis",
    "report": "techreport",
    "paper-conference": "inproceedings",
}
MASTERS = re.compile(r"master|mémoire|memoire|maîtrise|maitrise|msc|m2\b", re.IGNORECASE)
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# Babel's names, which BibLaTeX's langid expects, for the languages of the archive.
LANGIDS = {"fr": "french", "en": "english", "es": "spanish", "de": "ngerman", "it": "italian", "pt": "portuguese"}
SPECIALS = {
    "\\": r"\textbackslash{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# BibTeX counts every brace, escaped or not: \{ and \} only when they pair up, else LaTeX's named characters.
BRACES = {"{": r"\{", "}": r"\}"}
UNPAIRED_BRACES = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
FORMAT = BibtexFormat()
FORMAT.indent = "  "
FORMAT.block_separator = "\n"


def escape(value):
    """The value with what BibTeX or LaTeX would read as markup escaped."""
    text = one_line(value)
    braces = BRACES if _braces_pair(text) else UNPAIRED_BRACES
    table = {**SPECIALS, **braces}
    return "".join(table.get(character, character) for character in text)


def _braces_pair(text):
    depth = 0
    for character in text:
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth < 0:
            return False
    return depth == 0


def verbatim(value):
    """An address or identifier as BibLaTeX reads it, verbatim: nothing escaped, only braces percent-encoded."""
    return "".join(one_line(value).split()).replace("{", "%7B").replace("}", "%7D")


def protect(value):
    """An escaped title whose words holding a capital are braced: « {L'ESS} à {Nantes} »."""
    return " ".join(f"{{{word}}}" if any(c.isupper() for c in word) else word for word in escape(value).split(" "))


def entry_type(item):
    csl_type = item.get("type", "")
    if csl_type == "thesis" and MASTERS.search(item.get("genre", "")):
        return "mastersthesis"
    return ENTRY_TYPES.get(csl_type, "misc")


def people(item, variable):
    """BibTeX's name list: « Le Goff, Anne and {Réseau des CRESS} »."""
    written = []
    for family, given, literal, _orcid in names(item, variable):
        if literal:
            written.append(f"{{{escape(literal)}}}")
        else:
            family = escape(family)
            # A family name holding "and" or a comma would be split by BibTeX: brace it whole.
            if "," in family or re.search(r"\band\b", family):
                family = f"{{{family}}}"
            written.append(f"{family}, {escape(given)}" if given else family)
    return " and ".join(written)


def orcid_annotation(item):
    """BibLaTeX's per-name annotation: {1="0000-0002-1825-0097"; 3="…"} for the authors with an iD."""
    ids = [f'{i}="{orcid}"' for i, (*_name, orcid) in enumerate(names(item), 1) if orcid]
    return "; ".join(ids)


def fields(item):
    """(BibTeX field, value in BibTeX syntax) for every variable of the item that has one, in the usual order."""
    kind = entry_type(item)
    csl_type = item.get("type")
    year, month, day = date_parts(item)
    first, last = page_range(item)
    container = container_title(item)
    language = one_line(item.get("language", ""))
    hal_id = custom(item, "hal_id")
    publisher_field = "school" if kind.endswith("thesis") else "institution" if kind == "techreport" else "publisher"
    written = [
        ("author", braced(people(item, "author"))),
        ("author+an:orcid", braced(orcid_annotation(item))),
        ("editor", braced(people(item, "editor"))),
        ("title", braced(protect(item.get("title", "")))),
        ("journal", braced(escape(container)) if kind == "article" else ""),
        ("booktitle", braced(protect(container)) if kind in {"incollection", "inproceedings"} else ""),
        ("howpublished", braced(escape(container or item.get("genre", ""))) if kind == "misc" else ""),
        ("eventtitle", braced(escape(item.get("event-title", ""))) if csl_type == "speech" else ""),
        ("venue", braced(escape(place(item))) if csl_type in {"speech", "event"} else ""),
        (publisher_field, braced(escape(item.get("publisher", "")))),
        ("address", braced(escape(place(item)))),
        ("type", braced(escape(item.get("genre", ""))) if kind.endswith("thesis") or kind == "techreport" else ""),
        ("year", braced(year or "")),
        # BibLaTeX's full date: year and month alone would lose the day on the way back.
        ("date", braced(iso_date(item)) if day else ""),
        # A month macro (may, nov…), unbraced: what BibTeX styles and biber both understand.
        ("month", MONTHS[month - 1] if month and 1 <= month <= 12 else ""),
        ("volume", braced(escape(item.get("volume", "")))),
        ("number", braced(escape(item.get("issue") or item.get("number") or ""))),
        ("pages", braced(f"{escape(first)}--{escape(last)}" if last else escape(first))),
        ("doi", braced(verbatim(item.get("DOI", "")))),
        ("url", braced(verbatim(address(item)))),
        ("hal_id", braced(verbatim(hal_id))),
        ("eprint", braced(verbatim(hal_id))),
        ("eprinttype", "{hal}" if hal_id else ""),
        ("language", braced(escape(language))),
        ("langid", braced(LANGIDS.get(language.split("-")[0].lower(), ""))),
        ("keywords", braced(escape(", ".join(keywords(item))))),
        ("abstract", braced(escape(item.get("abstract", "")))),
    ]
    return [(name, value) for name, value in written if value]


def braced(value):
    return f"{{{value}}}" if value else ""


def render(entries):
    library = Library()
    for entry in entries:
        item = entry.item
        library.add(Entry(entry_type(item), entry.key, [Field(name, value) for name, value in fields(item)]))
    return write_string(library, unparse_stack=[], bibtex_format=FORMAT)
