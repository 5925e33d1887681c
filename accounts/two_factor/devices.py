"""Two-factor authentication on django-otp: who owes a second factor, and the devices that give it.

A person's second factor is one TOTP device (an authenticator app) and one static device holding
their single-use recovery codes; views and middleware stay thin on top of these functions.
"""

import math
from base64 import b32encode

import django_otp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kb.roles import DOCUMENTALISTS

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Application d’authentification"
RECOVERY_DEVICE_NAME = "Codes de secours"


class Throttled(Exception):
    """A recent wrong code holds the person's devices back until `until` (django-otp's throttling)."""

    def __init__(self, until):
        super().__init__(until)
        self.until = until

    @property
    def seconds_left(self):
        return max(1, math.ceil((self.until - timezone.now()).total_seconds()))


def may_use(user):
    """Staff only: the second factor guards the admin, which readers never open."""
    return user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def is_required(user):
    """Superusers and documentalists must have a second factor when the pole switches the rule on."""
    if not (settings.KB_REQUIRE_STAFF_2FA and user.is_authenticated):
        return False
    return user.is_superuser or user.groups.filter(name=DOCUMENTALISTS).exists()


def is_active(user):
    """Whether the person has a confirmed device, and so owes a code before the admin."""
    return django_otp.user_has_device(user)


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_app(user):
    """The authenticator app being set up: the same key across reloads until a code confirms it."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_for_manual_entry(device):
    """The key as authenticator apps ask for it when the QR code cannot be scanned: base32, by fours."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def confirm_app(device, code):
    """Confirm the pending app with a code it shows, replacing any former app; the device, or None."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        _refuse_if_throttled([device])
        if not device.verify_token(_normalised(code)):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return device


def new_recovery_codes(user):
    """Replace the person's recovery codes with fresh ones (the old ones stop working); the new codes."""
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        # Keep the static device itself: a session verified with one of its codes stays verified.
        device = StaticDevice.objects.filter(user=user).first()
        device = device or StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        StaticToken.objects.filter(device__user=user).delete()
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def check_code(user, code):
    """The person's device that accepts `code` (an app code, or a recovery code, then spent), else None.

    A wrong code throttles every device of the person (django-otp doubles the wait after each one);
    while any is throttled, even the right code is refused with `Throttled`.
    """
    with transaction.atomic():
        devices = list(django_otp.devices_for_user(user, for_verify=True))
        _refuse_if_throttled(devices)
        code = _normalised(code)
        accepted = next((device for device in devices if device.verify_token(code)), None)
        if accepted is not None:
            for device in devices:
                device.throttle_reset()
    return accepted


def disable(user):
    """Remove every device of the person: no code is asked of them any more."""
    with transaction.atomic():
        for device in django_otp.devices_for_user(user, confirmed=None):
            device.delete()


def _refuse_if_throttled(devices):
    waits = [data["locked_until"] for allowed, data in (d.verify_is_allowed() for d in devices) if not allowed]
    if waits:
        raise Throttled(max(waits))


def _normalised(code):
    """People type recovery codes with spaces or capitals, and apps show codes as « 123 456 »."""
    return "".join(code.split()).lower()
