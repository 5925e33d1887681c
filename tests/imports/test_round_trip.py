"""What was imported exports again with the same fields: archive → BibTeX, RIS, CSL-JSON, CSV → archive loses nothing
the model keeps, except what a format has no place for (named here)."""

import re

import pytest

from citations.formats import get_format
from citations.items import entry
from imports.mapping import Taxonomy, map_record
from imports.readers import read
from imports.runner import SCALAR_FIELDS, Options, run
from resources.models import ResearchPaperPage

from .helpers import ARTICLE, references

BASE = "https://ressources.example/"
KINDS = {
    "article": {},
    "these": {"type": "thesis", "genre": "Thèse de doctorat", "publisher": "Université de Nantes"},
    "memoire": {"type": "thesis", "genre": "Mémoire de master 2", "publisher": "IAE Nantes"},
    "rapport": {"type": "report", "publisher": "CRESS Pays de la Loire", "publisher-place": "Nantes"},
    "document_travail": {"type": "report", "genre": "Document de travail", "publisher": "LEMNA"},
    "chapitre": {"type": "chapter", "container-title": "L'économie solidaire en actes", "publisher": "PUR"},
    "ouvrage": {"type": "book", "publisher": "Presses universitaires de Rennes", "publisher-place": "Rennes"},
    "communication": {"type": "paper-conference", "container-title": "Colloque du RIUESS 2019"},
}
# What a format has no place for: affiliations (BibTeX, RIS and CSV name people, not their institutions) and the
# abstract's paragraph breaks (the archive writes every field of BibTeX, RIS and CSV on one line).
DROPPED = {
    "bibtex": {"affiliation", "paragraphs"},
    "ris": {"affiliation", "paragraphs"},
    "csljson": set(),
    "csv": {"affiliation", "paragraphs"},
}
EXTENSIONS = {"bibtex": "bib", "ris": "ris", "csljson": "json", "csv": "csv"}


def kept(paper):
    """Everything a research paper keeps that a reference manager can hold."""
    values = {name: getattr(paper, name) for name in (*SCALAR_FIELDS, "date_precision")}
    values["authors"] = [(a.name, a.orcid, a.affiliation) for a in paper.authors.all()]
    values["keywords"] = sorted([t.name for t in paper.tags.all()] + [t.name for t in paper.themes.all()])
    return values


def reread(paper, format_name):
    """The paper exported in the format, read back and mapped as an import would."""
    cited = entry(f"page:{paper.pk}", paper.citation_item(), paper.url, BASE)
    text = get_format(format_name).render([cited])
    [record] = read(text.encode("utf-8"), f"export.{EXTENSIONS[format_name]}").records
    draft, problems = map_record(record, Taxonomy())
    assert problems == [], problems
    values = dict(draft.values)
    values["authors"] = [(a.name, a.orcid, a.affiliation) for a in draft.authors]
    themes = Taxonomy().themes
    names = {pk: key for key, pk in themes.items()}
    values["keywords"] = sorted(draft.tags + [paper.themes.get(pk=pk).name for pk in draft.themes if pk in names])
    return values


@pytest.mark.parametrize("format_name", ["bibtex", "ris", "csljson", "csv"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_an_imported_reference_survives_a_round_trip(site_tree, django_capture_on_commit_callbacks, format_name, kind):
    item = {**ARTICLE, **KINDS[kind], "issued": {"date-parts": [[2019, 6, 14]]}, "custom": {"hal_id": "hal-01234567"}}
    with django_capture_on_commit_callbacks(execute=True):
        [row] = run(references(item), Options(publish=True))
    paper = ResearchPaperPage.objects.get(pk=row.page_id)
    assert paper.paper_type == kind
    before, after = kept(paper), reread(paper, format_name)
    if "affiliation" in DROPPED[format_name]:
        before["authors"] = [(name, orcid, "") for name, orcid, _affiliation in before["authors"]]
    if "paragraphs" in DROPPED[format_name]:
        before["abstract"] = "<p>" + " ".join(re.sub(r"<[^>]*>", " ", before["abstract"]).split()) + "</p>"
    assert after == before


@pytest.mark.parametrize("format_name", ["bibtex", "ris", "csljson", "csv"])
@pytest.mark.parametrize(("parts", "precision"), [([2007], "year"), ([2007, 5], "month")])
def test_a_partial_date_stays_partial_after_a_round_trip(site_tree, format_name, parts, precision):
    with_date = {**ARTICLE, "issued": {"date-parts": [parts]}}
    [row] = run(references(with_date), Options(publish=True))
    paper = ResearchPaperPage.objects.get(pk=row.page_id)
    after = reread(paper, format_name)
    assert (after["date"], after["date_precision"]) == (paper.date, precision)
