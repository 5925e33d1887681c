"""The import form of the admin: the file, the ZIP of PDFs, and the choices made for the whole batch."""

import logging

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Collection

from kb.models import Pole, Territory, Theme
from kb.vocabularies import TERRITORIES

from . import readers
from .attachments import PdfArchive, UnreadableZip
from .models import DuplicatePolicy, ImportBatch

logger = logging.getLogger(__name__)

EXTENSIONS = {"bib", "bibtex", "ris", "txt", "json", "csv", "tsv", "xlsx"}


class ImportForm(forms.ModelForm):
    """Upload and options; `save()` stores the batch with its files, ready to be previewed."""

    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        required=False,
        choices=[("", gettext_lazy("Reconnaître d'après le fichier"))],
    )
    encoding = forms.ChoiceField(
        label=gettext_lazy("Encodage des caractères"),
        required=False,
        choices=[("", gettext_lazy("Reconnaître automatiquement"))],
        help_text=gettext_lazy("À choisir si les accents sortent mal dans l'aperçu."),
    )
    publish = forms.TypedChoiceField(
        label=gettext_lazy("Les fiches créées ou modifiées"),
        choices=[
            ("0", gettext_lazy("passent en relecture (brouillons soumis au circuit de validation)")),
            ("1", gettext_lazy("sont publiées directement")),
        ],
        coerce=lambda value: value == "1",
        initial="0",
        widget=forms.RadioSelect,
    )
    territory_names = forms.CharField(
        label=gettext_lazy("Territoires pour toutes les références"),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("Codes officiels (44109) ou noms (Nantes), séparés par « ; »."),
    )

    class Meta:
        model = ImportBatch
        fields = [
            "source",
            "attachments",
            "format",
            "encoding",
            "duplicates",
            "publish",
            "collection",
            "poles",
            "themes",
        ]
        labels = {
            "source": gettext_lazy("Fichier de références"),
            "attachments": gettext_lazy("Archive ZIP des PDF (facultatif)"),
            "duplicates": gettext_lazy("Références déjà dans l'archive"),
            "collection": gettext_lazy("Collection où ranger les PDF"),
            "poles": gettext_lazy("Pôles pour toutes les références"),
            "themes": gettext_lazy("Thèmes pour toutes les références"),
        }
        help_texts = {
            "source": gettext_lazy(
                "BibTeX ou BibLaTeX (.bib), RIS (.ris), CSL-JSON (.json), tableur (.csv, .xlsx) ; au plus %(mb)s Mo."
            ),
            "attachments": gettext_lazy("Les PDF que nomment les références (champ file de Zotero, colonne Fichier)."),
        }
        widgets = {
            "duplicates": forms.RadioSelect,
            "poles": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices += readers.FORMATS
        self.fields["encoding"].choices += readers.ENCODINGS
        self.fields["source"].help_text = str(self.fields["source"].help_text) % {"mb": settings.KB_IMPORT_MAX_FILE_MB}
        self.fields["duplicates"].initial = DuplicatePolicy.SKIP
        self.fields["collection"].queryset = Collection.objects.all()
        self.fields["collection"].required = True
        self.fields["collection"].initial = Collection.get_first_root_node()
        self.fields["poles"].queryset = Pole.objects.order_by("name")
        self.fields["themes"].queryset = Theme.objects.order_by("name")

    def clean_source(self):
        source = self.cleaned_data["source"]
        extension = source.name.rpartition(".")[2].lower()
        if extension not in EXTENSIONS:
            raise forms.ValidationError(
                _("« .%(ext)s » n'est pas un format de références : envoyez un .bib, .ris, .json, .csv ou .xlsx.")
                % {"ext": extension}
            )
        if source.size > settings.KB_IMPORT_MAX_FILE_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("Ce fichier pèse plus de %(mb)s Mo : coupez-le en plusieurs envois.")
                % {"mb": settings.KB_IMPORT_MAX_FILE_MB}
            )
        return source

    def clean_attachments(self):
        attachments = self.cleaned_data.get("attachments")
        if not attachments:
            return attachments
        if attachments.size > settings.KB_IMPORT_MAX_ZIP_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("Cette archive pèse plus de %(mb)s Mo.") % {"mb": settings.KB_IMPORT_MAX_ZIP_MB}
            )
        try:
            PdfArchive(attachments).close()
        except UnreadableZip as exc:
            raise forms.ValidationError(str(exc)) from exc
        attachments.seek(0)
        return attachments

    def clean_territory_names(self):
        pks, unknown = [], []
        keys = {code or slug: pk for pk, code, slug in Territory.objects.values_list("pk", "code", "slug")}
        for value in filter(None, (part.strip() for part in self.cleaned_data["territory_names"].split(";"))):
            found = TERRITORIES.resolve(value)
            if len(found) == 1:
                pks.append(keys[found[0]])
            else:
                unknown.append(value)
        if unknown:
            raise forms.ValidationError(
                _("Territoires introuvables ou ambigus : %(names)s. Écrivez leur code officiel.")
                % {"names": ", ".join(f"« {name} »" for name in unknown)}
            )
        return pks

    def save(self, user):
        batch = super().save(commit=False)
        batch.created_by = user
        batch.source_name = self.cleaned_data["source"].name[:255]
        if batch.attachments:
            batch.attachments_name = self.cleaned_data["attachments"].name[:255]
        batch.save()
        self.save_m2m()
        batch.territories.set(self.cleaned_data["territory_names"])
        return batch
