"""« Sécurité du compte » in « Mon espace »: the second factor's state and the way to its pages.

Loaded through accounts/wagtail_hooks.py, since Wagtail only reads an app's top-level hooks module.
"""

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
