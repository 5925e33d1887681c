"""Who may open a page or a document: Wagtail's view-restriction rules, plus the DU cohorts' end dates.

Wagtail lets a user through a group restriction when they belong to one of its groups. Here a DU
cohort's group (resources.models.DUCohort) stops counting the day after its access end date, so
the check happens on every request and nothing has to run on that day. Every place that decides
— page and document serving (resources.wagtail_hooks), listings, template tags, the archive
search (search.access.Viewer) — goes through these functions.
"""

from django.utils import timezone

from wagtail.models import PageViewRestriction


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


def may_open_page(page, request):
    if page.alias_of_id:
        # An alias follows its source page's restrictions: let Wagtail resolve them.
        return may_open(page.get_view_restrictions(), request)
    return may_open([r for path, r in _page_restrictions(request) if page.path.startswith(path)], request)


def may_open_document(document, request):
    """Documents and images follow their collection's privacy."""
    return may_open(document.collection.get_view_restrictions(), request)


def visible_to(queryset, request):
    """The pages of `queryset` the request may open: those under a restriction it does not pass are left out.

    There are few restrictions (one per restricted section), each checked once, so listings
    cost no query per page.
    """
    for path, restriction in _page_restrictions(request):
        if not passes(restriction, request):
            queryset = queryset.exclude(path__startswith=path)
    return queryset
