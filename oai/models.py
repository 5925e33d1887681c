"""What harvesters were shown: one row per item ever exposed, kept after it is withdrawn.

OAI-PMH harvesters ask « what changed since » and must learn of deletions too (deletedRecord = persistent):
search records alone cannot say either, since a withdrawn item's record is simply gone.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExposedItem(models.Model):
    """An item as the OAI-PMH endpoint exposes it, or exposed it until it was withdrawn (`deleted`).

    `metadata` is what harvesters receive (oai.dublincore), with relative addresses and vocabulary keys;
    `datestamp` changes only when it or the item's sets change, as `fingerprint` tells.
    """

    source = models.CharField(max_length=40, unique=True)
    datestamp = models.DateTimeField()
    deleted = models.BooleanField(default=False)
    fingerprint = models.CharField(max_length=40)
    metadata = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("élément moissonnable")
        verbose_name_plural = _("éléments moissonnables")
        # Lists are read in (datestamp, source) order from a cursor: see oai.lists.
        indexes = [models.Index(fields=["datestamp", "source"], name="oai_item_datestamp_idx")]

    def __str__(self):
        return f"{self.source} ({'retiré' if self.deleted else 'exposé'})"


class SetMembership(models.Model):
    """An item belongs to a set ("pole:habitat", and its parent "pole"); kept when it is withdrawn."""

    item = models.ForeignKey(ExposedItem, on_delete=models.CASCADE, related_name="memberships")
    spec = models.CharField(max_length=160)

    class Meta:
        verbose_name = _("appartenance à un ensemble OAI")
        verbose_name_plural = _("appartenances aux ensembles OAI")
        constraints = [models.UniqueConstraint(fields=["item", "spec"], name="oai_unique_item_spec")]
        indexes = [models.Index(fields=["spec", "item"], name="oai_membership_spec_idx")]

    def __str__(self):
        return f"{self.item.source} ∈ {self.spec}"
