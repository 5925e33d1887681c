"""The ZIP of PDFs sent with a batch: members found by the paths the references give, read within bounds.

Nothing is ever extracted to disk under a member's own name, so a path such as ../../etc/passwd can name nothing
outside the archive; members are read in memory up to a size bound that does not trust the ZIP's own headers.
"""

import logging
import posixpath
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_MEMBERS = 20_000
# A PDF compresses two to five times; a member a hundred times smaller than what it expands to is a bomb.
MAX_RATIO = 100
CHUNK = 1024 * 1024


class UnreadableZip(ValueError):
    """The ZIP cannot be used at all; the message is French."""


class MissingAttachment(ValueError):
    """A reference's file is not usable from the ZIP; the message is French and names the path."""


@dataclass
class Attachment:
    name: str
    data: bytes


def max_member_bytes():
    return settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


def clean_path(path):
    """A member path as references write it, compared loosely: forward slashes, no "./", no leading "/"."""
    path = str(path).replace("\\", "/").strip()
    path = path.removeprefix("file://")
    return posixpath.normpath(path).lstrip("/") if path else ""


class PdfArchive:
    """An opened ZIP; `get(path)` returns the PDF a reference names, or raises MissingAttachment."""

    def __init__(self, file):
        try:
            self.zip = zipfile.ZipFile(file)
            members = [info for info in self.zip.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            logger.warning("import ZIP unreadable: %s", exc)
            raise UnreadableZip(_("Le fichier joint n'est pas une archive ZIP lisible.")) from exc
        if len(members) > MAX_MEMBERS:
            raise UnreadableZip(_("L'archive ZIP contient plus de %(n)s fichiers.") % {"n": f"{MAX_MEMBERS:,}"})
        self.by_path, self.by_lower, self.by_base = {}, {}, {}
        self.refused = []
        for info in members:
            name = info.filename.replace("\\", "/")
            parts = name.split("/")
            if name.startswith("/") or ".." in parts or (len(parts[0]) == 2 and parts[0][1] == ":"):
                # Never addressable: a reference cannot reach it, whatever it writes.
                self.refused.append(info.filename)
                logger.warning("import ZIP: member with an unsafe path refused: %r", info.filename)
                continue
            path = clean_path(name)
            self.by_path[path] = info
            self.by_lower.setdefault(path.lower(), info)
            self.by_base.setdefault(posixpath.basename(path).lower(), []).append(info)

    def find(self, path):
        """The member a reference's path names: exactly, else without case, else by its file name when unique."""
        wanted = clean_path(path)
        if not wanted or wanted.startswith("..") or "/../" in wanted:
            return None
        found = self.by_path.get(wanted) or self.by_lower.get(wanted.lower())
        if found is None:
            same_name = self.by_base.get(posixpath.basename(wanted).lower(), [])
            found = same_name[0] if len(same_name) == 1 else None
        return found

    def get(self, path):
        info = self.find(path)
        if info is None:
            raise MissingAttachment(_("« %(path)s » n'est pas dans l'archive ZIP envoyée.") % {"path": path})
        limit = max_member_bytes()
        if info.file_size > limit or (info.compress_size and info.file_size / info.compress_size > MAX_RATIO):
            raise MissingAttachment(_("« %(path)s » est trop volumineux une fois décompressé.") % {"path": path})
        data = self._read(info, limit, path)
        if not data.startswith(b"%PDF-"):
            raise MissingAttachment(_("« %(path)s » n'est pas un PDF.") % {"path": path})
        return Attachment(posixpath.basename(clean_path(info.filename)), data)

    def _read(self, info, limit, path):
        # The header's sizes may lie: count what really comes out.
        chunks, size = [], 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise MissingAttachment(
                            _("« %(path)s » est trop volumineux une fois décompressé.") % {"path": path}
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            # RuntimeError: an encrypted member.
            logger.warning("import ZIP: member %r unreadable: %s", info.filename, exc)
            raise MissingAttachment(_("« %(path)s » est illisible dans l'archive ZIP.") % {"path": path}) from exc
        return b"".join(chunks)

    def close(self):
        self.zip.close()
