"""Confirming a new account by email: the signed link, what it may activate, the two emails sent.

The link is signed with django.core.signing, which tells an expired link from a forged one, and
lives as long as a password-reset link (PASSWORD_RESET_TIMEOUT). It activates only an account
that has never signed in, so a link kept after the team closed an account cannot reopen it.
"""

import logging
from enum import Enum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)

SALT = "accounts.activation"


class LinkState(Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"
    USED = "used"


def link_days():
    """How many days an emailed link (activation, password reset) stays valid, as the emails say."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600))


def activation_token(user):
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SALT)


def read_activation_token(token):
    """(state, user): the user is given only when the link may activate their account."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.PASSWORD_RESET_TIMEOUT)
    except signing.SignatureExpired:
        logger.info("Expired activation link")
        return LinkState.EXPIRED, None
    except signing.BadSignature:
        logger.warning("Forged or truncated activation link: %r", token[:80])
        return LinkState.INVALID, None
    user = get_user_model().objects.filter(pk=payload.get("user"), email=payload.get("email")).first()
    if user is None or (not user.is_active and user.last_login is not None):
        logger.warning("Activation link for an account deleted or closed since: user %s", payload.get("user"))
        return LinkState.INVALID, None
    if user.is_active:
        return LinkState.USED, None
    return LinkState.VALID, user


def send_activation_email(request, user):
    """Whether the mail server took the email."""
    link = request.build_absolute_uri(reverse("accounts:activate", args=[activation_token(user)]))
    return _send(request, user.email, "activation", {"user": user, "link": link})


def send_already_registered_email(request, email):
    """What a second registration with a known address gets: the form itself says nothing about it."""
    context = {
        "login_link": request.build_absolute_uri(reverse("accounts:login")),
        "reset_link": request.build_absolute_uri(reverse("accounts:password_reset")),
    }
    return _send(request, email, "already_registered", context)


def _send(request, email, name, context):
    context = {**context, "site_name": settings.WAGTAIL_SITE_NAME, "email": email, "valid_days": link_days()}
    subject = render_to_string(f"accounts/emails/{name}_subject.txt", context, request=request)
    body = render_to_string(f"accounts/emails/{name}.txt", context, request=request)
    try:
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [email])
    except OSError:  # smtplib's errors and refused connections alike
        logger.exception("Could not send the %s email", name)
        return False
    return True
