"""What a list shows of its items, and whether it may be shared: decided on each request, never stored.

Every check goes through kb.visibility, as the pages and documents themselves are served: an item
restricted, unpublished or deleted since it was added is shown as unavailable, and a list holding
one is no longer public.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model

from citations.selection import well_formed
from kb.models import ArchivePage
from kb.visibility import may_open_document, may_open_page


@dataclass
class ShownItem:
    """An item as a list page shows it; `title` and `url` are empty when the viewer may not open it."""

    item: object
    title: str = ""
    url: str = ""
    kind: str = ""
    date: datetime.date | None = None
    # The owner's page gives each item the form of its note.
    note_form: object = None

    @property
    def available(self):
        return bool(self.url)


def find_target(source):
    """The page or document that `source` ("page:12", "document:7") names, or None."""
    if not well_formed(source):
        return None
    prefix, _sep, pk = source.partition(":")
    if prefix == ArchivePage.search_source_prefix:
        return ArchivePage.objects.filter(pk=int(pk)).first()
    if prefix == get_document_model().search_source_prefix:
        return get_document_model().objects.select_related("collection").filter(pk=int(pk)).first()
    return None


def target_lookup(target):
    """The filter that finds a list's item for this page or document."""
    return {"page": target} if isinstance(target, ArchivePage) else {"document": target}


def may_open(target, request):
    """Whether `request` may open the page or document now: live and under no restriction it fails."""
    if isinstance(target, ArchivePage):
        return target.live and may_open_page(target, request)
    return target is not None and may_open_document(target, request)


def describe(target, request):
    """A ShownItem's title, address, kind and date of a target the request may open."""
    if isinstance(target, ArchivePage):
        url = target.get_url(request)
        return {"title": target.title, "url": url or "", "kind": target.kind_label, "date": target.date}
    return {"title": target.title, "url": target.url, "kind": _("Document"), "date": target.publication_date}


def list_items(reading_list):
    return reading_list.items.select_related("page", "document__collection")


def shown_items(reading_list, request):
    """The list's items in order, each described only if `request` may open it now."""
    shown = []
    for item in list_items(reading_list):
        target = item.target
        fields = describe(target, request) if may_open(target, request) else {}
        shown.append(ShownItem(item, **fields))
    return shown


def anonymous_request():
    """A visitor who is signed in nowhere and has passed no password: who a shared list must suit."""
    request = HttpRequest()
    request.user = AnonymousUser()
    request.session = {}
    return request


def sharing_problems(reading_list, owner_request):
    """Why the list may not be read by anyone with its link (French sentences), or [] when every item is public.

    An item is named only when its owner may still open it; otherwise its title is not theirs to see any more.
    """
    public = anonymous_request()
    problems = []
    for item in list_items(reading_list):
        target = item.target
        if target is not None and may_open(target, public):
            continue
        if target is not None and may_open(target, owner_request):
            problem = _("Cette liste contient un élément réservé : « %(title)s ».") % {"title": target.title}
        else:
            problem = _(
                "Cette liste contient un élément indisponible (retiré de la publication, supprimé "
                "ou qui ne vous est plus accessible)."
            )
        if problem not in problems:
            problems.append(problem)
    return problems


def is_public(reading_list):
    """Whether anyone may read the list through its link now: sharing on and every item public."""
    if not reading_list.shared:
        return False
    public = anonymous_request()
    return all(item.target is not None and may_open(item.target, public) for item in list_items(reading_list))
