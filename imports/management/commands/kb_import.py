"""manage.py kb_import FILE [--zip Z] [--dry-run] …: the admin's import from the terminal, with the same rules.

A real run is kept as an import batch (its report shows in the admin); the exit status is 1 when the file or any
row was refused, so a script notices.
"""

import sys
from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Collection

from imports.attachments import PdfArchive, UnreadableZip
from imports.batches import execute
from imports.mapping import Taxonomy
from imports.models import BatchStatus, DuplicatePolicy, ImportBatch
from imports.readers import ENCODINGS, FORMATS, UnreadableFile, read
from imports.runner import BatchError, Options, plan
from kb.vocabularies import name_key


class Command(BaseCommand):
    help = "Importe un fichier de références (BibTeX, RIS, CSL-JSON, CSV, XLSX) dans les travaux de recherche."

    def add_arguments(self, parser):
        parser.add_argument("file", help="le fichier de références")
        parser.add_argument("--zip", help="l'archive ZIP des PDF que nomment les références")
        parser.add_argument("--dry-run", action="store_true", help="montre ce que ferait l'import, sans rien écrire")
        parser.add_argument(
            "--format", choices=[name for name, _label in FORMATS], help="le format, s'il ne se reconnaît pas"
        )
        parser.add_argument(
            "--encoding", choices=[name for name, _label in ENCODINGS], help="l'encodage, s'il ne se reconnaît pas"
        )
        parser.add_argument(
            "--duplicates",
            choices=list(DuplicatePolicy.values),
            default=DuplicatePolicy.SKIP,
            help="skip, fill, overwrite",
        )
        parser.add_argument("--publish", action="store_true", help="publie directement au lieu de soumettre")
        parser.add_argument(
            "--pole", action="append", default=[], help="un pôle pour toutes les références (slug ou nom)"
        )
        parser.add_argument("--theme", action="append", default=[], help="un thème pour toutes les références")
        parser.add_argument("--territory", action="append", default=[], help="un territoire (code officiel ou nom)")
        parser.add_argument("--collection", help="la collection des PDF (nom), la racine sinon")
        parser.add_argument("--user", help="l'identifiant de qui importe (auteur des révisions)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Fichier illisible : {path} ({exc.strerror}).") from exc
        choices = self._options(options)
        if options["dry_run"]:
            return self._dry_run(data, path.name, options, choices)
        batch = self._batch(data, path, options, choices)
        execute(batch, progress=self._progress)
        self._progress_done()
        self._summary(batch.report, batch.counts)
        if batch.status == BatchStatus.FAILED or batch.counts.get("failed"):
            if batch.message:
                self.stderr.write(batch.message)
            sys.exit(1)

    def _options(self, options):
        taxonomy = Taxonomy()
        poles = [self._named(taxonomy.poles, value, "pôle") for value in options["pole"]]
        themes = [self._named(taxonomy.themes, value, "thème") for value in options["theme"]]
        territories = []
        for value in options["territory"]:
            pk, reason = taxonomy.territory(value)
            if pk is None:
                raise CommandError(reason)
            territories.append(pk)
        collection = Collection.get_first_root_node()
        if options["collection"]:
            collection = Collection.objects.filter(name=options["collection"]).first()
            if collection is None:
                raise CommandError(f"Collection inconnue : « {options['collection']} ».")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Utilisateur inconnu : « {options['user']} ».")
        return Options(
            duplicates=options["duplicates"],
            publish=options["publish"],
            poles=tuple(poles),
            themes=tuple(themes),
            territories=tuple(territories),
            collection_id=collection.pk,
            user=user,
        )

    @staticmethod
    def _named(index, value, kind):
        if name_key(value) not in index:
            raise CommandError(f"{kind.capitalize()} inconnu : « {value} ».")
        return index[name_key(value)]

    def _dry_run(self, data, name, options, choices):
        try:
            result = read(data, name, format=options["format"], encoding=options["encoding"])
            pdfs = self._pdfs(options["zip"])
            rows = []
            for done, planned in enumerate(plan(result, choices, pdfs), 1):
                rows.append(planned.row.as_dict())
                self._progress(done, len(result.records))
        except (UnreadableFile, UnreadableZip, BatchError) as exc:
            raise CommandError(str(exc)) from exc
        self._progress_done()
        self.stdout.write(f"{name} : {result.format}, {result.encoding}. Essai à blanc : rien n'a été écrit.")
        self._summary(rows, dict(Counter(row["action"] for row in rows)))
        if any(row["action"] == "error" for row in rows):
            sys.exit(1)

    @staticmethod
    def _pdfs(zip_path):
        if not zip_path:
            return None
        return PdfArchive(zip_path)

    def _batch(self, data, path, options, choices):
        """The run is kept as an import batch, as if sent from the admin."""
        batch = ImportBatch(
            source_name=path.name[:255],
            format=options["format"] or "",
            encoding=options["encoding"] or "",
            duplicates=choices.duplicates,
            publish=choices.publish,
            collection_id=choices.collection_id,
            created_by=choices.user,
            status=BatchStatus.QUEUED,
        )
        batch.source.save(path.name, ContentFile(data), save=False)
        if options["zip"]:
            try:
                zip_data = Path(options["zip"]).read_bytes()
                PdfArchive(ContentFile(zip_data)).close()
            except (OSError, UnreadableZip) as exc:
                raise CommandError(f"Archive ZIP illisible : {options['zip']} ({exc}).") from exc
            batch.attachments.save(Path(options["zip"]).name, ContentFile(zip_data), save=False)
            batch.attachments_name = Path(options["zip"]).name[:255]
        batch.save()
        batch.poles.set(choices.poles)
        batch.themes.set(choices.themes)
        batch.territories.set(choices.territories)
        self.stdout.write(f"Import n° {batch.pk} : {path.name}")
        return batch

    def _progress(self, done, total):
        # A bar redrawn in place on a terminal; a line per tenth when the output is a file or a pipe.
        if self.stderr.isatty():
            width = 40
            filled = width * done // max(total, 1)
            self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        elif total and (done == total or done % max(total // 10, 1) == 0):
            self.stderr.write(f"{done}/{total}")

    def _progress_done(self):
        if self.stderr.isatty():
            self.stderr.write("")

    def _summary(self, rows, counts):
        for row in rows:
            for problem in row["problems"]:
                where = f"{problem['field']} : " if problem["field"] else ""
                self.stdout.write(f"ligne {row['line']} ({row['label']}) — {where}{problem['message']}")
        labels = {
            "create": ("à créer", "à créer"),
            "update": ("à mettre à jour", "à mettre à jour"),
            "skip": ("ignorée", "ignorées"),
            "error": ("refusée", "refusées"),
            "created": ("créée", "créées"),
            "updated": ("mise à jour", "mises à jour"),
            "skipped": ("ignorée", "ignorées"),
            "failed": ("en échec", "en échec"),
        }
        parts = [f"{count} {labels[action][count > 1]}" for action, count in sorted(counts.items()) if action in labels]
        total = f"{len(rows)} référence{'s' if len(rows) > 1 else ''}"
        self.stdout.write(f"{total} : " + (", ".join(parts) or "aucune") + ".")
