"""The forms a reader saves a search with and manages their saved searches through.

A search is checked as the API checks it (strict): a value the search page would quietly drop (an unknown
pole, a malformed year) is refused here, so that a saved search finds what its name says.
"""

import logging

from django import forms
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from feeds.scopes import describe
from search.params import parse_params
from search.query import FACETS

from .models import MAX_PER_READER, SavedSearch, canonical_query

logger = logging.getLogger(__name__)
NAME_LENGTH = SavedSearch._meta.get_field("name").max_length
MAX_QUERY_STRING = 8000


def default_name(search_request):
    """« coopératives (Pôle : Habitat coopératif) »: the search as a reader would name it."""
    filters = describe(search_request.filters)
    if search_request.q and filters:
        name = f"« {search_request.q} » ({filters})"
    else:
        name = f"« {search_request.q} »" if search_request.q else filters or _("Toute l’archive")
    return Truncator(name).chars(NAME_LENGTH)


def saved_query(query_string):
    """The canonical query of a search page's query string, or ValidationError saying what is wrong with it.

    Sort, page and page size are how the search was viewed, not what it looks for: they are not kept.
    """
    if len(query_string) > MAX_QUERY_STRING:
        raise forms.ValidationError(_("Cette recherche est trop longue pour être enregistrée."))
    params = QueryDict(query_string, mutable=True)
    for name in list(params):
        if name not in ("q", *FACETS):
            del params[name]
    search_request, problems = parse_params(params, strict=True)
    if problems:
        logger.info("saved search refused: %s", "; ".join(f"{p.parameter}={p.value!r}" for p in problems))
        raise forms.ValidationError([f"{problem.problem}." for problem in problems])
    return canonical_query(search_request), search_request


class SavedSearchForm(forms.ModelForm):
    """Rename a saved search or change how often its alerts come."""

    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"name": gettext_lazy("Nom"), "frequency": gettext_lazy("Alertes par courriel")}
        error_messages = {"name": {"required": gettext_lazy("Donnez un nom à cette recherche.")}}

    def save(self, commit=True):
        if "frequency" in self.changed_data and self.instance.alerts_on:
            self.instance.start_alerts()
        return super().save(commit)


class SaveSearchForm(SavedSearchForm):
    """Save the search a page shows (its query string) under a name, for this reader."""

    prefix = "enregistrer"
    query = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)

    class Meta(SavedSearchForm.Meta):
        fields = ["name", "frequency", "query"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
        self.search_request = None

    def clean_query(self):
        query, self.search_request = saved_query(self.cleaned_data["query"])
        return query

    def clean(self):
        cleaned = super().clean()
        user = self.instance.user
        existing = user.saved_searches.filter(query=cleaned.get("query", "")).first()
        if existing is not None:
            raise forms.ValidationError(
                _("Cette recherche est déjà enregistrée sous le nom « %(name)s ».") % {"name": existing.name}
            )
        if user.saved_searches.count() >= MAX_PER_READER:
            raise forms.ValidationError(
                _(
                    "Vous avez déjà %(max)d recherches enregistrées, le maximum : supprimez-en une "
                    "pour enregistrer celle-ci."
                )
                % {"max": MAX_PER_READER}
            )
        return cleaned

    def save(self, commit=True):
        self.instance.start_alerts()
        return forms.ModelForm.save(self, commit)
