"""PDF files for the extraction tests: real ones, protected ones, scans and broken ones."""

import io

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from resources.pdf import make_pdf

FRENCH_PAGES = [
    "Économie sociale et solidaire : les actes de la journée d'étude.",
    "Une coopérative d'habitants a rénové la façade de l'immeuble.",
    "Enseignements : l'habitat participatif se transmet par l'exemple.",
]


def encrypted_pdf(user_password="secret", owner_password=None):  # noqa: S107 - a test fixture
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(FRENCH_PAGES))))
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scanned_pdf():
    """A page with a drawing and no text layer, like a scan."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def truncated_pdf():
    data = make_pdf(FRENCH_PAGES)
    return data[: len(data) // 2]
