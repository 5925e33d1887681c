"""RIS export, the tagged format EndNote, Zotero, Mendeley and most library catalogues import.

Written by hand: RIS is one "TAG  - value" line per field, and rispy, the one maintained RIS library, is what the
tests read it back with, so they check these lines against an independent reader rather than against themselves.

CSL type                                      TY       container in
article-journal, article                      JOUR     T2 (the journal)
article-magazine / article-newspaper          MGZN / NEWS
chapter                                       CHAP     T2 (the book)
book                                          BOOK
thesis                                        THES     M3 = the genre (« Thèse de doctorat »)
report                                        RPRT     M3 = the genre
paper-conference                              CPAPER   T2 (the proceedings, else the event)
speech (a talk)                               SLIDE    T2 = the event, CY = where it took place
event (a study day)                           CONF     CY = where it took place
webpage / post-weblog                         ELEC / BLOG
dataset                                       DATA
document and anything else                    GEN
Other tags: AU (authors in order, « Family, Given » or the organisation), A2 (editors), PY and DA (year;
YYYY/MM/DD/), PB, CY, VL, IS, SP/EP, DO, UR (the work's own address, else its page in the archive), L1 (its PDF),
LA, KW (one per keyword), AB, AN = the HAL id (an accession number in a repository, which is what HAL is).
RIS has no tag for an ORCID iD: each known iD goes into a note, « N1  - ORCID Le Goff, Anne : https://orcid.org/… »,
which Zotero keeps as a note.
"""

from .common import (
    ORCID_PREFIX,
    address,
    container_title,
    custom,
    date_parts,
    keywords,
    names,
    one_line,
    page_range,
    place,
    sorted_name,
)

RIS_TYPES = {
    "article": "JOUR",
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "chapter": "CHAP",
    "book": "BOOK",
    "thesis": "THES",
    "report": "RPRT",
    "paper-conference": "CPAPER",
    "speech": "SLIDE",
    "event": "CONF",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "dataset": "DATA",
}
# The RIS specification ends its lines with CR LF; every reader accepts them.
NEWLINE = "\r\n"


def _date(item):
    year, month, day = date_parts(item)
    if not year:
        return ""
    return f"{year}/{f'{month:02d}' if month else ''}/{f'{day:02d}' if day else ''}/"


def lines(entry):
    """The (tag, value) pairs of one entry, in the order Zotero writes them."""
    item = entry.item
    year, _month, _day = date_parts(item)
    first, last = page_range(item)
    authors = names(item)
    pairs = [("TY", RIS_TYPES.get(item.get("type", ""), "GEN")), ("ID", entry.key)]
    pairs += [("AU", sorted_name(family, given, literal)) for family, given, literal, _orcid in authors]
    pairs += [("A2", sorted_name(family, given, literal)) for family, given, literal, _ in names(item, "editor")]
    pairs += [
        ("TI", item.get("title")),
        ("T2", container_title(item) if item.get("type") != "event" else ""),
        ("M3", item.get("genre")),
        ("PY", year),
        ("DA", _date(item)),
        ("PB", item.get("publisher")),
        ("CY", place(item)),
        ("VL", item.get("volume")),
        ("IS", item.get("issue") or item.get("number")),
        ("SP", first),
        ("EP", last),
        ("DO", item.get("DOI")),
        ("UR", address(item)),
        ("L1", custom(item, "pdf_url")),
        ("AN", custom(item, "hal_id")),
        ("LA", item.get("language")),
    ]
    pairs += [("KW", word) for word in keywords(item)]
    pairs.append(("AB", item.get("abstract")))
    pairs += [
        ("N1", f"ORCID {sorted_name(family, given, literal)}\u00a0: {ORCID_PREFIX}{orcid}")
        for family, given, literal, orcid in authors
        if orcid
    ]
    return [(tag, one_line(value)) for tag, value in pairs if one_line(value)]


def render(entries):
    records = []
    for entry in entries:
        records += [f"{tag}  - {value}" for tag, value in lines(entry)] + ["ER  - ", ""]
    return NEWLINE.join(records)
