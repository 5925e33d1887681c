"""Spreadsheets (CSV, XLSX) read into CSL-JSON items: one reference a row, under headings the README documents here.

The first non-empty row holds the headings, matched without case, accents, punctuation or extra spaces, in French
or English. A CSV's separator (; , or tab) is the one its heading row uses.

Heading (also read)                          Holds                                            CSL-JSON
Clé (key, id)                                the reference's name in the file                 its label
Type (type de document)                      Article, Thèse, Mémoire, Rapport d'étude,        type and genre
                                             Chapitre d'ouvrage, Ouvrage, Communication,
                                             Document de travail; or a CSL type (chapter…)
Genre                                        the kind in words: « Thèse de doctorat »…        genre (type from it
                                                                                              when no Type column)
Titre (title)                                                                                 title
Auteurs (auteur, author, authors)            « Nom, Prénom ; Nom, Prénom » (an organisation   author
                                             as it is named)
ORCID                                        « Nom, Prénom : 0000-0002-1825-0097 ; … », or    author ORCID
                                             iDs alone in author order
Affiliations (affiliation)                   « Nom, Prénom : Université de Nantes ; … », or   author affiliation
                                             alone in author order
Date (année, year)                           2019, 2019-06, 2019-06-15, 15/06/2019, 06/2019   issued
Revue, ouvrage ou événement (revue,          the journal, the book, the conference            container-title
  journal, ouvrage, container title)
Éditeur (publisher, établissement)                                                            publisher
Lieu (lieu d'édition, place)                                                                  publisher-place
Volume                                                                                        volume
Numéro (issue, number)                                                                        issue
Pages (page)                                 45-62                                            page
DOI                                                                                           DOI
Identifiant HAL (HAL, HAL id)                hal-01234567                                     custom hal_id
Adresse (URL, lien)                          the reference's address on the web               URL
Fichier (PDF, file)                          the PDF's path in the ZIP sent with the batch    custom file
Texte intégral (PDF)                         the same, when it is a path (the archive's own   custom file
                                             export writes a web address there: ignored)
Langue (language)                            fr, en, français…                                language
Mots-clés (mots clés, keywords, tags)        separated by « ; » or « , »                      keyword
Résumé (abstract)                            line breaks kept                                 abstract
Pôles, Thèmes, Territoires (pole, theme,     names, or official codes for territories         custom poles, themes,
  territory…)                                (44109), separated by « ; »                      territories
Other columns (the archive's export writes Nature, the kind of item) are listed as ignored.
A cell holding a formula (in XLSX: any formula; in CSV: = + - @ then a function or a cell, such as =SOMME(A1:A3))
refuses its row; the quote the archive's export puts before = + - @ to defuse a text is dropped.
"""

import csv
import datetime
import io
import logging
import re
import zipfile
from functools import partial

from openpyxl import load_workbook

from django.conf import settings
from django.utils.translation import gettext as _

from citations.formats.common import one_line
from citations.items import compact

from . import RowProblem, SourceRecord, UnreadableFile
from .common import (
    heading_key,
    issued,
    keyword,
    missing_title,
    name_key,
    orcid_url,
    page,
    paragraphs,
    pdf_path,
    sorted_name,
    split_list,
)

logger = logging.getLogger(__name__)

HEADINGS = {
    "key": ["Clé", "key", "id", "citation key"],
    "type": ["Type", "type de document", "document type", "item type"],
    "genre": ["Genre"],
    "title": ["Titre", "title"],
    "authors": ["Auteurs", "auteur", "author", "authors"],
    "orcid": ["ORCID", "orcids"],
    "affiliations": ["Affiliations", "affiliation"],
    "date": ["Date", "année", "year", "date de publication"],
    "container": ["Revue, ouvrage ou événement", "revue", "journal", "ouvrage", "container title", "publication"],
    "publisher": ["Éditeur", "publisher", "établissement", "institution"],
    "place": ["Lieu", "lieu d'édition", "place", "publisher place"],
    "volume": ["Volume"],
    "issue": ["Numéro", "issue", "number"],
    "pages": ["Pages", "page"],
    "doi": ["DOI"],
    "hal_id": ["Identifiant HAL", "HAL", "HAL id", "id HAL"],
    "url": ["Adresse", "URL", "lien", "adresse en ligne", "link"],
    "file": ["Fichier", "PDF", "file", "fichier PDF"],
    "full_text": ["Texte intégral (PDF)", "texte intégral"],
    "language": ["Langue", "language"],
    "keywords": ["Mots-clés", "mots-clé", "keywords", "tags"],
    "abstract": ["Résumé", "abstract"],
    "poles": ["Pôles", "pôle", "pole", "poles"],
    "themes": ["Thèmes", "thème", "theme", "themes"],
    "territories": ["Territoires", "territoire", "territory", "territories"],
}
COLUMNS = {heading_key(heading): column for column, headings in HEADINGS.items() for heading in headings}
# The archive's paper types (resources.models.PaperType and PAPER_CITATION_TYPES), repeated here because readers
# know no Django model; a test holds the two together.
PAPER_TYPES = {
    "Article": ("article-journal", ""),
    "Thèse": ("thesis", "Thèse de doctorat"),
    "Mémoire": ("thesis", "Mémoire"),
    "Rapport d'étude": ("report", "Rapport d'étude"),
    "Chapitre d'ouvrage": ("chapter", ""),
    "Ouvrage": ("book", ""),
    "Communication": ("paper-conference", "Communication"),
    "Document de travail": ("report", "Document de travail"),
}
TYPE_ALIASES = {
    "thèse de doctorat": "Thèse",
    "chapitre": "Chapitre d'ouvrage",
    "livre": "Ouvrage",
    "rapport": "Rapport d'étude",
    "journal article": "Article",
    "book": "Ouvrage",
    "book section": "Chapitre d'ouvrage",
    "thesis": "Thèse",
    "report": "Rapport d'étude",
    "conference paper": "Communication",
    "working paper": "Document de travail",
}
# CSL's types (what the archive's own export writes in its Type column).
CSL_TYPES = """article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection
dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case
legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical
personal_communication post post-weblog regulation report review review-book software song speech standard thesis
treaty webpage""".split()
# The archive's names come last: « Article » is an article-journal, not CSL's generic article.
TYPES = {heading_key(csl_type): (csl_type, "") for csl_type in CSL_TYPES}
TYPES |= {heading_key(alias): PAPER_TYPES[name] for alias, name in TYPE_ALIASES.items()}
TYPES |= {heading_key(name): value for name, value in PAPER_TYPES.items()}
# The genres the archive writes (PAPER_CITATION_TYPES) give back their type when a sheet has no Type column.
GENRE_TYPES = {heading_key(genre): csl_type for csl_type, genre in PAPER_TYPES.values() if genre}
FORMULA = re.compile(r"^[=+\-@]\s*(?:[A-Za-z_][\w.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+\b|[A-Za-z]\w*\|)")
DEFUSED = re.compile(r"^'(?=[=+\-@\t\r])")
SEPARATORS = ";,\t"
# A workbook's parts, decompressed, may weigh this many times the file's limit (a ZIP bomb weighs thousands).
UNZIPPED_RATIO = 20


class Formula(str):
    """A cell that holds a spreadsheet formula rather than a value."""


def read_csv(text):
    """Every row of a CSV text under its heading row."""
    first_line = text.lstrip("\n").partition("\n")[0]
    separator = max(SEPARATORS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        rows = [[_csv_cell(cell) for cell in row] for row in reader]
    except csv.Error as error:
        message = _("Ce CSV est mal formé ligne %(line)s (un guillemet n'est pas refermé ?) : %(error)s.")
        raise UnreadableFile(message % {"line": reader.line_num, "error": error}) from None
    return _records(enumerate(rows, 1))


def _csv_cell(text):
    if DEFUSED.match(text):
        return text[1:]
    return Formula(text) if FORMULA.match(text) else text


def read_xlsx(data):
    """Every row of the first sheet of an XLSX workbook under its heading row."""
    limit = getattr(settings, "KB_IMPORT_MAX_FILE_MB", 20) * 1024 * 1024 * UNZIPPED_RATIO
    try:
        # zipfile inflates a part no further than the size it declares: the sum bounds the work.
        unzipped = sum(part.file_size for part in zipfile.ZipFile(io.BytesIO(data)).infolist())
        rows = _sheet_rows(data) if unzipped <= limit else None
    except Exception as error:
        logger.info("Workbook not read: %r", error)
        raise UnreadableFile(_("Ce classeur XLSX est illisible : ouvrez-le et enregistrez-le à nouveau.")) from None
    if rows is None:
        raise UnreadableFile(_("Ce classeur XLSX est trop volumineux une fois décompressé."))
    return _records(rows)


def _sheet_rows(data):
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        return [
            (number, list(map(_xlsx_cell, row))) for number, row in enumerate(workbook.worksheets[0].iter_rows(), 1)
        ]
    finally:
        workbook.close()


def _xlsx_cell(cell):
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", "") in {"f", "e"}:
        return Formula(value)  # a formula, or the error one left (#N/A, #REF!)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _records(rows):
    """The records of (row number, cells) pairs; the first row holding anything names the columns."""
    rows = [(number, cells) for number, cells in rows if any(str(cell).strip() for cell in cells)]
    if not rows:
        return []
    columns = _columns(rows[0][1])
    return [_record(number, cells, columns) for number, cells in rows[1:]]


def _columns(header):
    """(field or None, heading) of each column in order; refuses a sheet without a title column or with one twice."""
    columns, seen = [], {}
    for heading in header:
        column = COLUMNS.get(heading_key(heading))
        if column in seen:
            message = _("Deux colonnes portent l'intitulé « %(heading)s » : gardez-en une.")
            raise UnreadableFile(message % {"heading": one_line(heading)})
        if column:
            seen[column] = heading
        columns.append((column, one_line(heading)))
    if "title" not in seen:
        message = _("Aucune colonne « Titre » : la première ligne doit porter les intitulés (Titre, Auteurs, Date…).")
        raise UnreadableFile(message)
    return columns


def _record(number, cells, columns):
    width = max(len(columns), len(cells))
    columns, cells = columns + [(None, "")] * (width - len(columns)), list(cells) + [""] * (width - len(cells))
    values, ignored, problems = {}, [], []
    for (column, heading), cell in zip(columns, cells, strict=True):
        if not column:
            if str(cell).strip():
                ignored.append(heading or _("colonne sans intitulé"))
        elif isinstance(cell, Formula):
            problems.append(RowProblem(heading, _formula_message(cell)))
        else:
            values[column] = cell.strip()
    headings = {column: heading for column, heading in columns if column}
    if values.get("full_text") and not pdf_path(values["full_text"]):
        ignored.append(headings["full_text"])
    item, item_problems = _item(values, headings)
    if not any(problem.field == headings["title"] for problem in problems):
        problems = missing_title(item, headings["title"]) + problems
    label = one_line(values.get("key")) or _("ligne %(line)s") % {"line": number}
    return SourceRecord(number, label, item, ignored, item_problems + problems)


def _formula_message(cell):
    message = _(
        "La cellule ressemble à une formule de tableur (%(formula)s) : importez sa valeur, pas la formule "
        "(collage spécial, valeurs seules)."
    )
    formula = one_line(cell)
    return message % {"formula": formula if len(formula) <= 30 else f"{formula[:30]}…"}


def _item(values, headings):
    """The CSL item of one row, and the problems of its type and ORCID columns."""
    get = partial(_text, values)
    csl_type, genre, problems = _type(get("type"), get("genre"), headings.get("type", ""))
    authors = [name for name in map(sorted_name, get("authors").split(";")) if name]
    problems += _attach(authors, get("orcid"), "ORCID", orcid_url, headings.get("orcid", ""))
    problems += _attach(authors, get("affiliations"), "affiliation", one_line, headings.get("affiliations", ""))
    item = {
        "type": csl_type,
        "genre": genre,
        "title": get("title"),
        "author": authors,
        "issued": issued(get("date")),
        "container-title": get("container"),
        "publisher": get("publisher"),
        "publisher-place": get("place"),
        "volume": get("volume"),
        "issue": get("issue"),
        "page": page(get("pages")),
        "DOI": get("doi"),
        "URL": get("url"),
        "language": get("language"),
        "abstract": paragraphs(values.get("abstract", "")),
        "keyword": keyword(split_list(get("keywords"))),
        "custom": {
            "hal_id": get("hal_id"),
            "file": get("file") or pdf_path(get("full_text")),
            "poles": _names(get("poles")),
            "themes": _names(get("themes")),
            "territories": _names(get("territories")),
        },
    }
    return compact(item), problems


def _text(values, column):
    return one_line(values.get(column, ""))


def _names(text):
    return [name for name in (one_line(part) for part in text.split(";")) if name]


def _type(written, genre, heading):
    """The CSL type and genre of a row: its Type column, else what its genre says."""
    if not written:
        return GENRE_TYPES.get(heading_key(genre), ""), genre, []
    if heading_key(written) not in TYPES:
        known = ", ".join(PAPER_TYPES)
        message = _("Type inconnu : « %(type)s ». Types reconnus : %(known)s.") % {"type": written, "known": known}
        return "", genre, [RowProblem(heading, message)]
    csl_type, type_genre = TYPES[heading_key(written)]
    # A Genre column says more than a type: « thesis » with « Mémoire » is a master's dissertation.
    return csl_type, genre or type_genre, []


def _attach(authors, text, key, read, heading):
    """Give authors the values of an ORCID or Affiliations cell: « Nom, Prénom : valeur ; … », or values alone in
    author order. A value for a « Nom, Prénom » who is not among the row's authors is a problem."""
    problems = []
    by_name = {name_key(author): author for author in authors}
    for position, part in enumerate(text.split(";")):
        name, colon, value = part.partition(":")
        author = by_name.get(one_line(name).casefold()) if colon else None
        if author is None and colon and "," in name:
            message = _("« %(name)s » n'est pas dans la colonne Auteurs de la ligne.") % {"name": one_line(name)}
            problems.append(RowProblem(heading, message))
            continue
        if author is None:
            value = part
            author = authors[position] if position < len(authors) else None
        if author is not None and read(value):
            author[key] = read(value)
        elif read(value):
            message = _("« %(value)s » : il y a plus de valeurs que d'auteurs.") % {"value": one_line(value)}
            problems.append(RowProblem(heading, message))
    return problems
