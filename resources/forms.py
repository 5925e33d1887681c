"""The admin's document form: Wagtail's, with the archive's classification (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput
from wagtail.documents.forms import BaseDocumentForm

from kb.widgets import TerritoriesChooser


class ArchiveDocumentForm(BaseDocumentForm):
    """Poles and themes as boxes to tick and territories through their chooser, as on the pages' forms."""

    class Meta(BaseDocumentForm.Meta):
        widgets = {
            **BaseDocumentForm.Meta.widgets,
            "publication_date": AdminDateInput,
            "poles": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "territories": TerritoriesChooser,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "file" in self.fields:
            # Where the editor looks after an upload: the worker's progress, refreshed with the page.
            self.fields["file"].help_text = _("Extraction du texte : %(state)s") % {
                "state": self.instance.extraction_state()
            }
