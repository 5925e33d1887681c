"""The shared-password forms (a restricted page's, a document collection's), throttled like the sign-in forms.

Wagtail's views check a shared password with no limit on guesses. django-axes, which throttles the
sign-ins, counts the failures here too, per restriction and client address, with the same limit and
cool-off (AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME); Wagtail's views do the rest unchanged.
"""

import logging

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from wagtail import views as page_views
from wagtail.documents.views import serve as document_views

logger = logging.getLogger(__name__)


def credentials(scope, restriction_id):
    # Usernames hold no space: these counts never mix with an account's sign-in failures.
    return {"username": f"mot de passe partagé {scope} {restriction_id}"}


def locked_response(request):
    cool_off = get_cool_off(request)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_timedelta": cool_off}
    response = TemplateResponse(request, "kb/password_locked.html", context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    add_never_cache_headers(response)
    return response


def throttled(view, scope):
    """`view` (a Wagtail password form) refusing guesses from an address that failed too often for this restriction."""

    def throttled_view(request, restriction_id, *args, **kwargs):
        if request.method != "POST":
            return view(request, restriction_id, *args, **kwargs)
        given = credentials(scope, restriction_id)
        if AxesProxyHandler.is_locked(request, given):
            logger.warning(
                "shared password: %s restriction %s refused to %s, locked after too many failures",
                scope,
                restriction_id,
                request.axes_ip_address,
            )
            return locked_response(request)
        response = view(request, restriction_id, *args, **kwargs)
        if response.status_code != 200:  # a redirect: the password was right
            AxesProxyHandler.reset_attempts(ip_address=request.axes_ip_address, username=given["username"])
            return response
        AxesProxyHandler.user_login_failed(sender=throttled_view, credentials=given, request=request)
        failures = AxesProxyHandler.get_failures(request, given)
        logger.info(
            "shared password: wrong guess %d for %s restriction %s from %s",
            failures,
            scope,
            restriction_id,
            request.axes_ip_address,
        )
        # django-axes' middleware would answer with the sign-in lockout page; this form has its own.
        request.axes_locked_out = False
        return locked_response(request) if failures >= settings.AXES_FAILURE_LIMIT else response

    return throttled_view


page_password = throttled(page_views.authenticate_with_password, "page")
collection_password = throttled(document_views.authenticate_with_password, "collection")
