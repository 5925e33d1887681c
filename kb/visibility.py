"""Who may open a page or a document: Wagtail's view-restriction rules, plus the DU cohorts' end dates.

Wagtail lets a user through a group restriction when they belong to one of its groups. Here a DU
cohort's group (resources.models.DUCohort) stops counting the day after its access end date, so
the check happens on every request and nothing has to run on that day. Every place that decides
— page and document serving (resources.wagtail_hooks), listings, template tags, the archive
search (search.access.Viewer) — goes through these functions.
"""

from collections import defaultdict

from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex


def current_group_ids(user):
    """The ids of the user's groups that still open restricted content today."""
    if user is None or not user.is_authenticated:
        return set()
    groups = user.groups.exclude(du_cohort__access_end__lt=timezone.localdate())
    return set(groups.values_list("pk", flat=True))


def _request_group_ids(request):
    # Read once per request: a listing checks many restrictions.
    if not hasattr(request, "_kb_current_group_ids"):
        request._kb_current_group_ids = current_group_ids(getattr(request, "user", None))
    return request._kb_current_group_ids


def passes(restriction, request):
    """Whether the request passes one view restriction (page or collection)."""
    if request is None or not restriction.accept_request(request):
        return False
    if restriction.restriction_type != restriction.GROUPS or request.user.is_superuser:
        return True
    return bool({group.pk for group in restriction.groups.all()} & _request_group_ids(request))


def lapsed(restriction, request):
    """Whether Wagtail alone would let the request through, but only thanks to a cohort whose access has ended."""
    return request is not None and restriction.accept_request(request) and not passes(restriction, request)


def may_open(restrictions, request):
    return all(passes(restriction, request) for restriction in restrictions)


def _page_restrictions(request):
    """Every page view restriction with its page's path, read once per request.

    There are few (one per restricted section); templates check many pages against them.
    """
    cached = getattr(request, "_kb_page_restrictions", None) if request is not None else None
    if cached is None:
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        cached = [(restriction.page.path, restriction) for restriction in restrictions]
        if request is not None:
            request._kb_page_restrictions = cached
    return cached


def page_restrictions(page, request=None):
    """Every view restriction the page sits under."""
    if page.alias_of_id:
        # An alias follows its source page's restrictions: let Wagtail resolve them.
        return list(page.get_view_restrictions())
    return [r for path, r in _page_restrictions(request) if page.path.startswith(path)]


def may_open_page(page, request):
    return may_open(page_restrictions(page, request), request)


def pages_using(document_ids=None):
    """{document id: [live page]} for the live pages that use these documents (all documents when None).

    "Use" is what Wagtail's reference index records: a chooser, a document link in rich text, a field.
    """
    references = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(get_document_model()),
        base_content_type=ReferenceIndex._get_base_content_type(Page),
    )
    if document_ids is not None:
        references = references.filter(to_object_id__in=[str(pk) for pk in document_ids])
    users = defaultdict(set)
    for document_id, page_id in references.values_list("to_object_id", "object_id").distinct():
        users[int(page_id)].add(int(document_id))
    found = defaultdict(list)
    pages = Page.objects.live().filter(pk__in=users).only("path", "depth", "url_path", "alias_of_id")
    for page in pages.order_by("path"):
        for document_id in users[page.pk]:
            found[document_id].append(page)
    return found


def restricting_pages(document, request=None):
    """The live pages that use the document when every one is restricted, else [] (it follows its collection).

    A document only restricted pages use is part of them: it opens only to whoever may open one of them.
    """
    cache = getattr(request, "_kb_restricting_pages", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._kb_restricting_pages = cache
    if document.pk not in cache:
        pages = pages_using([document.pk]).get(document.pk, [])
        restricted = all(page_restrictions(page, request) for page in pages)
        cache[document.pk] = pages if restricted else []
    return cache[document.pk]


def may_open_document(document, request):
    """Documents and images follow their collection's privacy; a document only restricted pages use, theirs too."""
    if not may_open(document.collection.get_view_restrictions(), request):
        return False
    if not isinstance(document, get_document_model()):
        return True
    pages = restricting_pages(document, request)
    return not pages or any(may_open_page(page, request) for page in pages)


def visible_to(queryset, request):
    """The pages of `queryset` the request may open: those under a restriction it does not pass are left out.

    There are few restrictions (one per restricted section), each checked once, so listings
    cost no query per page.
    """
    for path, restriction in _page_restrictions(request):
        if not passes(restriction, request):
            queryset = queryset.exclude(path__startswith=path)
    return queryset
