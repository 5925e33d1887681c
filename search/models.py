"""Storage of the database engine (records, facet values) and the documentalists' synonyms."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class SearchRecord(models.Model):
    """One searchable item, as its content type described it (see search.records.Record).

    The full-text index lives beside it, created per database in migration 0002:
    FTS5 tables on SQLite, tsvector columns with GIN indexes on PostgreSQL.
    """

    source = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=40, db_index=True)
    title = models.TextField()
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, db_index=True)
    access = models.CharField(max_length=200, default="public", db_index=True)
    data = models.JSONField()
    fingerprint = models.CharField(max_length=40)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("fiche de recherche")
        verbose_name_plural = _("fiches de recherche")

    def __str__(self):
        return f"{self.source} {self.title}"


class SearchFacet(models.Model):
    """A (facet, value) a record counts under; territories include every ancestor."""

    record = models.ForeignKey(SearchRecord, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=12)
    value = models.CharField(max_length=120)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["record", "facet", "value"], name="unique_record_facet")]
        indexes = [models.Index(fields=["facet", "value", "record"], name="search_facet_value_idx")]

    def __str__(self):
        return f"{self.facet}={self.value}"


class Synonym(models.Model):
    """Expressions that mean the same thing to a researcher: applied when searching, no re-index."""

    expressions = models.TextField(
        _("expressions équivalentes"),
        help_text=_("Une expression par ligne, par exemple « SCOP » puis « société coopérative et participative »."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [FieldPanel("expressions"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonyme")
        verbose_name_plural = _("synonymes")

    def __str__(self):
        return " = ".join(self.expression_list())

    def expression_list(self):
        lines = self.expressions.replace(",", "\n").splitlines()
        return [line.strip() for line in lines if line.strip()]
