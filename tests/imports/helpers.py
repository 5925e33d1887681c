"""CSL-JSON references and ZIPs of PDFs, built in the tests: the import's pipeline without a file format."""

import io
import zipfile

from imports.readers import ReadResult, SourceRecord
from resources.pdf import make_pdf

ARTICLE = {
    "type": "article-journal",
    "title": "Les coopératives d'habitants à Nantes",
    "author": [
        {"family": "Le Goff", "given": "Anne", "ORCID": "https://orcid.org/0000-0002-1825-0097"},
        {"family": "Martin", "given": "Paul", "affiliation": "Université de Nantes"},
    ],
    "issued": {"date-parts": [[2019, 6]]},
    "container-title": "RECMA",
    "volume": "12",
    "issue": "3",
    "page": "45–67",
    "DOI": "https://doi.org/10.3917/RECMA.2019.012",
    "URL": "https://www.cairn.info/revue-recma-2019-3-page-45.htm",
    "language": "French",
    "abstract": "Premier paragraphe <sur> l'habitat.\n\nSecond paragraphe & fin.",
    "keyword": "habitat participatif, Se loger, Nantes",
}


def references(*items, labels=None):
    """A read file holding these CSL items, one per line."""
    records = [
        SourceRecord(line=number, label=(labels or {}).get(number, f"ref{number}"), item=dict(item))
        for number, item in enumerate(items, 1)
    ]
    return ReadResult(format="csljson", encoding="utf-8", records=records)


def pdf_zip(files):
    """The bytes of a ZIP holding {path: bytes}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return buffer.getvalue()


def a_pdf(text="Texte intégral sur l'habitat coopératif."):
    return make_pdf([text], title="PDF")
