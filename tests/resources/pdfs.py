"""PDF files for the extraction tests: real ones, protected ones, scans and broken ones."""

import io
import zlib

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


def raw_pdf(*bodies):
    """A PDF written object by object (1 is the catalogue), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref))
    return out.getvalue()


def stream(data, extra=b"", length=None):
    declared = len(data) if length is None else length
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (declared, extra, data)


def one_page_pdf(content, kids=b"3 0 R", count=1):
    return raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    )


def deflated(data_chunks):
    compressor = zlib.compressobj(9)
    return b"".join(compressor.compress(chunk) for chunk in data_chunks) + compressor.flush()


def compression_bomb(megabytes=100):
    """100 MB of zeros deflated into some 100 KB: past pypdf's 75 MB output limit."""
    return one_page_pdf(stream(deflated(b"0" * (1 << 20) for _ in range(megabytes)), b"/Filter /FlateDecode"))


def page_references(count=200_000):
    """A page tree that names the same page 200,000 times."""
    text = stream(b"BT /F1 12 Tf 72 770 Td (Actes) Tj ET")
    return one_page_pdf(text, kids=b" ".join([b"3 0 R"] * count), count=count)


def text_operators(count=2_000_000):
    """One page whose content stream holds millions of text-showing operators: a few KB, minutes to read."""
    return one_page_pdf(stream(deflated([b"BT /F1 12 Tf ", b"(a) Tj " * count, b"ET"]), b"/Filter /FlateDecode"))


def length_lie():
    """A content stream whose /Length says 9 bytes when it holds 60."""
    return one_page_pdf(stream(b"BT /F1 12 Tf 72 770 Td (Rapport de la cooperative) Tj ET", length=9))


def aes256_pdf(user_password, owner_password):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(FRENCH_PAGES))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
