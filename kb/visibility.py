"""Which pages a request may open, by Wagtail's own view-restriction rules, as a queryset filter."""

from wagtail.models import PageViewRestriction


def visible_to(queryset, request):
    """The pages of `queryset` the request may open: those under a restriction it does not pass are left out.

    There are few restrictions (one per restricted section), each checked once with
    Wagtail's `accept_request`, so listings cost no query per page.
    """
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if request is None or not restriction.accept_request(request):
            queryset = queryset.exclude(path__startswith=restriction.page.path)
    return queryset
