"""Readers turn a bibliography file (BibTeX, RIS, CSL-JSON, CSV, XLSX) into CSL-JSON items, one per reference.

CSL-JSON is the archive's citation vocabulary (citations.items): every format is read into it, so one mapping
(imports.mapping) turns any of them into research papers, and what the archive exports reads back the same way.
"""

import codecs
import logging
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class UnreadableFile(ValueError):
    """The whole file cannot be read (empty, binary, not the format it claims, too large); the message is French."""


@dataclass
class RowProblem:
    """Something wrong in one reference, named for a documentalist: the field and what was expected, in French."""

    field: str
    message: str


@dataclass
class SourceRecord:
    """One reference as read from the file, before it meets the archive.

    `line` is where it starts in the file (1-based; for CSV/XLSX the spreadsheet's row number, header included)
    and `label` how the documentalist finds it there (a BibTeX key, an RIS ID, "ligne 12").
    `item` is a CSL-JSON item; what CSL-JSON has no variable for goes in item["custom"]: "hal_id", "file"
    (a PDF path relative to the ZIP sent with the batch), "poles", "themes", "territories" (lists of names or codes
    as written in the file). `ignored` names the source fields the archive does not keep ("isbn", "note").
    `problems` are what the reader could not understand in this reference; the row is refused when any.
    """

    line: int
    label: str
    item: dict
    ignored: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class ReadResult:
    """Every reference of one file, in file order, with the format and encoding it was read in."""

    format: str
    encoding: str
    records: list[SourceRecord]


logger = logging.getLogger(__name__)

FORMATS = [
    ("bibtex", gettext_lazy("BibTeX ou BibLaTeX (Zotero, JabRef, HAL)")),
    ("ris", gettext_lazy("RIS (Zotero, EndNote, PMB)")),
    ("csljson", gettext_lazy("CSL-JSON (Zotero, Pandoc)")),
    ("csv", gettext_lazy("CSV (tableur)")),
    ("xlsx", gettext_lazy("XLSX (Excel, LibreOffice)")),
]
ENCODINGS = [
    ("utf-8", gettext_lazy("UTF-8, avec ou sans BOM (Zotero, logiciels récents)")),
    ("cp1252", gettext_lazy("Windows-1252 (Excel, anciens logiciels)")),
    ("latin-1", gettext_lazy("Latin-1, ISO-8859-1 (PMB, anciens logiciels)")),
]
FORMAT_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csljson": "CSL-JSON", "csv": "CSV", "xlsx": "XLSX"}
ENCODING_NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "latin-1": "Latin-1"}
# The codec each is read with: "utf-8-sig" drops a byte-order mark when there is one.
CODECS = {"utf-8": "utf-8-sig", "cp1252": "cp1252", "latin-1": "latin-1"}
CODEC_NAMES = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "cp1252": "cp1252", "iso8859-1": "latin-1"}
EXTENSIONS = {
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".ris": "ris",
    ".json": "csljson",
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xls": "xlsx",
}
UTF8_BOM = b"\xef\xbb\xbf"
ZIP = b"PK\x03\x04"
OLD_OFFICE = b"\xd0\xcf\x11\xe0"
SIGNATURES = [
    (b"%PDF", gettext_lazy("un PDF")),
    (ZIP, gettext_lazy("une archive ZIP ou un document Office")),
    (OLD_OFFICE, gettext_lazy("un document Office ancien (.doc, .xls)")),
    (b"\x89PNG", gettext_lazy("une image PNG")),
    (b"\xff\xd8\xff", gettext_lazy("une image JPEG")),
    (b"GIF8", gettext_lazy("une image GIF")),
    (b"\x1f\x8b", gettext_lazy("une archive gzip")),
    (b"{\\rtf", gettext_lazy("un document RTF")),
]
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
RIS_START = re.compile(r"^TY {1,2}-", re.MULTILINE)
BIBTEX_ENTRY = re.compile(r"^\s*@\w+\s*[{(]", re.MULTILINE)
CSV_SEPARATOR = re.compile(r"[;,\t]")
# BibTeX and RIS references are counted before they are parsed: 20 MB of tiny entries would take minutes to read.
ENTRY_STARTS = {
    "bibtex": re.compile(r"^\s*@(?!string\b|comment\b|preamble\b)\w+\s*[{(]", re.MULTILINE | re.IGNORECASE),
    "ris": RIS_START,
}


def read(data: bytes, filename: str, format: str | None = None, encoding: str | None = None) -> ReadResult:
    """Every reference of an uploaded file, with the format and encoding it was read in.

    `format` and `encoding` are the documentalist's choice (names from FORMATS and ENCODINGS); left out, they are
    guessed from the file's name and content. Raises UnreadableFile, its message in French, for a file that cannot
    be imported at all; what is wrong with one reference is in that record's problems.
    """
    if format is not None and format not in FORMAT_NAMES:
        raise ValueError(f"Unknown bibliography format: {format!r}")
    try:
        result = _read(data, filename, format, encoding and _encoding_name(encoding))
    except UnreadableFile as refusal:
        logger.warning("Import of %r (%s bytes) refused: %s", filename, len(data), refusal)
        raise
    logger.info("Read %s references from %r as %s %s", len(result.records), filename, result.format, result.encoding)
    return result


def _read(data, filename, format, encoding):
    _check_size(data)
    if not data.strip().removeprefix(UTF8_BOM).strip():
        raise UnreadableFile(_("Ce fichier est vide."))
    format = format or _guess_format(data, filename, encoding)
    if format == "xlsx":
        _check_workbook(data)
        text, encoding = data, ""
    else:
        _check_text(data, format)
        text, encoding = _decode(data, encoding)
    if format in ENTRY_STARTS:
        _check_count(len(ENTRY_STARTS[format].findall(text)))
    try:
        records = _reader(format)(text)
    except UnreadableFile:
        raise
    except Exception:
        logger.exception("Reading %r as %s failed", filename, format)
        message = _("Ce fichier n'a pas pu être lu au format %(format)s : vérifiez qu'il est bien de ce format.")
        raise UnreadableFile(message % {"format": FORMAT_NAMES[format]}) from None
    if not records:
        message = _("Aucune référence trouvée : le fichier est-il bien au format %(format)s ?")
        raise UnreadableFile(message % {"format": FORMAT_NAMES[format]})
    _check_count(len(records))
    return ReadResult(format, encoding, records)


def _reader(format):
    # The readers import this package's dataclasses: they are imported once it is whole.
    from . import bibtex, csljson, ris, table

    return {
        "bibtex": bibtex.read,
        "ris": ris.read,
        "csljson": csljson.read,
        "csv": table.read_csv,
        "xlsx": table.read_xlsx,
    }[format]


def _encoding_name(encoding):
    """The name in ENCODINGS of an encoding chosen under any of its names (windows-1252, ISO-8859-1, utf8…)."""
    try:
        return CODEC_NAMES[codecs.lookup(encoding).name]
    except (LookupError, KeyError):
        raise ValueError(f"Unsupported encoding: {encoding!r}") from None


def _check_size(data):
    limit = getattr(settings, "KB_IMPORT_MAX_FILE_MB", 20)
    if len(data) > limit * 1024 * 1024:
        message = _("Ce fichier pèse %(size)s Mo, un import en accepte %(limit)s au plus : découpez-le.")
        raise UnreadableFile(message % {"size": number_format(len(data) / 1024 / 1024, 1), "limit": limit})


def _check_count(count):
    limit = getattr(settings, "KB_IMPORT_MAX_ROWS", 10000)
    if count > limit:
        message = _("Ce fichier contient %(count)s références, un import en accepte %(limit)s au plus : découpez-le.")
        counts = {"count": number_format(count, force_grouping=True)}
        raise UnreadableFile(message % {**counts, "limit": number_format(limit, force_grouping=True)})


def _guess_format(data, filename, encoding):
    """The format the file's extension says, else the one its content shows (an EndNote .txt is RIS)."""
    extension = PurePath(filename or "").suffix.lower()
    if extension in EXTENSIONS:
        return EXTENSIONS[extension]
    if data.startswith(ZIP):
        return "xlsx"
    _check_text(data, None)
    text = _decode(data, encoding)[0]
    if RIS_START.search(text):
        return "ris"
    if text.lstrip()[:1] in ("[", "{"):
        return "csljson"
    if BIBTEX_ENTRY.search(text):
        return "bibtex"
    if CSV_SEPARATOR.search(text.partition("\n")[0]):
        return "csv"
    raise UnreadableFile(_("Format non reconnu : choisissez-le dans la liste (BibTeX, RIS, CSL-JSON, CSV ou XLSX)."))


def _check_text(data, format):
    """Refuse binary content in a text format: a PDF renamed .bib, a spreadsheet saved as .csv."""
    if data.startswith(UTF16_BOMS):
        raise UnreadableFile(_("Ce fichier est encodé en UTF-16 : enregistrez-le en UTF-8 pour l'importer."))
    what = next((what for signature, what in SIGNATURES if data.startswith(signature)), None)
    if what is None and b"\x00" in data:
        what = _("un fichier binaire (il contient des octets nuls)")
    if what is None:
        return
    if format is None:
        raise UnreadableFile(_("Ce fichier n'est pas une bibliographie : c'est %(what)s.") % {"what": what})
    message = _("Ce fichier n'est pas un fichier texte %(format)s : c'est %(what)s.")
    raise UnreadableFile(message % {"format": FORMAT_NAMES[format], "what": what})


def _check_workbook(data):
    if data.startswith(OLD_OFFICE):
        raise UnreadableFile(_("C'est un classeur Excel ancien (.xls) : enregistrez-le au format XLSX ou CSV."))
    if not data.startswith(ZIP):
        raise UnreadableFile(_("Ce fichier n'est pas un classeur XLSX."))


def _decode(data, encoding):
    """The text of the file, its line ends made \\n, and the encoding it was read in: the chosen one, else detected."""
    if not encoding:
        text, encoding = _detect(data)
    else:
        try:
            text = data.decode(CODECS[encoding])
        except UnicodeDecodeError as error:
            raise _undecodable(data, encoding, error) from None
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _detect(data):
    """The text in the first of UTF-8, Windows-1252 and Latin-1 that reads the file, and its name.

    The cascade is exact for the three encodings the archive accepts. Text in Windows-1252 or Latin-1 with an
    accented letter is not valid UTF-8 (é, 0xE9, would need two continuation bytes after it), so valid UTF-8 is UTF-8.
    Windows-1252 differs from Latin-1 only in 0x80-0x9F, where it has printable characters (’ œ € …) and Latin-1
    control codes no text holds: a file that decodes in Windows-1252 reads right in it, and only one holding its five
    unassigned bytes (0x81 0x8D 0x8F 0x90 0x9D) is left to Latin-1, which reads any byte.
    """
    for name in ("utf-8", "cp1252"):
        try:
            return data.decode(CODECS[name]), name
        except UnicodeDecodeError:
            continue
    return data.decode(CODECS["latin-1"]), "latin-1"


def _undecodable(data, encoding, error):
    line = data.count(b"\n", 0, error.start) + 1
    message = _(
        "Ce fichier ne se lit pas en %(encoding)s (octet 0x%(byte)02X à la ligne %(line)s) : choisissez un autre "
        "encodage, ou laissez l'import le reconnaître."
    )
    return UnreadableFile(message % {"encoding": ENCODING_NAMES[encoding], "byte": data[error.start], "line": line})
