"""Controlled vocabularies: poles, themes and the territory tree."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Pole(index.Indexed, models.Model):
    """A thematic pole (sector) of the network; each has a section page."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    # Kept in step by kb.roles: created with the pole's section page, renamed with the pole.
    animators = models.OneToOneField(
        "auth.Group",
        verbose_name=_("groupe des animateurs"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="animated_pole",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("pôle")
        verbose_name_plural = _("pôles")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        section = getattr(self, "section_page", None)
        if section is not None and section.live:
            return section.url
        return reverse("kb:pole", args=[self.slug])


class Theme(index.Indexed, models.Model):
    """One of the big societal questions the ESS answers (se loger, se soigner...)."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    question = models.CharField(
        _("question"), max_length=255, blank=True, help_text=_("La question de société, en une phrase.")
    )
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("question"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("kb:theme", args=[self.slug])


class TerritoryKind(models.TextChoices):
    REGION = "region", _("Région")
    DEPARTEMENT = "departement", _("Département")
    EPCI = "epci", _("Intercommunalité (EPCI)")
    COMMUNE = "commune", _("Commune")
    PAYS = "pays", _("Pays")
    QUARTIER = "quartier", _("Quartier")
    GROUPEMENT = "groupement", _("Autre regroupement")


OFFICIAL_KINDS = {TerritoryKind.REGION, TerritoryKind.DEPARTEMENT, TerritoryKind.EPCI, TerritoryKind.COMMUNE}


class Territory(index.Indexed, models.Model):
    """A place: official (région, département, EPCI, commune, keyed on its code) or local.

    `parent` is the one place it is shown under (région → département → EPCI →
    commune); `ancestors` holds every territory it counts under, which can be more
    than the parent chain: a commune counts under its own département even when its
    EPCI straddles two.
    """

    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=TerritoryKind.choices)
    code = models.CharField(
        _("code officiel"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Code INSEE (région, département, commune) ou SIREN (EPCI). Vide pour un territoire local."),
    )
    slug = models.SlugField(_("identifiant"), max_length=220, unique=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("rattaché à"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    ancestors = models.ManyToManyField(
        "self", symmetrical=False, related_name="descendant_set", blank=True, editable=False
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("code"), FieldPanel("parent")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self):
        if self.code and self.kind != TerritoryKind.REGION:
            return f"{self.name} ({self.code})"
        return self.name

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = None
        if not self.slug:
            self.slug = self._unique_slug()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if not self.is_official:
                self.rebuild_local_ancestry()

    def get_absolute_url(self):
        return reverse("kb:territory", args=[self.key])

    @property
    def key(self):
        """The identifier used in URLs and filters: official code, else slug."""
        return self.code or self.slug

    @property
    def is_official(self):
        return self.kind in OFFICIAL_KINDS

    def descendants(self):
        return Territory.objects.filter(ancestors=self)

    def lineage(self):
        """Itself and every territory it counts under, nearest first by kind."""
        order = {kind: rank for rank, kind in enumerate(reversed(TerritoryKind.values))}
        chain = [self, *self.ancestors.all()]
        return sorted(chain, key=lambda t: order.get(t.kind, 0))

    def clean(self):
        if self.code == "":
            self.code = None
        if self.kind in OFFICIAL_KINDS and not self.code:
            raise ValidationError({"code": _("Un territoire officiel a un code officiel.")})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Un territoire ne peut pas être rattaché à lui-même.")})
        if self.parent_id and self.pk and self.parent.ancestors.filter(pk=self.pk).exists():
            raise ValidationError({"parent": _("Ce rattachement créerait une boucle.")})

    def _unique_slug(self):
        base = slugify(self.name)[:180] or "territoire"
        if self.code:
            base = f"{base}-{self.code}"
        slug, n = base, 2
        while Territory.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def rebuild_local_ancestry(self):
        """A local territory counts under its parent and all the parent counts under."""
        inherited = set()
        if self.parent_id:
            inherited = {self.parent_id, *self.parent.ancestors.values_list("pk", flat=True)}
        self.ancestors.set(inherited)
        for child in self.children.exclude(kind__in=OFFICIAL_KINDS):
            child.rebuild_local_ancestry()
