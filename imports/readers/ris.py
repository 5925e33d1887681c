"""RIS files (Zotero, EndNote and PMB exports, and the archive's own) read into CSL-JSON items with rispy.

The text is cut at each TY line and each record read by rispy alone: a record without its ER line is named
(rispy would merge it with the next one, or drop the last), and each keeps the line of its TY.

TY                                          CSL type            genre
JOUR, JFULL, MGZN, NEWS                     article-journal, article-magazine, article-newspaper
CHAP                                        chapter
BOOK, EBOOK, EDBOOK                         book
THES                                        thesis              M3: « Thèse de doctorat », « Mémoire » or as written
RPRT                                        report              M3 as written (« Rapport d'étude »)
CPAPER, CONF                                paper-conference
UNPB                                        manuscript
ELEC, WEB, BLOG                             webpage, post-weblog
DATA, SLIDE                                 dataset, speech
GEN and anything else                       document
Tags: AU and A1 (authors in order) with the archive's own notes « N1  - ORCID Le Goff, Anne : https://orcid.org/… »;
TI or T1; T2, JF, JO, JA, J2 or BT → container-title; PB; CY or PP; DA, PY or Y1 (the one saying most); VL; IS;
SP and EP; DO (or a DOI that old EndNote versions put in M3); UR; LA; AB or N2 (EndNote's abstract); KW;
AN → HAL id when it is one; L1, L2, L4 → the first PDF path (file://, EndNote's internal-pdf:// or relative).
Everything else (ID is the label; SN, ET, A2/ED editors, M1, other N1 notes, Y2…) is listed as ignored.
"""

import html
import logging
import re
from functools import partial
from itertools import pairwise

from rispy import RisParser
from rispy.config import TAG_KEY_MAPPING

from django.utils.translation import gettext as _

from citations.formats.common import one_line
from citations.items import compact

from . import RowProblem, SourceRecord
from .common import (
    hal_id,
    issued,
    keyword,
    missing_title,
    name_key,
    orcid_url,
    page,
    paragraphs,
    pdf_path,
    sorted_name,
    thesis_genre,
)

logger = logging.getLogger(__name__)

TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "CHAP": "chapter",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "THES": "thesis",
    "RPRT": "report",
    "CPAPER": "paper-conference",
    "CONF": "paper-conference",
    "UNPB": "manuscript",
    "ELEC": "webpage",
    "WEB": "webpage",
    "BLOG": "post-weblog",
    "DATA": "dataset",
    "SLIDE": "speech",
}
# Tags are kept as they are written, each a list of its values in order.
TAGS = {tag: tag for tag in TAG_KEY_MAPPING} | {"BT": "BT", "PP": "PP", "ED": "ED", "unknown": "unknown"}
REPEATED = ["AU", "A1", "A2", "A3", "A4", "ED", "KW", "N1", "UR", "L1", "L2", "L4"]
CONTAINERS = ["T2", "JF", "JO", "JA", "J2", "BT"]
DATES = ["DA", "PY", "Y1"]
FILES = ["L1", "L2", "L4", "UR"]
READ = {"TY", "ID", "AU", "A1", "TI", "T1", "PB", "CY", "PP", "VL", "IS", "SP", "EP", "DO", "UR", "LA", "AB", "N2"}
READ |= {"KW", *CONTAINERS, *DATES}
# « XX  - », also with one space or none after the dash, as some library catalogues write it.
TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}- ?")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
ORCID_NOTE = re.compile(r"^ORCID\s+(?P<name>.+?)\s*:\s*(?P<orcid>\S+)$")
HTML_TAG = re.compile(r"<[^>]+>")


class _Parser(RisParser):
    """rispy's parser, its unknown tags gathered under a name no tag can have (a file may hold a "UK" tag)."""

    UNKNOWN_TAG = "unknown"


def read(text):
    """Every record of an RIS text, in file order, each with its problems."""
    lines = [TAG_LINE.sub(r"\1  - ", line) for line in text.split("\n")]
    starts = [number for number, line in enumerate(lines) if line.startswith("TY  -")]
    records = _stray(lines[: starts[0] if starts else len(lines)], 0)
    for start, end in pairwise([*starts, len(lines)]):
        record = lines[start:end]
        stop = next((number + 1 for number, line in enumerate(record) if line.startswith("ER  -")), len(record))
        records.append(_record(record[:stop], start + 1))
        records += _stray(record[stop:], start + stop)
    return records


def _stray(lines, offset):
    """A refused record for tags outside any reference: its TY line is damaged, and the reference would be lost."""
    number = next((number for number, line in enumerate(lines) if TAG_LINE.match(line)), None)
    if number is None:
        return []
    line = offset + number + 1
    message = _("Des champs hors de toute référence : la ligne TY qui devait les ouvrir manque ou est abîmée.")
    return [SourceRecord(line, _("ligne %(line)s") % {"line": line}, {}, [], [RowProblem("TY", message)])]


def _record(lines, line_number):
    parser = _Parser(mapping=TAGS, list_tags=REPEATED, delimiter_tags_mapping={}, enforce_list_tags=False)
    label = _("ligne %(line)s") % {"line": line_number}
    problems = []
    if not any(line.startswith("ER  -") for line in lines):
        problems.append(RowProblem("ER", _("La référence s'arrête avant sa ligne ER : le fichier est-il complet ?")))
        lines = [*lines, "ER  - "]
    try:
        tags = _tags(parser.parse_lines(iter(lines))[0])
    except TypeError:
        # rispy fails on a line continuing a tag that was repeated (two TI, then a line without a tag).
        logger.info("RIS record at line %s not read", line_number, exc_info=True)
        message = _("Référence illisible : un champ unique (TI, AB…) figure deux fois et continue sur une autre ligne.")
        return SourceRecord(line_number, label, {}, [], [RowProblem("", message)])
    first = partial(_first, tags)
    item, read_tags = _item(tags, first)
    problems = missing_title(item, "TI") + problems
    ignored = [tag for tag in tags if tag not in read_tags]
    return SourceRecord(line_number, first("ID") or label, item, ignored, problems)


def _first(tags, tag):
    return next(iter(tags.get(tag, [])), "")


def _tags(record):
    """Each tag with the list of its values, unknown tags included."""
    unknown = record.pop(_Parser.UNKNOWN_TAG, {})
    tags = {tag: value if isinstance(value, list) else [value] for tag, value in record.items()}
    tags.update(unknown)
    return {tag: [one_line(value) for value in values if one_line(value)] for tag, values in tags.items()}


def _item(tags, first):
    """The CSL item of one record, and the tags it read."""
    ris_type = first("TY").upper()
    csl_type = TYPES.get(ris_type, "document")
    work_type = first("M3")
    doi = first("DO") or (work_type if DOI.match(work_type) else "")
    if doi == work_type:
        work_type = ""
    authors = [name for name in map(sorted_name, tags.get("AU", []) + tags.get("A1", [])) if name]
    read_tags = set(READ)
    orcid_notes = _attach_orcids(authors, tags.get("N1", []))
    if orcid_notes == len(tags.get("N1", [])):
        read_tags.add("N1")
    genre = thesis_genre(work_type) if csl_type == "thesis" else work_type if csl_type == "report" else ""
    if genre or not work_type:
        read_tags.add("M3")
    hal = hal_id(first("AN"))
    if hal:
        read_tags.add("AN")
    files = [(tag, path) for tag in FILES for path in map(pdf_path, tags.get(tag, [])) if path]
    read_tags |= {tag for tag, _path in files}
    item = {
        "type": csl_type,
        "genre": genre,
        "title": first("TI") or first("T1"),
        "author": authors,
        "issued": _issued([first(tag) for tag in DATES]),
        "container-title": next((first(tag) for tag in CONTAINERS if first(tag)), ""),
        "publisher": first("PB"),
        "publisher-place": first("CY") or first("PP"),
        "volume": first("VL"),
        "issue": first("IS"),
        "page": page("-".join(filter(None, [first("SP"), first("EP")]))),
        "DOI": doi,
        "URL": next((url for url in tags.get("UR", []) if not pdf_path(url)), ""),
        "language": first("LA"),
        "abstract": paragraphs(first("AB") or first("N2")),
        "keyword": keyword(tags.get("KW", [])),
        "custom": {"hal_id": hal, "file": files[0][1] if files else ""},
    }
    return compact(item), read_tags


def _issued(dates):
    """The date that says most of DA, PY and Y1 (EndNote writes PY 2018 and DA 2018/03//)."""
    dates = [issued(date) for date in dates if date]
    read = [date for date in dates if "date-parts" in date]
    if read:
        return max(read, key=lambda date: len(date["date-parts"][0]))
    return next(iter(dates), None)


def _attach_orcids(authors, notes):
    """Give each author the iD of the archive's « ORCID Le Goff, Anne : https://orcid.org/… » notes (Zotero wraps
    them in HTML); returns how many notes were such iDs."""
    by_name = {name_key(author): author for author in authors}
    attached = 0
    for note in notes:
        match = ORCID_NOTE.match(one_line(html.unescape(HTML_TAG.sub("", note))))
        author = by_name.get(one_line(match.group("name")).casefold()) if match else None
        if author is not None and orcid_url(match.group("orcid")):
            author["ORCID"] = orcid_url(match.group("orcid"))
            attached += 1
    return attached
