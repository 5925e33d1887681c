"""Extract the text of a PDF, page by page; run as a child process with OS limits.

Reads the PDF bytes on stdin, writes one JSON object on stdout:
{"status": ..., "pages": [...], "message": ...}. It imports nothing from Django so
that it starts fast and a hostile file can only ever hurt this throwaway process.
"""

import io
import json
import sys

PDF_MAGIC = b"%PDF-"


def extract_pages(data):
    """Return (status, pages, message) for the given bytes."""
    if not data:
        return "empty_file", [], "Le fichier est vide (0 octet)."
    if PDF_MAGIC not in data[:1024]:
        return "not_pdf", [], "Le fichier n'est pas un PDF malgré son extension."

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                # Many "protected" PDFs only have an owner password and open with an empty one.
                if not reader.decrypt(""):
                    return "encrypted", [], "Le PDF est protégé par un mot de passe."
            except (NotImplementedError, FileNotDecryptedError):
                return "encrypted", [], "Le PDF est chiffré et ne peut pas être lu."
        pages = [_normalise(page.extract_text() or "") for page in reader.pages]
    except FileNotDecryptedError:
        return "encrypted", [], "Le PDF est protégé par un mot de passe."
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, AssertionError) as exc:
        return "broken", [], f"Le PDF est illisible ou endommagé ({type(exc).__name__})."
    except RecursionError:
        return "broken", [], "Le PDF a une structure trop imbriquée pour être lue."

    if not pages:
        return "no_text", [], "Le PDF ne contient aucune page."
    if not any(text.strip() for text in pages):
        return "no_text", pages, "Aucun texte extractible : document scanné (image) ?"
    return "done", pages, ""


def _normalise(text):
    # Keep paragraph breaks, drop the trailing spaces and NULs some generators emit.
    lines = (line.rstrip() for line in text.replace("\x00", "").splitlines())
    return "\n".join(lines).strip()


def main():
    status, pages, message = extract_pages(sys.stdin.buffer.read())
    json.dump({"status": status, "pages": pages, "message": message}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
