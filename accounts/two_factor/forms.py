"""The forms that ask for a second-factor code, with the French errors a person can act on.

The code itself is checked by the function the view passes in (accounts.two_factor.devices),
so one form serves enrolment, verification and disabling alike.
"""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.two_factor import devices

logger = logging.getLogger(__name__)


class CodeForm(forms.Form):
    """One code, accepted when `check(code)` returns the device that took it."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}),
    )
    code_help = _("Les 6 chiffres que l’application affiche en ce moment.")
    autofocus = False
    takes_recovery_codes = False
    wrong_code = _("Ce code n’est pas valide : saisissez le code que votre application affiche en ce moment.")

    def __init__(self, user, check, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.check, self.device = user, check, None
        self.fields["code"].help_text = self.code_help
        # Only where the code is all the page asks: on enrolment it would scroll past the QR code.
        self.fields["code"].widget.attrs["autofocus"] = self.autofocus
        if not self.takes_recovery_codes:
            self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self):
        code = self.cleaned_data["code"]
        try:
            self.device = self.check(code)
        except devices.Throttled as throttled:
            logger.warning("Two-factor code refused for user %s: throttled until %s", self.user.pk, throttled.until)
            raise ValidationError(throttled_message(throttled.seconds_left), code="throttled") from None
        if self.device is None:
            logger.warning("Two-factor code refused for user %s: wrong code", self.user.pk)
            raise ValidationError(self.wrong_code, code="invalid")
        return code


class VerificationForm(CodeForm):
    """After the password: a code from the app, or one of the recovery codes."""

    code_help = _("Les 6 chiffres de votre application, ou l’un de vos codes de secours (8 lettres et chiffres).")
    autofocus = True
    takes_recovery_codes = True
    wrong_code = _(
        "Ce code n’est pas valide : saisissez le code que votre application affiche en ce moment, "
        "ou l’un de vos codes de secours encore inutilisés."
    )


class DisableForm(VerificationForm):
    """The password and a code: a session left open on a shared computer is not enough to remove the factor."""

    password = forms.CharField(
        label=_("Mot de passe"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    field_order = ["password", "code"]
    autofocus = False

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            logger.warning("Two-factor disabling refused for user %s: wrong password", self.user.pk)
            raise ValidationError(_("Ce mot de passe n’est pas le bon."), code="invalid")
        return password

    def clean_code(self):
        # The password is cleaned first (field_order): a wrong one spends no code and throttles nothing.
        if "password" not in self.cleaned_data:
            return self.cleaned_data["code"]
        return super().clean_code()


def throttled_message(seconds):
    return ngettext(
        "Trop de codes erronés : patientez %(seconds)d seconde avant de réessayer.",
        "Trop de codes erronés : patientez %(seconds)d secondes avant de réessayer.",
        seconds,
    ) % {"seconds": seconds}
