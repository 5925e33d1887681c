"""The admin's document form: Wagtail's, with the archive's classification (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django import forms

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
