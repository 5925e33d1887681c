"""An import batch: the file a documentalist sent, the choices made for it, its preview and what the run did.

The preview and the report are kept as rows (line, label, action, reason, problems, page) so the documentalist can
come back to them; the files stay under MEDIA_ROOT/imports/, which nothing serves (kb.urls).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection


class DuplicatePolicy(models.TextChoices):
    """What to do with a reference the archive already holds (same DOI, HAL id, or title, year and first author)."""

    SKIP = "skip", _("Ignorer : garder la fiche existante telle quelle")
    FILL = "fill", _("Compléter : remplir seulement les champs vides de la fiche existante")
    OVERWRITE = "overwrite", _("Remplacer : écraser la fiche existante par les valeurs du fichier")


class BatchStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Aperçu, en attente de confirmation")
    QUEUED = "queued", _("En file d'attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échec")


class ImportBatch(models.Model):
    """One bibliography file imported (or previewed) into the research papers, with its options and outcome."""

    created_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.FileField(_("fichier"), upload_to="imports/%Y/%m/")
    source_name = models.CharField(_("nom du fichier"), max_length=255)
    attachments = models.FileField(_("ZIP des PDF"), upload_to="imports/%Y/%m/", blank=True)
    attachments_name = models.CharField(_("nom du ZIP"), max_length=255, blank=True)
    format = models.CharField(_("format"), max_length=10, blank=True)
    encoding = models.CharField(_("encodage"), max_length=10, blank=True)
    duplicates = models.CharField(
        _("doublons"), max_length=10, choices=DuplicatePolicy.choices, default=DuplicatePolicy.SKIP
    )
    publish = models.BooleanField(_("publier directement"), default=False)
    collection = models.ForeignKey(
        Collection, verbose_name=_("collection des PDF"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    poles = models.ManyToManyField("kb.Pole", verbose_name=_("pôles"), blank=True, related_name="+")
    themes = models.ManyToManyField("kb.Theme", verbose_name=_("thèmes"), blank=True, related_name="+")
    territories = models.ManyToManyField("kb.Territory", verbose_name=_("territoires"), blank=True, related_name="+")

    status = models.CharField(_("état"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.PREVIEWED)
    message = models.TextField(_("message"), blank=True)
    total = models.PositiveIntegerField(_("références"), default=0)
    processed = models.PositiveIntegerField(_("traitées"), default=0)
    counts = models.JSONField(_("bilan"), default=dict, blank=True)
    preview = models.JSONField(_("aperçu"), default=list, blank=True, editable=False)
    report = models.JSONField(_("rapport"), default=list, blank=True, editable=False)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("fini le"), null=True, blank=True)
    # Written as rows are imported: a batch « en cours » whose heartbeat stopped lost its worker.
    heartbeat_at = models.DateTimeField(_("dernier signe de vie"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import de bibliographie")
        verbose_name_plural = _("imports de bibliographie")
        permissions = [("import_references", _("Importer des références bibliographiques"))]

    def __str__(self):
        return f"{self.source_name} ({self.created_at:%d/%m/%Y %H:%M})" if self.created_at else self.source_name

    def get_absolute_url(self):
        return reverse("imports:batch", args=[self.pk])

    @property
    def progress_percent(self):
        return round(100 * self.processed / self.total) if self.total else 0

    @property
    def is_active(self):
        return self.status in {BatchStatus.QUEUED, BatchStatus.RUNNING}
