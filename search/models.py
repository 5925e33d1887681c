"""Storage of the database engine (records, facet values), the documentalists' synonyms, and what a
search server still has to receive (queued changes) or last did (failures, rebuilds)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .analysis import analyze


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
    # Analysed tokens per weighted field (search.engines.postings.FIELDS): BM25F's length normalisation.
    title_length = models.PositiveIntegerField(default=0)
    abstract_length = models.PositiveIntegerField(default=0)
    body_length = models.PositiveIntegerField(default=0)
    attachments_length = models.PositiveIntegerField(default=0)

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
    """Expressions that mean the same thing to a researcher: applied when searching, no re-index.

    The ESS vocabulary ships as groups named by `key` (migration 0006); documentalists edit them like
    their own groups, and a shipped group is never installed again once its key exists.
    """

    expressions = models.TextField(
        _("expressions équivalentes"),
        help_text=_("Une expression par ligne, par exemple « SCOP » puis « société coopérative et participative »."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    key = models.SlugField(
        _("groupe livré"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Nom du groupe livré avec le projet ; vide pour un groupe créé dans l'administration."),
    )

    panels = [FieldPanel("expressions"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonyme")
        verbose_name_plural = _("synonymes")

    def __str__(self):
        return " = ".join(self.expression_list())

    def expression_list(self):
        lines = self.expressions.replace(",", "\n").splitlines()
        return [line.strip() for line in lines if line.strip()]

    def clean(self):
        """Refuse a group that could never widen a search: fewer than two expressions the search tells apart."""
        lines = self.expression_list()
        distinct = {tuple(analyze(line)) for line in lines} - {()}
        if len(distinct) >= 2:
            return
        message = _(
            "Un groupe de synonymes doit réunir au moins deux expressions différentes, une par ligne. "
            "La recherche ne distingue ni les majuscules, ni les accents, ni le singulier du pluriel : "
            "« SCOP », « Scop » et « SCOPs » sont une seule expression."
        )
        ignored = [line for line in lines if not analyze(line)]
        if ignored:
            message = _("%(message)s La recherche ignore entièrement %(lines)s (mots vides du français).") % {
                "message": message,
                "lines": ", ".join(f"« {line} »" for line in ignored),
            }
        raise ValidationError({"expressions": message})


class PendingChange(models.Model):
    """A source whose record a search server has not received yet: replayed in order once it answers.

    Changes queue here while Elasticsearch is unreachable, and during a rebuild so that the new
    index catches up with what changed while it was being built.
    """

    source = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("modification en attente")
        verbose_name_plural = _("modifications en attente")

    def __str__(self):
        return f"{self.source} ({self.created_at:%d/%m/%Y %H:%M})"


class UnsyncedChange(models.Model):
    """A source changed by a transaction, written in that transaction and deleted once its sync has run (an outbox).

    A row that outlives its transaction by more than a moment means the process died between the commit and
    the sync: the worker's sweep and `kb_index repair` replay it (search.sync.replay_unsynced).
    """

    source = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("modification non synchronisée")
        verbose_name_plural = _("modifications non synchronisées")

    def __str__(self):
        return self.source


class EngineStatus(models.Model):
    """What every process knows of a search server: its last failure and answer, a rebuild under way."""

    engine = models.CharField(max_length=40, unique=True)
    failed_at = models.DateTimeField(null=True)
    error = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True)
    rebuilding_since = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("état d'un moteur de recherche")
        verbose_name_plural = _("états des moteurs de recherche")

    def __str__(self):
        return self.engine

    @property
    def failing(self):
        """The last call failed: no answer came after the last failure."""
        return bool(self.failed_at and (self.answered_at is None or self.answered_at < self.failed_at))


class SearchChange(models.Model):
    """One write to the database engine's records, in order: what each process's in-memory columns replay.

    `stamp` is drawn at random per write, so that a process can tell its last seen change from
    another one that took the same number after a rollback (SQLite reuses the number).
    """

    WRITE, CLEAR, MERGE = "write", "clear", "merge"

    stamp = models.CharField(max_length=32)
    kind = models.CharField(max_length=8, default=WRITE)
    added = models.JSONField(default=list)
    removed = models.JSONField(default=list)

    class Meta:
        verbose_name = _("changement de l'index")
        verbose_name_plural = _("changements de l'index")

    def __str__(self):
        return f"{self.pk} {self.kind}"


class SearchPostings(models.Model):
    """The records holding a term, per field (title, abstract, body, attachments), packed in one value.

    A write adds a segment per term it touches; segments are merged into one (search.engines.postings).
    """

    term = models.CharField(max_length=100)
    segment = models.BigIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "segment"], name="unique_term_segment")]
        verbose_name = _("liste de fiches d'un terme")
        verbose_name_plural = _("listes de fiches des termes")

    def __str__(self):
        return f"{self.term} ({self.segment})"
