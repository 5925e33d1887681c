"""Saving a search, managing one's saved searches, and stopping alerts from a digest without signing in.

Every change is a POST with its CSRF token, on the reader's own saved searches only (another's id is a 404);
the unsubscribe link's signed token stands in for both, as a mail provider's one-click POST carries neither.
"""

import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .forms import SavedSearchForm, SaveSearchForm
from .models import MAX_PER_READER, Frequency, SavedSearch
from .tokens import SEARCH, BadToken, read_token

logger = logging.getLogger(__name__)


def search_page_url(query_string):
    return reverse("search:page") + (f"?{query_string}" if query_string else "")


@require_POST
def save(request):
    """Save the search a page showed; an anonymous reader is sent to sign in, then back to that search."""
    query_string = request.POST.get(f"{SaveSearchForm.prefix}-query", "")
    if not request.user.is_authenticated:
        return redirect_to_login(search_page_url(query_string))
    form = SaveSearchForm(request.POST, user=request.user)
    if not form.is_valid():
        logger.info("search not saved for user %s: %s", request.user.pk, form.errors.as_text().replace("\n", " "))
        context = {"form": form, "back_url": search_page_url(query_string)}
        return render(request, "alerts/save_refused.html", context, status=400)
    saved_search = form.save()
    messages.success(request, _("Recherche « %(name)s » enregistrée.") % {"name": saved_search.name})
    return redirect(f"{reverse('alerts:list')}#recherche-{saved_search.pk}")


@login_required
@require_GET
def saved_searches(request):
    return _list(request)


def _list(request, invalid=None, status=200):
    """The reader's saved searches, each with its form (`invalid`: the one that was refused, with its errors)."""
    rows = []
    for saved_search in request.user.saved_searches.all():
        form = invalid if invalid and invalid.instance.pk == saved_search.pk else None
        form = form or SavedSearchForm(instance=saved_search, prefix=f"s{saved_search.pk}")
        search_request, problems = saved_search.search_request()
        rows.append({"saved": saved_search, "form": form, "problems": problems, "search_request": search_request})
    context = {"rows": rows, "max_per_reader": MAX_PER_READER, "search_url": reverse("search:page")}
    return render(request, "alerts/saved_searches.html", context, status=status)


@login_required
@require_POST
def update(request, pk):
    saved_search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    form = SavedSearchForm(request.POST, instance=saved_search, prefix=f"s{pk}")
    if not form.is_valid():
        saved_search.refresh_from_db()
        return _list(request, invalid=form, status=400)
    form.save()
    messages.success(request, _("Recherche « %(name)s » mise à jour.") % {"name": saved_search.name})
    return redirect(f"{reverse('alerts:list')}#recherche-{pk}")


@login_required
@require_POST
def delete(request, pk):
    saved_search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    saved_search.delete()
    messages.success(request, _("Recherche « %(name)s » supprimée.") % {"name": saved_search.name})
    return redirect("alerts:list")


@csrf_exempt  # the signed token is the credential; one-click unsubscribe (RFC 8058) posts without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks for confirmation (mail clients open links to preview them); POST stops the alerts."""
    try:
        scope, pk = read_token(token)
    except BadToken as error:
        logger.info("unsubscribe refused, bad token %r: %s", token[:80], error)
        reason = _("Ce lien de désabonnement n’est pas valide : vérifiez qu’il est complet.")
        return _unsubscribe_refused(request, 400, reason)
    stopped = _stopped(scope, pk)
    if stopped is None:
        logger.info("unsubscribe: %s %s no longer exists", scope, pk)
        reason = _("Ce lien désigne une recherche ou un compte qui n’existe plus : aucune alerte ne part pour eux.")
        return _unsubscribe_refused(request, 404, reason)
    context = {"scope": scope, "saved_searches": list(stopped), "done": request.method == "POST"}
    if request.method == "POST":
        count = stopped.exclude(frequency=Frequency.NONE).update(frequency=Frequency.NONE)
        logger.info("unsubscribe: %s %s, %d saved searches stopped", scope, pk, count)
    return render(request, "alerts/unsubscribe.html", context)


def _stopped(scope, pk):
    """The saved searches a token stops, or None when what it names no longer exists."""
    if scope == SEARCH:
        found = SavedSearch.objects.filter(pk=pk)
        return found if found.exists() else None
    user = get_user_model().objects.filter(pk=pk).first()
    return user.saved_searches.all() if user else None


def _unsubscribe_refused(request, status, reason):
    return render(request, "alerts/unsubscribe_refused.html", {"reason": reason, "status": status}, status=status)
