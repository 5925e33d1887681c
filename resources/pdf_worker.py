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
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    try:
        pages = _read(PdfReader(io.BytesIO(data)))
    except FileNotDecryptedError:
        return "encrypted", [], "Le PDF est protégé par un mot de passe."
    except DependencyError:
        return "encrypted", [], "Le PDF est chiffré d'une façon que ce serveur ne sait pas lire."
    except (LimitReachedError, MemoryError) as exc:
        # pypdf's guards against decompression bombs and giant arrays or page trees.
        return "too_large", [], f"Le PDF dépasse les limites de lecture ({_reason(exc)})."
    except RecursionError:
        return "broken", [], "Le PDF a une structure trop imbriquée pour être lue."
    except Exception as exc:
        # PdfReadError, DeprecationError and the ValueError, KeyError... (pypdf 6.x)
        # that a hostile file raises from corners of pypdf no list foresees: all mean a damaged file.
        return "broken", [], f"Le PDF est illisible ou endommagé ({type(exc).__name__})."

    if not pages:
        return "no_text", [], "Le PDF ne contient aucune page."
    if not any(text.strip() for text in pages):
        return "no_text", pages, "Aucun texte extractible : document scanné (image) ?"
    return "done", pages, ""


def _read(reader):
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if reader.is_encrypted:
        try:
            # Owner-password-only PDFs (AES-256 too, through cryptography) open with an empty password.
            opened = reader.decrypt("")
        except NotImplementedError as exc:
            raise DependencyError(str(exc)) from exc
        if not opened:
            raise FileNotDecryptedError("user password required")
    return [_normalise(page.extract_text() or "") for page in reader.pages]


def _reason(exc):
    return "bombe de décompression" if "decompress" in str(exc).lower() else "structure démesurée"


def _normalise(text):
    # Keep paragraph breaks, drop the trailing spaces and NULs some generators emit.
    lines = (line.rstrip() for line in text.replace("\x00", "").splitlines())
    return "\n".join(lines).strip()


def main():
    status, pages, message = extract_pages(sys.stdin.buffer.read())
    json.dump({"status": status, "pages": pages, "message": message}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
