"""The page texts of the demo PDFs: proceedings, slides, papers and reading files."""

import math
import textwrap
from itertools import chain

from .content.taxonomy import NETWORK
from .sources import law_credit, law_paragraphs, service_public, service_public_credit

# make_pdf writes 11 pt Helvetica without automatic page breaks: about 95 characters
# and 55 lines fit an A4 page, so pages are filled to a safe margin below that.
CHARS_PER_ROW = 85
ROWS_PER_PAGE = 46
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def french_date(day):
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


def _rows(text):
    return sum(max(1, math.ceil(len(line) / CHARS_PER_ROW)) for line in text.split("\n"))


def _fit(block):
    """Split a block that would not fit on one page into blocks that do."""
    if _rows(block) <= ROWS_PER_PAGE:
        return [block]
    lines = block.split("\n")
    if len(lines) == 1:
        return textwrap.wrap(block, CHARS_PER_ROW * (ROWS_PER_PAGE - 4))
    middle = len(lines) // 2
    return _fit("\n".join(lines[:middle])) + _fit("\n".join(lines[middle:]))


def paginate(blocks):
    """Fill pages with text blocks (paragraphs), in order, never splitting a block that fits."""
    pages, current = [], []
    for piece in chain.from_iterable(_fit(block) for block in blocks):
        if current and _rows("\n\n".join([*current, piece])) > ROWS_PER_PAGE:
            pages.append("\n\n".join(current))
            current = []
        current.append(piece)
    if current:
        pages.append("\n\n".join(current))
    return pages


def source_blocks(ref):
    """A real text as blocks with its credit: ("loi", article) or ("sp", service-public page id)."""
    kind, key = ref
    if kind == "loi":
        return [f"ARTICLE {key}", *law_paragraphs(key), f"Source : {law_credit(key)}."]
    page = service_public(key)
    return [page["title"].upper(), page["description"], page["body"].strip(), f"Source : {service_public_credit(key)}."]


def _when(day):
    if day.get("end_date"):
        return f"du {french_date(day['date'])} au {french_date(day['end_date'])}"
    return f"le {french_date(day['date'])}"


def _speakers(names, affiliations):
    return ", ".join(f"{name} ({affiliations[name]})" for name in names)


def study_day_pages(day, affiliations):
    """The proceedings of a study day: cover, the talks with their abstracts, the minutes, the speakers."""
    partners = ", ".join(name for name, _url in day["partners"])
    cover = (
        f"{day['title'].upper()}\n\nActes de la journée d'étude organisée par le {NETWORK}, "
        f"{_when(day)}, {day['venue']}.\n\nAvec : {partners}.\n\n{day['summary']}"
    )
    talks = ["LES INTERVENTIONS"]
    for session in day["sessions"]:
        day_label = f"{french_date(session['day'])}, " if session.get("day") else ""
        talks.append(f"{day_label}{session['start']}-{session['end']} : {session['title'].upper()}")
        talks += [f"{talk['title']}\n{', '.join(talk['speakers'])}\n{talk['abstract']}" for talk in session["talks"]]
    minutes = ["COMPTE RENDU DES ÉCHANGES"]
    for heading, text in day["proceedings"]:
        minutes += [heading.upper(), text]
    names = sorted({name for session in day["sessions"] for talk in session["talks"] for name in talk["speakers"]})
    speakers = "\n".join(["LES INTERVENANTS", "", *(_speakers([name], affiliations) for name in names)])
    return [cover, *paginate(talks), *paginate(minutes), speakers]


def slides_pages(talk, day, affiliations):
    """A short slide deck: title, the points of the abstract, where to learn more."""
    sentences = (sentence.strip().rstrip(".") for sentence in talk["abstract"].split(". "))
    points = "\n".join(f"- {sentence}." for sentence in sentences if sentence)
    return [
        f"{talk['title']}\n\n{_speakers(talk['speakers'], affiliations)}\n\n{day['title']}, {_when(day)}",
        f"Points clés\n\n{points}",
        f"Pour aller plus loin\n\nActes complets de la journée : centre de ressources du {NETWORK}.",
    ]


def paper_pages(paper):
    """A research paper: title page with its abstract, its sections, annexes and references."""
    authors = "\n".join(f"{a['name']}, {a.get('affiliation', '')}".rstrip(", ") for a in paper["authors"])
    identifiers = " - ".join(filter(None, [paper.get("doi") and f"DOI {paper['doi']}", paper.get("hal_id")]))
    title = f"{paper['title'].upper()}\n\n{authors}\n\n{paper['venue']}, {paper['date'].year}\n{identifiers}"
    sections = []
    for heading, text in paper["sections"]:
        sections += [heading.upper(), text]
    annexes = [block for ref in paper.get("annexes", []) for block in ["ANNEXE", *source_blocks(ref)]]
    references = ["RÉFÉRENCES", *paper["references"]] if paper.get("references") else []
    abstract = f"{title}\n\nRÉSUMÉ\n\n{paper['abstract']}\n\nMots-clés : {', '.join(paper['tags'])}."
    return [abstract, *paginate(sections), *paginate(annexes), *paginate(references)]


def reading_file_pages(title, course_code, refs):
    """A reading file for a DU lesson: the real texts it gathers, each with its source."""
    cover = f"DU ÉCONOMIE SOCIALE ET SOLIDAIRE - {course_code}\n\n{title.upper()}\n\nDossier de lecture"
    return [cover, *paginate(block for ref in refs for block in source_blocks(ref))]
