"""The forms a reader fills on the public site: sign in, register, delete the account.

Django's own auth forms do the checking (password validators, safe lookups); these only adapt
labels and messages to French and to accounts whose identifier is an email address.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

User = get_user_model()


def normalize_identifier(identifier):
    """Accounts created on the site are named by their email address, stored in lower case."""
    identifier = identifier.strip()
    return identifier.lower() if "@" in identifier else identifier


class SignInForm(AuthenticationForm):
    """Django's sign-in form, which lets django-axes count every failure (it passes the request on)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez."),
        "unconfirmed": _(
            "Ce compte attend encore sa confirmation : ouvrez le lien reçu par courriel après l’inscription. "
            "Pour en recevoir un nouveau, inscrivez-vous à nouveau avec la même adresse."
        ),
        "inactive": _("Ce compte a été désactivé. Écrivez à %(contact)s pour en savoir plus."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = _("Adresse e-mail ou identifiant")
        username.help_text = _("L’adresse e-mail pour un compte créé sur ce site, l’identifiant fourni sinon.")
        username.widget.attrs.update(autocomplete="username", autocapitalize="none", spellcheck="false")
        self.fields["password"].label = _("Mot de passe")

    def clean_username(self):
        # Before authenticate(): django-axes counts failures on this value, so case variants share one count.
        identifier = normalize_identifier(self.cleaned_data["username"])
        # AuthenticationForm sets the field's max_length after its validators are built, so nothing checks it;
        # a longer value would reach django-axes' username column (255) and fail there on PostgreSQL.
        if len(identifier) > self.fields["username"].max_length:
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login")
        return identifier

    def get_invalid_login_error(self):
        """Tell an unconfirmed or closed account apart, but only to someone who knows its password."""
        if getattr(self.request, "axes_locked_out", False):
            return super().get_invalid_login_error()
        password = self.cleaned_data.get("password") or ""
        user = User.objects.filter(username=self.cleaned_data.get("username"), is_active=False).first()
        if user is None:
            make_password(password)  # as long as the check below: the delay tells no inactive account apart
            return super().get_invalid_login_error()
        if not user.check_password(password):
            return super().get_invalid_login_error()
        if user.last_login is None:
            return ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")
        contact = settings.KB_ACCESS_CONTACT_EMAIL
        return ValidationError(self.error_messages["inactive"], code="inactive", params={"contact": contact})


class RegistrationForm(BaseUserCreationForm):
    """A reader's account: the email address is the identifier; names help the team recognise people."""

    # The address is the identifier: it must fit in the username column.
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=User._meta.get_field("username").max_length,
        help_text=_("Vous vous connecterez avec elle ; un lien de confirmation y sera envoyé."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password1, password2 = BaseUserCreationForm.create_password_fields(
        label1=_("Mot de passe"), label2=_("Le même mot de passe, pour vérifier")
    )

    class Meta:
        model = User
        fields = ("email", "first_name", "last_name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def save(self, commit=True):
        """An inactive account, in no group: it opens public content only, once confirmed."""
        user = super().save(commit=False)
        user.username = user.email
        user.is_active = False
        if commit:
            user.save()
        return user


class AccountDeletionForm(forms.Form):
    """The account's password, checked through authenticate() so django-axes throttles guesses here too."""

    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=password) != user:
            raise ValidationError(_("Ce n’est pas le mot de passe de ce compte."), code="wrong_password")
        return password
