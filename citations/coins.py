"""COinS: an OpenURL 1.0 ContextObject per listed item, which reference managers (Zotero) read off any list.

Built from the item's CSL-JSON with absolute addresses (a CitationEntry's item), in Z39.88-2004 KEV form:
the journal, book or Dublin Core metadata format by CSL type, with the genres and types Zotero maps back.
"""

from urllib.parse import urlencode

from django.utils.html import format_html

JOURNAL_TYPES = {"article-journal", "article-magazine", "article-newspaper", "review", "review-book"}
# OpenURL book genres; a part of a book or proceedings is cited with the whole as its btitle.
BOOK_GENRES = {
    "book": "book",
    "chapter": "bookitem",
    "entry-dictionary": "bookitem",
    "entry-encyclopedia": "bookitem",
    "paper-conference": "proceeding",
    "report": "report",
    "document": "document",
}
PART_GENRES = {"bookitem", "proceeding"}
# Dublin Core has no genre: Zotero reads rft.type as one of its item types, other readers as a DCMI type.
DC_TYPES = {
    "thesis": "thesis",
    "speech": "presentation",
    "webpage": "webpage",
    "post-weblog": "blogPost",
    "dataset": "dataset",
    "manuscript": "manuscript",
    "interview": "interview",
    "article": "preprint",
    "event": "Event",
}


def context_object(item):
    """The KEV ContextObject (a query string) of a CSL-JSON item whose "URL" is absolute."""
    csl_type = item.get("type", "")
    if csl_type in JOURNAL_TYPES:
        pairs = _journal(item)
    elif csl_type in BOOK_GENRES:
        pairs = _book(item, BOOK_GENRES[csl_type])
    else:
        pairs = _dublin_core(item, DC_TYPES.get(csl_type, "document"))
    pairs = [
        ("ctx_ver", "Z39.88-2004"),
        *pairs,
        *_authors(item.get("author") or []),
        ("rft.date", _date(item.get("issued"))),
        *_pages(item.get("page", "")),
        ("rft.language", item.get("language")),
        *_identifiers(item),
    ]
    return urlencode([(key, str(value)) for key, value in pairs if value])


def coins_span(item):
    """The COinS span of a CSL-JSON item: empty, its ContextObject in the title."""
    return format_html('<span class="Z3988" title="{}"></span>', context_object(item))


def _journal(item):
    return [
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
        ("rft.genre", "article"),
        ("rft.atitle", item.get("title")),
        ("rft.jtitle", item.get("container-title")),
        ("rft.volume", item.get("volume")),
        ("rft.issue", item.get("issue")),
    ]


def _book(item, genre):
    if genre in PART_GENRES:
        titles = [("rft.atitle", item.get("title")), ("rft.btitle", item.get("container-title"))]
    else:
        titles = [("rft.btitle", item.get("title"))]
    return [
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
        ("rft.genre", genre),
        *titles,
        ("rft.pub", item.get("publisher")),
        ("rft.place", item.get("publisher-place")),
    ]


def _dublin_core(item, dc_type):
    keywords = [k.strip() for k in (item.get("keyword") or "").split(",") if k.strip()]
    return [
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
        ("rft.type", dc_type),
        ("rft.title", item.get("title")),
        ("rft.source", item.get("container-title")),
        ("rft.publisher", item.get("publisher")),
        ("rft.description", item.get("abstract")),
        *(("rft.subject", keyword) for keyword in keywords),
        ("rft.identifier", item.get("URL")),
    ]


def _authors(authors):
    """rft.aulast and rft.aufirst (or rft.aucorp) for the first author, rft.au for each.

    A person goes in rft.au as « Family, Given », the split readers keep ("Le Goff, Anne"). An organisation
    first in line is only rft.aucorp: Zotero would otherwise list it twice, once cut into given and family.
    """
    pairs = []
    for position, author in enumerate(authors):
        literal = author.get("literal")
        if position == 0:
            if literal:
                pairs.append(("rft.aucorp", literal))
                continue
            pairs += [("rft.aulast", author.get("family")), ("rft.aufirst", author.get("given"))]
        if literal:
            pairs.append(("rft.au", literal))
        else:
            pairs.append(("rft.au", ", ".join(p for p in (author.get("family"), author.get("given")) if p)))
    return pairs


def _date(issued):
    """ISO 8601 as precise as the item's date: 2024, 2024-05 or 2024-05-02."""
    parts = ((issued or {}).get("date-parts") or [[]])[0]
    widths = (4, 2, 2)
    return "-".join(str(part).zfill(width) for part, width in zip(parts, widths, strict=False))


def _pages(page):
    pairs = [("rft.pages", page)]
    first, dash, last = str(page).replace("–", "-").partition("-")
    if dash and first.strip() and last.strip():
        pairs += [("rft.spage", first.strip()), ("rft.epage", last.strip())]
    return pairs


def _identifiers(item):
    doi = item.get("DOI", "")
    for prefix in ("https://doi.org/", "http://dx.doi.org/", "doi:"):
        doi = doi.removeprefix(prefix)
    return [("rft_id", f"info:doi/{doi}" if doi else ""), ("rft_id", item.get("URL"))]
