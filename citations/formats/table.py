"""CSV export: one row per item, for a spreadsheet; columns in French, one field of the item each.

Written for Excel in France as much as for LibreOffice: UTF-8 with a byte-order mark (else Excel reads it as
Windows-1252) and ";" between columns (Excel's French list separator; LibreOffice asks). A cell that opens with
= + - @ or a tab or carriage return is prefixed with a quote, so no spreadsheet runs it as a formula.
"""

import csv
import io

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from search import registry

from .common import address, container_title, custom, iso_date, keywords, names, one_line, place, sorted_name

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def columns():
    """(heading, reader of a CitationEntry) in the order of the sheet."""
    return [
        (_("Clé"), lambda entry: entry.key),
        (_("Nature"), lambda entry: _kind_label(entry.kind)),
        (_("Genre"), lambda entry: entry.item.get("genre")),
        # The CSL type (article-journal, chapter…): what an import needs to tell an article from a chapter.
        (_("Type"), lambda entry: entry.item.get("type")),
        (_("Titre"), lambda entry: entry.item.get("title")),
        (_("Auteurs"), lambda entry: " ; ".join(sorted_name(*name[:3]) for name in names(entry.item))),
        (_("ORCID"), _orcids),
        (_("Date"), lambda entry: iso_date(entry.item)),
        (_("Revue, ouvrage ou événement"), lambda entry: container_title(entry.item)),
        (_("Éditeur"), lambda entry: entry.item.get("publisher")),
        (_("Lieu"), lambda entry: place(entry.item)),
        (_("Volume"), lambda entry: entry.item.get("volume")),
        (_("Numéro"), lambda entry: entry.item.get("issue") or entry.item.get("number")),
        (_("Pages"), lambda entry: entry.item.get("page")),
        (_("DOI"), lambda entry: entry.item.get("DOI")),
        (_("Identifiant HAL"), lambda entry: custom(entry.item, "hal_id")),
        (_("Adresse"), lambda entry: address(entry.item)),
        (_("Texte intégral (PDF)"), lambda entry: custom(entry.item, "pdf_url")),
        (_("Langue"), lambda entry: entry.item.get("language")),
        (_("Mots-clés"), lambda entry: ", ".join(keywords(entry.item))),
        (_("Résumé"), lambda entry: entry.item.get("abstract")),
    ]
    # No formatted reference column: citeproc-py takes about 6 ms an item, 6 s for a list of 1,000.
    # The page shows the reference; CSL-JSON gives it to any reference manager in any style.


def _kind_label(kind):
    vocabulary = registry.vocabulary("kind")
    return capfirst(str((vocabulary.labels([kind]) if vocabulary else {}).get(kind, kind)))


def _orcids(entry):
    """« Le Goff, Anne : 0000-0002-1825-0097 » for each author whose iD is known."""
    return " ; ".join(f"{sorted_name(*name[:3])}\u00a0: {name[3]}" for name in names(entry.item) if name[3])


def cell(value):
    """The value on one line, defused if a spreadsheet would take it for a formula."""
    text = one_line(value) if value not in (None, "") else ""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def render(entries):
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    table = columns()
    writer.writerow([heading for heading, _read in table])
    for entry in entries:
        writer.writerow([cell(read(entry)) for _heading, read in table])
    return "\ufeff" + output.getvalue()
