"""BibTeX and BibLaTeX files (Zotero, JabRef and HAL exports, and the archive's own) read into CSL-JSON items.

bibtexparser 2 splits the file (a broken entry becomes a failed block, the next ones are still read), resolves
@string macros (their # joins here) and month names; names are split by its BibTeX rules, LaTeX decoded by .latex.

Entry type                                  CSL type            genre
article                                     article-journal
book, mvbook, collection, proceedings       book
inbook, incollection, inreference           chapter
inproceedings, conference                   paper-conference
phdthesis / mastersthesis                   thesis              « Thèse de doctorat » / « Mémoire »
thesis (BibLaTeX)                           thesis              from its type: phdthesis, mathesis or as written
techreport, report                          report              its type as written (« Rapport d'étude »)
unpublished                                 manuscript
online, www, electronic                     webpage
misc and anything else                      document
Fields: author (ORCID iDs from BibLaTeX's author+an:orcid = {1="0000-…"} or an orcid field, in author order),
title (+ subtitle), journal/journaltitle/booktitle → container-title, eventtitle, publisher (else school,
institution, organization), address/location, volume, number (issue; a report's number), pages, date or
year/month/day, doi, url, hal_id or eprint with eprinttype = hal, language (else langid), keywords, abstract,
file (Zotero's « Full Text PDF:files/12/x.pdf:application/pdf », JabRef's « :x.pdf:PDF »: the first PDF).
crossref: the child takes the publication fields it lacks from its parent, the parent's title as booktitle.
Everything else (editor, isbn, issn, note, series, edition, urldate, hal_version…) is listed as ignored.
"""

import logging
import re
from functools import partial

import bibtexparser
from bibtexparser.middlewares import BlockMiddleware, MonthIntMiddleware, NormalizeFieldKeys, default_parse_stack
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ImplicitComment,
    ParsingFailedBlock,
)

from django.utils.translation import gettext as _

from citations.formats.common import one_line
from citations.items import compact

from . import RowProblem, SourceRecord
from .common import (
    issued,
    keyword,
    missing_title,
    orcid_url,
    page,
    paragraphs,
    pdf_path,
    split_list,
    thesis_genre,
)
from .latex import to_text

logger = logging.getLogger(__name__)

TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "proceedings": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inreference": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "unpublished": "manuscript",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
}
# Addresses and identifiers are read verbatim: LaTeX would take the % of an address for a comment.
VERBATIM = {"doi", "url", "file", "hal_id", "eprint", "eprinttype", "orcid", "author+an:orcid", "crossref"}
TEXT = {
    "title",
    "subtitle",
    "journal",
    "journaltitle",
    "booktitle",
    "eventtitle",
    "publisher",
    "school",
    "institution",
    "organization",
    "address",
    "location",
    "volume",
    "number",
    "pages",
    "year",
    "month",
    "day",
    "date",
    "language",
    "langid",
    "keywords",
    "abstract",
    "type",
}
# What a child entry takes from its crossref parent: how it was published, never the parent's own identifiers.
INHERITED = {
    "booktitle",
    "eventtitle",
    "publisher",
    "school",
    "institution",
    "organization",
    "address",
    "location",
    "volume",
    "year",
    "month",
    "date",
    "language",
    "langid",
}
# One piece of a # join: "text", {text} (one level of braces inside) or a macro, then # or the end.
CONCATENATED = re.compile(
    r'\s*(?:"(?P<quoted>(?:[^"{}]|\{[^{}]*\})*)"|\{(?P<braced>(?:[^{}]|\{[^{}]*\})*)\}|(?P<macro>[\w:.+/-]+))\s*(?:#|$)'
)
ANNOTATION = re.compile(r'(\d+)\s*=\s*"([^"]*)"')
# A file field lists attachments as description:path:type, separated by ";", with "\:" for a colon in a path.
ATTACHMENTS = re.compile(r"(?<!\\);")
ATTACHMENT_PARTS = re.compile(r"(?<!\\):")
# An entry's fields after its closing brace: an extra "}" closed it early, and BibTeX would drop the rest.
STRAY_FIELDS = re.compile(r"^\s*,?\s*[A-Za-z][\w+:-]*\s*=")
ENTRY_KEY = re.compile(r"@\w+\s*[{(]\s*([^,\s]+)")
MONTHS_FR = {
    name: number
    for number, names in enumerate(
        [
            "janvier janv",
            "février fevrier févr fevr",
            "mars",
            "avril avr",
            "mai",
            "juin",
            "juillet juil",
            "août aout",
            "septembre sept",
            "octobre oct",
            "novembre nov",
            "décembre decembre déc dec",
        ],
        1,
    )
    for name in names.split()
}


class JoinConcatenations(BlockMiddleware):
    """BibTeX's # joins (journal = recma # " (Paris)"): bibtexparser resolves a @string only as a whole value.

    It runs first, on values still enclosed; a join naming an unknown macro is left as it is written."""

    def __init__(self):
        super().__init__(allow_inplace_modification=True, allow_parallel_execution=True)

    def transform_entry(self, entry, library):
        macros = {key.lower(): string.value for key, string in library.strings_dict.items()}
        for field in entry.fields:
            if isinstance(field.value, str) and "#" in field.value:
                joined = _joined(field.value, macros)
                if joined is not None:
                    field.value = f"{{{joined}}}"
        return entry


def _joined(value, macros):
    pieces, position = [], 0
    while position < len(value):
        piece = CONCATENATED.match(value, position)
        if piece is None:
            return None
        quoted, braced, macro = piece.group("quoted", "braced", "macro")
        if macro is not None and not macro.isdecimal():
            macro = macros.get(macro.lower())
            if macro is None:
                return None
            macro = macro[1:-1] if macro[:1] in '{"' else macro
        pieces.append(next(text for text in (quoted, braced, macro) if text is not None))
        position = piece.end()
    return "".join(pieces) if len(pieces) > 1 else None


def read(text):
    """Every entry of a BibTeX text, in file order, each with its problems."""
    stack = [JoinConcatenations(), *default_parse_stack(), NormalizeFieldKeys(), MonthIntMiddleware()]
    library = bibtexparser.parse_string(text, parse_stack=stack)
    decoded = {id(entry): _fields(entry) for entry in library.entries}
    parents = {}
    for entry in library.entries:
        parents.setdefault(entry.key.lower(), decoded[id(entry)])
    records = []
    for block in library.blocks:
        if isinstance(block, Entry):
            records.append(_record(block, decoded[id(block)], parents))
        elif isinstance(block, ParsingFailedBlock):
            records.append(_failed(block))
        elif isinstance(block, ImplicitComment) and records and STRAY_FIELDS.match(block.comment):
            message = _("Une accolade fermante en trop termine la référence avant ses derniers champs : retirez-la.")
            records[-1].problems.append(RowProblem("}", message))
    return records


def _fields(entry):
    """The entry's fields as text: LaTeX decoded (names keep their braces, which BibTeX reads), verbatim kept."""
    fields = {}
    for field in entry.fields:
        if field.key == "author":
            fields[field.key] = to_text(str(field.value), keep_braces=True)
        elif field.key in TEXT and isinstance(field.value, str):
            fields[field.key] = to_text(field.value)
        else:
            fields[field.key] = field.value
    return fields


def _record(entry, fields, parents):
    fields = dict(fields)
    problems = _inherit(fields, parents)
    item, read_fields = _item(entry.entry_type, fields)
    ignored = [key for key in fields if key not in read_fields]
    problems += missing_title(item, "title")
    return SourceRecord(entry.start_line + 1, entry.key, item, ignored, problems)


def _inherit(fields, parents):
    """Resolve crossref by hand: bibtexparser 2 leaves it to its users."""
    parent_key = str(fields.pop("crossref", "")).strip()
    if not parent_key:
        return []
    parent = parents.get(parent_key.lower())
    if parent is None:
        message = _("La référence parente « %(key)s » (crossref) n'est pas dans le fichier.") % {"key": parent_key}
        return [RowProblem("crossref", message)]
    if "title" in parent:
        fields.setdefault("booktitle", parent["title"])
    for key in INHERITED & parent.keys():
        fields.setdefault(key, parent[key])
    return []


def _item(entry_type, fields):
    """The CSL item of one entry, and the fields it read."""
    get = partial(_text, fields)
    csl_type = TYPES.get(entry_type, "document")
    title = ": ".join(filter(None, [get("title"), get("subtitle")]))
    item = {
        "type": csl_type,
        "genre": _genre(entry_type, get("type")),
        "title": title,
        "author": _authors(fields),
        "issued": _issued(fields),
        "container-title": get("journaltitle") or get("journal") or get("booktitle"),
        "event-title": get("eventtitle"),
        "publisher": get("publisher") or get("school") or get("institution") or get("organization"),
        "publisher-place": get("location") or get("address"),
        "volume": get("volume"),
        ("number" if csl_type == "report" else "issue"): get("number"),
        "page": page(get("pages")),
        "DOI": get("doi"),
        "URL": get("url"),
        "language": get("language") or get("langid"),
        "abstract": paragraphs(fields.get("abstract", "")),
        "keyword": keyword(split_list(get("keywords"))),
        "custom": {"hal_id": _hal_id(fields), "file": _attached_pdf(get("file"))},
    }
    read_fields = TEXT | VERBATIM | {"author"}
    if _text(fields, "eprinttype").lower() != "hal":
        read_fields = read_fields - {"eprint", "eprinttype"}
    return compact(item), read_fields


def _text(fields, key):
    return one_line(fields.get(key, ""))


def _genre(entry_type, written):
    if entry_type == "phdthesis":
        return "Thèse de doctorat"
    if entry_type == "mastersthesis":
        return "Mémoire"
    if entry_type == "thesis":
        return thesis_genre(written)
    return written if TYPES.get(entry_type) == "report" else ""


def _issued(fields):
    """BibLaTeX's ISO date, else year, month and day; a month that reads as no month keeps the date raw."""
    if date := one_line(fields.get("date", "")):
        return issued(date)
    year, day = one_line(fields.get("year", "")), one_line(fields.get("day", ""))
    month = fields.get("month", "")
    if isinstance(month, str):
        month = one_line(month)
        month = int(month) if month.isdecimal() else MONTHS_FR.get(month.lower().rstrip("."), month)
    if not month:
        return issued(year)
    if isinstance(month, int):
        return issued("-".join(str(part) for part in filter(None, [year, month, day])))
    return {"raw": " ".join(filter(None, [day, month, year]))}


def _authors(fields):
    """The authors in order, with their ORCID iDs (BibLaTeX's annotation by position, else an orcid field)."""
    authors = [_name(name) for name in split_multiple_persons_names(fields.get("author", ""))]
    annotated = {int(index): orcid_url(value) for index, value in ANNOTATION.findall(fields.get("author+an:orcid", ""))}
    listed = [orcid_url(value) for value in split_list(fields.get("orcid", "")) if orcid_url(value)]
    for position, author in enumerate(authors, 1):
        orcid = annotated.get(position) or (listed[position - 1] if position <= len(listed) else "")
        if orcid:
            author["ORCID"] = orcid
    return [author for author in authors if author]


def _name(written):
    """A CSL name from a BibTeX one: « Le Goff, Anne », « Marie de La Tour », « {Réseau des CRESS} » (braced whole:
    an organisation, cited as written). Without a given name, the name is cited whole too."""
    written = written.replace("\u00a0", " ").strip()
    if _braced_whole(written):
        return {"literal": _unbraced([written])}
    parts = parse_single_name_into_parts(written, strict=False)
    family, given = _unbraced(parts.von + parts.last), _unbraced(parts.first)
    if not given:
        return {"literal": family} if family else {}
    return compact({"family": family, "given": given, "suffix": _unbraced(parts.jr)})


def _unbraced(words):
    return one_line(" ".join(words).replace("{", "").replace("}", ""))


def _braced_whole(text):
    """Whether one pair of braces holds the whole text: « {Réseau des CRESS} », not « {Le Goff}, {Anne} »."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for position, character in enumerate(text):
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth == 0:
            return position == len(text) - 1
    return False


def _hal_id(fields):
    if fields.get("hal_id"):
        return one_line(fields["hal_id"])
    if one_line(fields.get("eprinttype", "")).lower() == "hal":
        return one_line(fields.get("eprint", ""))
    return ""


def _attached_pdf(value):
    """The path of the first PDF a Zotero, JabRef or Mendeley file field lists."""
    for attachment in ATTACHMENTS.split(value):
        parts = [part.replace("\\:", ":").replace("\\\\", "\\") for part in ATTACHMENT_PARTS.split(attachment)]
        path = parts[1] if len(parts) >= 3 else parts[0]
        if path := pdf_path(path):
            return path
    return ""


def _failed(block):
    """A record for an entry bibtexparser could not read, so the documentalist sees where and why."""
    key = getattr(block, "key", "") or _key_of(block.raw or "")
    if isinstance(block, DuplicateBlockKeyBlock):
        message = _("Une autre référence porte déjà la clé « %(key)s » : donnez-lui une clé à elle.") % {"key": key}
        problem = RowProblem("key", message)
    elif isinstance(block, DuplicateFieldKeyBlock):
        names = ", ".join(sorted(block.duplicate_keys))
        message = _("Le champ « %(fields)s » figure deux fois dans la référence : gardez-en un.") % {"fields": names}
        problem = RowProblem(sorted(block.duplicate_keys)[0], message)
    else:
        message = _(
            "Référence illisible : une accolade ou un guillemet n'est pas refermé, ou une virgule manque entre "
            "deux champs. Les références suivantes sont lues."
        )
        problem = RowProblem("", message)
    reason = getattr(block.error, "abort_reason", block.error)
    logger.info("BibTeX entry %r (line %s) not read: %s", key, (block.start_line or 0) + 1, reason)
    return SourceRecord((block.start_line or 0) + 1, key, {}, [], [problem])


def _key_of(raw):
    match = ENTRY_KEY.match(raw.lstrip())
    return match.group(1) if match else ""
