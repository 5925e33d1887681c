"""Self-registration: a reader's account, inactive until the emailed link confirms its address.

The pole may close registration (KB_SELF_REGISTRATION): the page then says so in French rather
than vanish, since links to it live on in old emails and bookmarks. Links already sent still
activate their account: it was asked for while registration was open.
"""

import functools
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from .activation import LinkState, read_activation_token, send_activation_email, send_already_registered_email
from .forms import RegistrationForm

logger = logging.getLogger(__name__)

# The account was never authenticated by a backend: name the one that will recognise it next time.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def registration_open(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.KB_SELF_REGISTRATION:
            return TemplateResponse(request, "accounts/registration_closed.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@never_cache
@registration_open
def register(request):
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if _register(request, form):
            return redirect("accounts:registration_sent")
        form.add_error(None, _("Le courriel de confirmation n’a pas pu partir. Réessayez dans quelques minutes."))
    return TemplateResponse(request, "accounts/register.html", {"form": form})


def _register(request, form):
    """Create the account, or email the owner of an address already known: the page answers the same.

    Whether the mail server took the email.
    """
    email = form.cleaned_data["email"]
    known = get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
    existing = known.first()
    if existing is None:
        try:
            with transaction.atomic():
                user = form.save()
        except IntegrityError:  # the same address registered at the same moment
            existing = known.first()
        else:
            logger.info("Account %s registered, awaiting confirmation", user.pk)
            return send_activation_email(request, user)
    if existing is not None and not existing.is_active and existing.last_login is None:
        return send_activation_email(request, existing)
    logger.info("Registration with an address already known (account %s)", existing.pk if existing else "?")
    return send_already_registered_email(request, email)


@registration_open
def registration_sent(request):
    return TemplateResponse(request, "accounts/registration_sent.html")


@csrf_protect
@never_cache
def activate(request, token):
    """GET shows a button and POST activates: mail scanners that open links must not use them up."""
    state, user = read_activation_token(token)
    if state is not LinkState.VALID:
        status = 200 if state is LinkState.USED else 400
        return TemplateResponse(request, "accounts/activation_refused.html", {"state": state.value}, status=status)
    if request.method != "POST":
        return TemplateResponse(request, "accounts/activate.html", {"account": user})
    user.is_active = True
    user.save(update_fields=["is_active"])
    login(request, user, backend=MODEL_BACKEND)
    logger.info("Account %s confirmed", user.pk)
    messages.success(request, _("Votre compte est activé. Bienvenue !"))
    return redirect("accounts:home")
