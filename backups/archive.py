"""The backup archive: one tar.gz holding a manifest, the database's own dump and the media files.

The manifest comes first and says what follows (engine, versions, migrations, rows per model, each
file's size and SHA-256): a restore refuses a wrong archive before touching anything, and every byte
it extracts is checked against it.
"""

import hashlib
import io
import json
import logging
import os
import tarfile
import zlib
from pathlib import Path, PurePosixPath

from .databases import BackupError

logger = logging.getLogger(__name__)

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_DIR = "database"
MEDIA_DIR = "media"
CHUNK = 1024 * 1024
_UNREADABLE = (tarfile.TarError, EOFError, zlib.error, OSError, UnicodeDecodeError)


def file_digest(path):
    """(size, SHA-256) of a file."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def media_files(root):
    """{relative POSIX path: absolute path} of every regular file under the media folder."""
    root = Path(root)
    if not root.is_dir():
        return {}
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found[path.relative_to(root).as_posix()] = path
    return dict(sorted(found.items()))


def describe(path):
    size, sha256 = file_digest(path)
    return {"size": size, "sha256": sha256}


def write(destination, manifest, database_path, media):
    """Write the archive next to `destination`, then move it there: a half-written archive never looks whole."""
    partial = destination.with_name(destination.name + ".partiel")
    try:
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            payload = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode = len(payload), 0o644
            tar.addfile(info, io.BytesIO(payload))
            tar.add(database_path, arcname=f"{DATABASE_DIR}/{manifest['database']['file']}", recursive=False)
            for relative, path in media.items():
                tar.add(path, arcname=f"{MEDIA_DIR}/{relative}", recursive=False)
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)


def _is_file_entry(entry):
    return isinstance(entry, dict) and isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str)


def _well_formed(manifest):
    """The manifest's values have the shapes the restore reads, so a crafted one is refused, never a traceback."""
    database, media = manifest["database"], manifest["media"]
    return (
        isinstance(manifest["engine"], str)
        and _is_file_entry(database)
        and isinstance(database.get("file"), str)
        and isinstance(manifest["migrations"], list)
        and all(
            isinstance(m, list) and len(m) == 2 and all(isinstance(p, str) for p in m) for m in manifest["migrations"]
        )
        and isinstance(manifest["counts"], dict)
        and all(isinstance(rows, int) for rows in manifest["counts"].values())
        and isinstance(media, dict)
        and all(_is_file_entry(entry) for entry in media.values())
    )


class ArchiveReader:
    """Reads an archive in one pass: the manifest first (to refuse early), then each file, checked."""

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.is_file():
            raise BackupError(f"L'archive « {self.path} » est introuvable.")
        self.tar = None
        try:
            # Streamed, so the manifest is read before the rest; close() ends it (see procedures.restore).
            self.tar = tarfile.open(self.path, "r|gz")  # noqa: SIM115
            first = self.tar.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupError(f"« {self.path} » n'est pas une sauvegarde de la base : son manifeste manque.")
            self.manifest = json.loads(self.tar.extractfile(first).read())
            self._check_manifest()
        except _UNREADABLE + (ValueError,) as error:
            self.close()
            logger.warning("restore: %s unreadable: %r", self.path, error)
            raise BackupError(f"L'archive « {self.path} » est illisible ou endommagée ({error}).") from error
        except BackupError:
            self.close()
            raise

    def _check_manifest(self):
        manifest = self.manifest
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BackupError(
                f"L'archive « {self.path} » n'est pas au format de sauvegarde {FORMAT} de cette version du code."
            )
        for key in ("engine", "database", "migrations", "counts", "media"):
            if key not in manifest:
                raise BackupError(f"Le manifeste de l'archive « {self.path} » est incomplet : « {key} » manque.")
        if not _well_formed(manifest):
            raise BackupError(f"Le manifeste de l'archive « {self.path} » est mal formé.")

    def expected(self):
        """{archive name: (size, sha256)} of every file the manifest announces."""
        database = self.manifest["database"]
        files = {f"{DATABASE_DIR}/{database['file']}": (database["size"], database["sha256"])}
        for relative, entry in self.manifest["media"].items():
            files[f"{MEDIA_DIR}/{relative}"] = (entry["size"], entry["sha256"])
        return files

    def extract(self, folder):
        """Extract every announced file under `folder`, each checked against its size and SHA-256."""
        expected, folder = self.expected(), Path(folder)
        try:
            while (member := self.tar.next()) is not None:
                target = self._target(member, expected, folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                digest, size = hashlib.sha256(), 0
                with self.tar.extractfile(member) as source, open(target, "wb") as sink:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        sink.write(chunk)
                if (size, digest.hexdigest()) != tuple(expected.pop(member.name)):
                    raise BackupError(
                        f"« {member.name} » a été altéré : sa taille ou son empreinte diffère du manifeste."
                    )
        except _UNREADABLE as error:
            logger.warning("restore: %s unreadable: %r", self.path, error)
            raise BackupError(f"L'archive « {self.path} » est tronquée ou endommagée ({error}).") from error
        if expected:
            raise BackupError(
                f"L'archive « {self.path} » est incomplète : il manque {', '.join(sorted(expected)[:5])}."
            )
        return folder / DATABASE_DIR / self.manifest["database"]["file"], folder / MEDIA_DIR

    @staticmethod
    def _target(member, expected, folder):
        name = PurePosixPath(member.name)
        if member.name not in expected or not member.isfile() or name.is_absolute() or ".." in name.parts:
            raise BackupError(f"L'archive contient « {member.name} », que son manifeste n'annonce pas : refusée.")
        return folder.joinpath(*name.parts)

    def close(self):
        if self.tar is not None:
            self.tar.close()
