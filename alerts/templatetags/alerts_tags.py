"""The « Enregistrer cette recherche » control of the search page, and the words that describe a saved search."""

from django import template
from django.contrib.auth.views import redirect_to_login

from feeds.scopes import describe

from ..forms import SaveSearchForm, default_name
from ..models import canonical_query

register = template.Library()


@register.inclusion_tag("alerts/includes/save_search_form.html", takes_context=True)
def save_search_control(context, search_request):
    """A signed-in reader gets the form (or where the search is already saved); anyone else, a sign-in link."""
    request = context["request"]
    shown = {"request": request, "csrf_token": context.get("csrf_token")}
    if not request.user.is_authenticated:
        return {**shown, "login_url": redirect_to_login(request.get_full_path()).url}
    existing = request.user.saved_searches.filter(query=canonical_query(search_request)).first()
    if existing is not None:
        return {**shown, "existing": existing}
    initial = {"name": default_name(search_request), "query": request.GET.urlencode()}
    return {**shown, "form": SaveSearchForm(initial=initial, user=request.user)}


@register.simple_tag
def search_filters(search_request):
    """« Pôle : Habitat coopératif ; Année : 2021 »."""
    return describe(search_request.filters)
