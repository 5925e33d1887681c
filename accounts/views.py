"""The way in and « Mon espace »: Django's auth views in the site's layout, and the account's own pages.

Django does the security work (safe `next`, tokens, CSRF, session rotation); these views pick the
templates, the French messages and where people land. Registration lives in accounts.registration.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.messages.views import SuccessMessageMixin
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from wagtail.admin.views import account as wagtail_account

from . import reach
from .activation import link_days
from .destinations import closed_to
from .forms import AccountDeletionForm, SignInForm
from .panels import account_panels

logger = logging.getLogger(__name__)


class SignInView(auth_views.LoginView):
    """Signed-in people may come back here: Wagtail sends them when a page is closed to their account."""

    form_class = SignInForm
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["closed_target"] = closed_to(self.request, context[self.redirect_field_name])
        context["self_registration"] = settings.KB_SELF_REGISTRATION
        return context


class AdminSignInView(wagtail_account.LoginView):
    """Wagtail's admin sign-in, whose shortcut for people already signed in passes `next` to redirect(), which
    takes a bare word ("-1") for a view name and fails: only a path is followed."""

    def get_redirect_url(self):
        url = super().get_redirect_url()
        return url if url.startswith("/") else ""


class SignOutView(auth_views.LogoutView):
    """POST signs out; GET (a typed or bookmarked address) shows the button rather than a bare 405."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logout.html"

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, self.template_name)

    def post(self, request, *args, **kwargs):
        was_signed_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_signed_in:
            messages.success(request, _("Déconnexion effectuée. À bientôt !"))
        return response


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:home")
    success_message = gettext_lazy("Votre mot de passe est changé.")


class PasswordResetView(auth_views.PasswordResetView):
    """Django finds active accounts by address (case-insensitive) and says the same whether one exists or not."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/emails/password_reset.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_email_context = {"site_name": settings.WAGTAIL_SITE_NAME, "valid_days": link_days()}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
def home(request):
    """« Mon espace »: what the person may reach here, then what each app keeps for them."""
    user = request.user
    panels = [render_to_string(panel.template, panel.context, request=request) for panel in account_panels(request)]
    context = {
        "display_name": user.get_full_name() or user.get_username(),
        "du": reach.du_access(request),
        "pole_sections": reach.pole_sections(user),
        "pages_in_progress": reach.pages_in_progress(user),
        "admin_access": user.has_perm("wagtailadmin.access_admin"),
        "panels": panels,
    }
    return TemplateResponse(request, "accounts/home.html", context)


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@login_required
def delete_account(request):
    """The account and everything other apps keep for it, after the password is confirmed.

    Saved searches, reading lists, two-factor devices… point at the user with on_delete=CASCADE and go
    with it; pages they wrote stay (Wagtail sets their owner and revisions' author to NULL).
    """
    user = request.user
    if user.is_superuser:
        # The last administrator could lock everyone out of the admin: another one must remove this account.
        return TemplateResponse(request, "accounts/delete.html", {"refused": True}, status=403 if request.POST else 200)
    form = AccountDeletionForm(request, request.POST if request.method == "POST" else None)
    if form.is_valid():
        logger.info("Account %s deleted by its owner", user.pk)
        logout(request)
        user.delete()
        messages.success(request, _("Votre compte et ce qu’il gardait pour vous sont supprimés."))
        return redirect(settings.LOGOUT_REDIRECT_URL)
    return TemplateResponse(request, "accounts/delete.html", {"form": form})
