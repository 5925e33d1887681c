"""HTTP security that settings alone cannot express: the client's address behind proxies, the admin's own CSP."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings
from django.urls import reverse


def client_ip(request):
    """The visitor's address for login throttling: the one the last trusted proxy saw, else the socket's.

    Each of the KB_TRUSTED_PROXIES proxies appends the address it received from to
    X-Forwarded-For; entries further left are written by the client and cannot be trusted.
    """
    hops = settings.KB_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (CONTENT_SECURITY_POLICY) on the public site, a relaxed one in Wagtail's admin.

    The admin needs inline scripts and styles, compiles templates with `new Function` and
    previews pages in a same-origin frame; the public site needs none of it, so the relaxed
    policy (KB_ADMIN_CONTENT_SECURITY_POLICY) applies under the admin's URL only.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path.startswith(reverse("wagtailadmin_home")):
            parts.config = default_config(settings.KB_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
