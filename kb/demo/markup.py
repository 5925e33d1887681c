"""Turn the content's light markup and (kind, ...) tuples into rich text and StreamField items."""

from html import escape

from .sources import law_credit, law_paragraphs, service_public, service_public_credit

REAL_TEXTS = {"law", "fiche"}


def rich(text):
    """Rich text HTML: paragraphs split on blank lines, lines starting with "- " as a list."""
    return "".join(_block(block) for block in text.split("\n\n"))


def _block(block):
    lines = block.split("\n")
    if all(line.startswith("- ") for line in lines):
        return "<ul>" + "".join(f"<li>{escape(line[2:], quote=False)}</li>" for line in lines) + "</ul>"
    return f"<p>{escape(block, quote=False)}</p>"


def real_text(kind, *args):
    """(text, source) of a quoted real text: ("law", article, [paragraph indexes]) or ("fiche", page id)."""
    if kind == "law":
        article, indexes = args
        paragraphs = law_paragraphs(article)
        return " ".join(paragraphs[index] for index in indexes), law_credit(article)
    page_id = args[0]
    return service_public(page_id)["description"], service_public_credit(page_id)


def body_item(kind, *args):
    """One BodyBlock item: heading, paragraph, quote, or a real text quoted."""
    if kind == "heading":
        return ("heading", {"text": args[0], "level": "h2"})
    if kind == "paragraph":
        return ("paragraph", rich(args[0]))
    text, attribution = args if kind == "quote" else real_text(kind, *args)
    return ("quote", {"text": text, "attribution": attribution})


def quoted_paragraph(kind, *args):
    """A real text quoted inside a paragraph, for streams without a quote block."""
    text, source = real_text(kind, *args)
    return ("paragraph", f"<p>« {escape(text, quote=False)} » <i>({escape(source, quote=False)})</i></p>")


def proceedings_html(proceedings, document):
    """The proceedings text: one titled section per part, then a link to the full PDF."""
    sections = "".join(f"<h2>{escape(heading, quote=False)}</h2>{rich(text)}" for heading, text in proceedings)
    return f'{sections}<p><a linktype="document" id="{document.pk}">Actes complets (PDF)</a></p>'
