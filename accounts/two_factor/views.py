"""The pages where staff set up, use and remove their second factor, in the site's own layout.

Each view is thin: what a code proves and what a device holds is in accounts.two_factor.devices.
"""

import logging
from functools import wraps

import django_otp
import segno
from django_otp.plugins.otp_static.models import StaticDevice

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from accounts.two_factor import devices
from accounts.two_factor.forms import CodeForm, DisableForm, VerificationForm
from kb.addresses import next_path

logger = logging.getLogger(__name__)

# Codes shown once: kept in the session between the POST that makes them and the page that shows them.
FRESH_CODES_SESSION_KEY = "two_factor_fresh_codes"


def staff_view(view):
    """Signed-in staff only (the second factor guards the admin), never cached, GET and POST only."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not devices.may_use(request.user):
            logger.info("Two-factor page %s refused to user %s: no admin access", request.path, request.user.pk)
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(never_cache(require_http_methods(["GET", "POST"])(wrapped)))


def next_url(request, default="accounts:two_factor"):
    """Where the person was going, when it is on this site; else `default`."""
    return next_path(request, reverse(default))


def verified_session_required(request):
    """The page to prove the factor first, when this session has not (None when it has or needs not)."""
    if devices.is_active(request.user) and not request.user.is_verified():
        return redirect_to_login(request.get_full_path(), reverse("accounts:two_factor_verify"))
    return None


@staff_view
def security(request):
    user = request.user
    return render(
        request,
        "accounts/two_factor/security.html",
        {
            "active": devices.is_active(user),
            "required": devices.is_required(user),
            "codes_left": devices.recovery_codes_left(user),
        },
    )


@staff_view
@sensitive_post_parameters("code")
def enable(request):
    """Scan the QR code, confirm with a first code; the first time, recovery codes follow."""
    if detour := verified_session_required(request):
        return detour
    user = request.user
    device = devices.pending_app(user)
    form = CodeForm(user, lambda code: devices.confirm_app(device, code), request.POST or None)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, form.device)
        logger.info("Two-factor app confirmed for user %s", user.pk)
        # A new phone keeps the recovery codes already written down.
        if devices.recovery_codes_left(user):
            messages.success(request, _("Nouvelle application confirmée : l’ancienne ne donne plus de code valable."))
            return redirect(next_url(request))
        request.session[FRESH_CODES_SESSION_KEY] = devices.new_recovery_codes(user)
        return redirect(_with_next(reverse("accounts:two_factor_recovery_codes"), request))
    qr_code = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "replacing": devices.is_active(user),
        "required": devices.is_required(user),
        "qr_svg": mark_safe(qr_code.svg_inline(scale=1, border=4, omitsize=True, svgclass="two-factor__qr-code")),  # noqa: S308 -- segno's own markup, no user text in it
        "secret": devices.secret_for_manual_entry(device),
        "next": request.GET.get("next", ""),
    }
    return render(request, "accounts/two_factor/enable.html", context)


@staff_view
def recovery_codes(request):
    """The fresh codes, shown once; else how many are left and a way to replace them all."""
    user = request.user
    if not devices.is_active(user):
        return redirect("accounts:two_factor_enable")
    if request.method == "POST":
        if detour := verified_session_required(request):
            return detour
        request.session[FRESH_CODES_SESSION_KEY] = devices.new_recovery_codes(user)
        logger.info("Two-factor recovery codes replaced for user %s", user.pk)
        return redirect("accounts:two_factor_recovery_codes")
    context = {
        "fresh_codes": request.session.pop(FRESH_CODES_SESSION_KEY, None),
        "codes_left": devices.recovery_codes_left(user),
        "next": next_url(request),
    }
    return render(request, "accounts/two_factor/recovery_codes.html", context)


@login_required
@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request):
    """After the password: a code from the app or a recovery code marks this session verified."""
    user = request.user
    if user.is_verified() or not devices.is_active(user):
        return redirect(next_url(request, default="wagtailadmin_home"))
    form = VerificationForm(user, lambda code: devices.check_code(user, code), request.POST or None)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, form.device)
        logger.info("Two-factor verification for user %s with %s", user.pk, form.device.persistent_id)
        if isinstance(form.device, StaticDevice):
            _warn_recovery_code_spent(request)
        return redirect(next_url(request, default="wagtailadmin_home"))
    return render(request, "accounts/two_factor/verify.html", {"form": form, "next": request.GET.get("next", "")})


@staff_view
@sensitive_post_parameters("password", "code")
def disable(request):
    """Password and code remove the factor, unless the pole requires it of this person."""
    user = request.user
    if not devices.is_active(user):
        return redirect("accounts:two_factor")
    required = devices.is_required(user)
    form = DisableForm(user, lambda code: devices.check_code(user, code), request.POST or None)
    if request.method == "POST" and required:
        logger.warning("Two-factor disabling refused for user %s: required of them", user.pk)
        return render(request, "accounts/two_factor/disable.html", {"form": form, "required": True}, status=403)
    if request.method == "POST" and form.is_valid():
        devices.disable(user)
        logger.info("Two-factor disabled for user %s", user.pk)
        messages.success(request, _("La double authentification est désactivée : vos codes de secours sont supprimés."))
        return redirect("accounts:two_factor")
    return render(request, "accounts/two_factor/disable.html", {"form": form, "required": required})


def _warn_recovery_code_spent(request):
    left = devices.recovery_codes_left(request.user)
    messages.warning(
        request,
        ngettext(
            "Vous avez utilisé un code de secours : il vous en reste %(left)d.",
            "Vous avez utilisé un code de secours : il vous en reste %(left)d.",
            left,
        )
        % {"left": left}
        + (" " + _("Générez-en de nouveaux depuis « Sécurité du compte ».") if left < 3 else ""),
    )


def _with_next(url, request):
    target = request.POST.get("next", "")
    return f"{url}?{urlencode({'next': target})}" if target else url
