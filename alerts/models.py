"""A reader's saved searches, how often they want to hear of new matching items, and what they already heard of.

Deleting the reader's account deletes both (CASCADE): nothing of theirs stays behind.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Max
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search import registry
from search.params import parse_params
from search.query import FACETS

MAX_PER_READER = 50


class Frequency(models.TextChoices):
    NONE = "none", _("Aucune alerte")
    DAILY = "daily", _("Chaque jour")
    WEEKLY = "weekly", _("Chaque semaine")


def canonical_query(search_request):
    """The saved form of a search: its words and filters, in a fixed order (sort and page are how it was viewed)."""
    pairs = [("q", search_request.q)] if search_request.q else []
    pairs += [(facet, value) for facet in FACETS for value in sorted(search_request.filters.get(facet) or [])]
    return urlencode(pairs)


def archive_watermarks():
    """The highest id of each kind of searchable item now: any item with a higher one entered the archive later."""
    return {
        prefix: model.objects.aggregate(highest=Max("pk"))["highest"] or 0
        for prefix, model in registry.searchable_models().items()
    }


class SavedSearch(models.Model):
    """A search a reader keeps under a name, with new matching items emailed to them `frequency`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("nom"), max_length=120)
    query = models.TextField(_("recherche"), help_text=_("Les paramètres de la recherche (mots et filtres)."))
    frequency = models.CharField(_("alertes"), max_length=6, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(_("enregistrée le"), auto_now_add=True)
    # When alerts were last switched on, and the archive's highest ids then: only items that entered the
    # archive afterwards are news (see alerts.digest.entered_since), so a first digest never lists the archive.
    alerts_since = models.DateTimeField(default=timezone.now)
    watermarks = models.JSONField(default=dict)
    checked_at = models.DateTimeField(_("dernière vérification"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("dernière alerte envoyée"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("recherche enregistrée")
        verbose_name_plural = _("recherches enregistrées")

    def __str__(self):
        return self.name

    def search_request(self):
        """(SearchRequest, problems): a pole or theme deleted since the search was saved is a problem."""
        return parse_params(QueryDict(self.query))

    @property
    def url(self):
        """The search page showing this search, newest items first."""
        return f"{reverse('search:page')}?{self.query}{'&' if self.query else ''}sort=newest"

    @property
    def alerts_on(self):
        return self.frequency != Frequency.NONE

    def start_alerts(self):
        """From now on, items entering the archive are news for this search."""
        self.alerts_since = timezone.now()
        self.watermarks = archive_watermarks()
        self.checked_at = None


class SentItem(models.Model):
    """An item a saved search's digest already announced: it is never announced again for that search."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="sent_items")
    source = models.CharField(max_length=40)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["saved_search", "source"], name="unique_sent_item")]
        verbose_name = _("élément déjà signalé")
        verbose_name_plural = _("éléments déjà signalés")

    def __str__(self):
        return f"{self.saved_search_id} {self.source}"
