"""What the site's templates need from accounts: the sign-in link back to the page, whom to contact, closed courses."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

from kb.models import ArchivePage
from kb.visibility import visible_to

register = template.Library()


@register.simple_tag
def sign_in_url(request):
    """The sign-in page, bringing the visitor back here afterwards (unless here is an account page)."""
    url = reverse("accounts:login")
    match = getattr(request, "resolver_match", None)
    if not request or (match is not None and match.app_name == "accounts"):
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


@register.simple_tag
def access_contact():
    """Whom a reader refused the DU material should write to ({"name", "email"})."""
    return {"name": settings.KB_ACCESS_CONTACT_NAME, "email": settings.KB_ACCESS_CONTACT_EMAIL}


@register.simple_tag
def closed_children(page, request):
    """How many live items under `page` the request may not open (a listing shows the others)."""
    children = ArchivePage.objects.child_of(page).live()
    return children.count() - visible_to(children, request).count()
