"""« Sécurité du compte » in « Mon espace » and in the admin's account page: the way to the second factor's pages.

Loaded through accounts/wagtail_hooks.py, since Wagtail only reads an app's top-level hooks module.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from accounts.panels import HOOK, AccountPanel
from accounts.two_factor import devices

PANEL_ORDER = 90


@hooks.register(HOOK)
def security_panel(request):
    """Staff only: readers never open the admin, which is all the second factor guards."""
    user = request.user
    if not devices.may_use(user):
        return None
    context = {
        "active": devices.is_active(user),
        "required": devices.is_required(user),
        "codes_left": devices.recovery_codes_left(user),
    }
    return AccountPanel(PANEL_ORDER, "accounts/two_factor/panel.html", context)


@hooks.register("register_account_menu_item")
def security_menu_item(request):
    """Staff look for their sign-in settings in the admin's « Compte » page too."""
    return {
        "url": reverse("accounts:two_factor"),
        "label": _("Double authentification"),
        "help_text": _("L’activer, changer d’application, obtenir de nouveaux codes de secours."),
    }
