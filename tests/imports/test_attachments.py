"""The ZIP of PDFs: a reference reaches its PDF however the path is written, and nothing else, within bounds."""

import io
import zipfile

import pytest

from imports.attachments import MissingAttachment, PdfArchive, UnreadableZip

from .helpers import a_pdf, pdf_zip


def archive(files):
    return PdfArchive(io.BytesIO(pdf_zip(files)))


def test_a_path_is_found_exactly_without_case_or_by_its_unique_file_name():
    pdfs = archive({"storage/ABCD/Le Goff 2019.pdf": a_pdf(), "autre/x.pdf": a_pdf()})
    assert pdfs.get("storage/ABCD/Le Goff 2019.pdf").name == "Le Goff 2019.pdf"
    assert pdfs.get("STORAGE/abcd/le goff 2019.PDF").data.startswith(b"%PDF-")
    assert pdfs.get("files/12/Le Goff 2019.pdf").name == "Le Goff 2019.pdf"
    assert pdfs.get("C:\\Users\\doc\\Zotero\\storage\\ABCD\\Le Goff 2019.pdf").name == "Le Goff 2019.pdf"


def test_a_file_name_found_in_two_folders_is_not_guessed():
    pdfs = archive({"a/x.pdf": a_pdf(), "b/x.pdf": a_pdf()})
    with pytest.raises(MissingAttachment, match="n'est pas dans l'archive"):
        pdfs.get("c/x.pdf")


def test_members_with_a_traversal_path_are_never_reachable():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as written:
        written.writestr("../../etc/passwd.pdf", a_pdf())
        written.writestr("/abs/x.pdf", a_pdf())
    pdfs = PdfArchive(io.BytesIO(buffer.getvalue()))
    assert sorted(pdfs.refused) == ["../../etc/passwd.pdf", "/abs/x.pdf"]
    for path in ("../../etc/passwd.pdf", "passwd.pdf", "x.pdf", "/abs/x.pdf"):
        with pytest.raises(MissingAttachment):
            pdfs.get(path)


def test_a_compression_bomb_is_refused_without_being_expanded():
    pdfs = archive({"bombe.pdf": b"%PDF-1.4\n" + b"\0" * (30 * 1024 * 1024)})
    with pytest.raises(MissingAttachment, match="trop volumineux une fois décompressé"):
        pdfs.get("bombe.pdf")


def test_a_member_larger_than_a_document_may_be_is_refused(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    pdfs = archive({"gros.pdf": a_pdf("x" * 5000)})
    with pytest.raises(MissingAttachment, match="trop volumineux"):
        pdfs.get("gros.pdf")


def test_a_member_that_is_not_a_pdf_is_refused():
    pdfs = archive({"faux.pdf": b"MZ\x90\x00 an executable"})
    with pytest.raises(MissingAttachment, match="n'est pas un PDF"):
        pdfs.get("faux.pdf")


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_a_file_that_is_no_zip_is_refused_in_french(data):
    with pytest.raises(UnreadableZip, match="n'est pas une archive ZIP lisible"):
        PdfArchive(io.BytesIO(data))
