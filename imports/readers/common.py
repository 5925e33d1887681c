"""What every reader does alike: names, dates, keywords, identifiers and file paths as CSL-JSON holds them.

The readers differ in syntax only; the shape of each variable once read is decided here, so the mapping meets one.
"""

import re
import unicodedata
from urllib.parse import unquote

from django.utils.translation import gettext as _

from citations.formats.common import ORCID_PREFIX, one_line

from . import RowProblem

ORCID = re.compile(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b")
# The archive's own rule (resources.models.hal_validator), repeated here: readers know no Django model.
HAL_ID = re.compile(r"^[a-z]+-\d{6,9}(v\d+)?$")
MASTERS = re.compile(r"master|mathesis|m[ée]moire|ma[iî]trise|\bmsc\b|\bm[12]\b", re.IGNORECASE)
DOCTORATE = re.compile(r"ph\.?\s?d|doctora|th[eè]se|dissertation", re.IGNORECASE)
# Two ISO dates joined by a slash (BibLaTeX's ranges, 2019-06-15/2019-06-16), unlike RIS's 2019/06/15/.
DATE_RANGE = re.compile(r"^(\d{4}(?:-\d{1,2}){0,2})/\d{4}(?:-\d{1,2}){0,2}$")
DATE_SEPARATORS = re.compile(r"[-/.]")
# A date and a time (what a spreadsheet writes for a date cell): the time is dropped.
DATE_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}")
PAGE_DASHES = re.compile(r"\s*[-\u2010-\u2015]+\s*")
LIST_SEPARATORS = re.compile(r"\s*[;,]\s*")
# An address's scheme (http:, file:, internal-pdf:); one letter is a Windows drive (C:).
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):(?://)?")
FILE_HOST = re.compile(r"^file://(localhost)?", re.IGNORECASE)
DRIVE = re.compile(r"^/([A-Za-z]:/)")


def paragraphs(value):
    """Long text (an abstract) with its paragraphs kept and every other run of spaces made one."""
    blocks = re.split(r"\n\s*\n", str(value or ""))
    return "\n\n".join(text for text in (one_line(block) for block in blocks) if text)


def sorted_name(text):
    """A CSL name from « Le Goff, Anne »; a name without a comma or without a given name is cited whole
    ({"literal": "Réseau des CRESS"}): the archive keeps one string a person, so nothing is guessed here."""
    family, _comma, given = one_line(text).partition(",")
    family, given = family.strip(), given.strip()
    if family and given:
        return {"family": family, "given": given}
    return {"literal": family or given} if family or given else None


def name_key(name):
    """How a name is compared with the one a note or column refers to: « le goff, anne »."""
    written = name.get("literal") or ", ".join(filter(None, [name.get("family"), name.get("given")]))
    return one_line(written).casefold()


def orcid_url(text):
    """The ORCID iD found in `text` (bare or as an address), as the archive writes it, else ""."""
    match = ORCID.search(str(text or ""))
    return f"{ORCID_PREFIX}{match.group(1)}" if match else ""


def hal_id(text):
    """`text` when it is a HAL identifier (hal-01234567, dumas-03712345v2), else ""."""
    text = one_line(text)
    return text if HAL_ID.match(text) else ""


def pdf_path(text):
    """The PDF a file field names, as a path to find in the ZIP sent with the batch; "" for a web address."""
    text = one_line(text)
    scheme = SCHEME.match(text)
    if scheme and scheme.group(1).lower() == "file":
        text = DRIVE.sub(r"\1", unquote(FILE_HOST.sub("", text)))  # file:///C:/… is C:/…
    elif scheme and scheme.group(1).lower() == "internal-pdf":
        text = text[scheme.end() :]  # EndNote's own folder of PDFs: internal-pdf://0123456789/Dupont-2018.pdf
    elif scheme:
        return ""
    return text if text.lower().endswith(".pdf") else ""


def thesis_genre(text):
    """« Mémoire » for a master's dissertation, « Thèse de doctorat » for a PhD, else the genre as written."""
    text = one_line(text)
    if MASTERS.search(text):
        return "Mémoire"
    return "Thèse de doctorat" if DOCTORATE.search(text) else text


def keyword(words):
    """CSL's keyword variable: the words in order, once each, joined by ", "."""
    cleaned = (one_line(word) for word in words)
    return ", ".join(dict.fromkeys(word for word in cleaned if word))


def split_list(text):
    """The words of « ESS ; Se loger, Nantes »: keyword lists are separated by semicolons or commas."""
    return [word for word in LIST_SEPARATORS.split(one_line(text)) if word]


def page(text):
    """Pages as CSL writes them, with a hyphen: "45--62" and "45–62" become "45-62"."""
    return PAGE_DASHES.sub("-", one_line(text))


def issued(text):
    """A CSL date: date-parts for as many parts as read as numbers (2019, 2019-06, 2019/06/15/, 15/06/2019),
    else the text as written in "raw". Impossible values (2007-13-45) are kept: the mapping names them."""
    text = one_line(text)
    if not text:
        return None
    if start := DATE_RANGE.match(text) or DATE_TIME.match(text):
        text = start.group(1)
    parts = DATE_SEPARATORS.split(text)
    if len(parts) > 1 and len(parts[-1]) == 4 and len(parts[0]) <= 2:
        parts = parts[::-1]  # French order: 15/06/2019, 06/2019
    # RIS leaves unknown parts empty (2019/06//), and a day without its month says nothing.
    parts = (parts[: parts.index("")] if "" in parts else parts)[:3]
    numbers = parts and all(part.isdecimal() for part in parts)
    if numbers and len(parts[0]) == 4 and all(len(part) <= 2 for part in parts[1:]):
        return {"date-parts": [[int(part) for part in parts]]}
    return {"raw": text}


def missing_title(item, field):
    """The problem of an item without a title: the archive's pages need one."""
    if item.get("title"):
        return []
    return [RowProblem(field, _("Titre manquant : une référence sans titre ne peut pas être importée."))]


def heading_key(text):
    """A column heading or type name compared without case, accents, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKD", str(text or "")).casefold()
    text = "".join(character for character in text if not unicodedata.combining(character))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())
