"""The admin's door: a password alone no longer opens Wagtail's admin for staff who have (or owe) a second factor.

Runs after django-otp's OTPMiddleware, which tells whether this session proved a device; public
pages, sign-in, sign-out and password reset stay open so a person can always get to the code page.
"""

from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from accounts.two_factor import devices

# The admin views a person reaches before any code: to sign in or out, or to reset a forgotten password.
OPEN_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}


class AdminSecondFactorMiddleware:
    """Send staff with a device to the code page, and staff who owe one to enrolment, before any admin view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.detour(request) or self.get_response(request)

    def detour(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified() or not guarded(request.path_info):
            return None
        if devices.is_active(user):
            page = "accounts:two_factor_verify"
        elif devices.is_required(user):
            page = "accounts:two_factor_enable"
        else:
            return None
        return redirect_to_login(request.get_full_path(), reverse(page))


def guarded(path):
    if not path.startswith(reverse("wagtailadmin_home")):
        return False
    try:
        return resolve(path).url_name not in OPEN_ADMIN_VIEWS
    except Resolver404:
        return True
