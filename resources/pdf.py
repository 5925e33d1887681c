"""Make simple, real PDFs (demo archive and tests) with fpdf2."""

from fpdf import FPDF

# The PDF core fonts cover Latin-1: French accents, « » and ç are in it; typographic
# quotes, dashes and ligatures are not, so they get their plain equivalents.
_PLAIN = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "œ": "oe", "Œ": "OE", "€": "EUR"}
)


def latin1(text):
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def make_pdf(pages, title=""):
    """Return the bytes of a PDF with one page per text."""
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(title))
    pdf.set_auto_page_break(auto=False)
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 5, latin1(text))
    return bytes(pdf.output())
