"""Admin: the document extraction report, the DU cohorts; serving: DU material closed once a cohort's access ends,
documents that only restricted pages use closed as those pages are."""

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kb.roles import DOCUMENTALISTS
from kb.visibility import may_open_page, page_restrictions, passes, restricting_pages

from .models import CoursePage, DUCohort
from .serve import access_ended_response
from .views import ExtractionReportView

logger = logging.getLogger(__name__)


@hooks.register("register_admin_urls")
def register_extraction_report_urls():
    return [
        path("reports/extraction/", ExtractionReportView.as_view(), name="kb_extraction_report"),
        path(
            "reports/extraction/results/",
            ExtractionReportView.as_view(results_only=True),
            name="kb_extraction_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_extraction_report_menu_item():
    return AdminOnlyMenuItem(
        _("Extraction des documents"),
        reverse("kb_extraction_report"),
        name="extraction",
        icon_name="doc-full",
        order=650,
    )


class DUCohortViewSet(SnippetViewSet):
    model = DUCohort
    icon = "group"
    menu_label = _("Promotions du DU")
    list_display = ["promotion", "access_end", "group"]


register_snippet(DUCohortViewSet)


# Wagtail checks the view restrictions itself (login redirect, password form); these hooks only add
# the cohorts' end date, for a request Wagtail would let through.
@hooks.register("before_serve_page")
def close_page_after_cohort_end(page, request, serve_args, serve_kwargs):
    if request.user.is_authenticated and not request.user.is_superuser:
        return access_ended_response(request, page.get_view_restrictions())
    return None


# Registered before Wagtail's own hook (this app comes first in INSTALLED_APPS), which then checks the collection.
@hooks.register("before_serve_document")
def close_document_of_restricted_pages(document, request):
    """A document only restricted pages use opens to whoever may open one of them, as the pages themselves answer."""
    pages = restricting_pages(document, request)
    if not pages or any(may_open_page(page, request) for page in pages):
        return None
    logger.info(
        "document %s refused: only restricted pages use it (%s)", document.pk, ", ".join(str(p.pk) for p in pages)
    )
    failing = [(page, r) for page in pages for r in page_restrictions(page, request) if not passes(r, request)]
    if request.user.is_authenticated and not request.user.is_superuser:
        ended = access_ended_response(request, [restriction for _page, restriction in failing])
        if ended is not None:
            return ended
    return page_refusal(failing, request)


def page_refusal(failing, request):
    """What Wagtail answers for the page (its password form, else the sign-in), leading back to the document."""
    password = [(page, r) for page, r in failing if r.restriction_type == PageViewRestriction.PASSWORD]
    if password:
        page, restriction = password[0]
        form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.get_full_path()})
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
        response = page.specific.serve_password_required_response(request, form, action_url)
    else:
        # As wagtail.wagtail_hooks.require_wagtail_login, which importing here would register Wagtail's hooks early.
        login_url = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")
        response = redirect_to_login(request.get_full_path(), login_url)
    add_never_cache_headers(response)
    return response


@hooks.register("before_serve_document")
def close_document_after_cohort_end(document, request):
    if request.user.is_authenticated and not request.user.is_superuser:
        return access_ended_response(request, document.collection.get_view_restrictions())
    return None


@hooks.register("after_create_page")
def close_a_new_course(request, page):
    """A course created in the admin starts closed to all but the DU cohorts and the documentalists."""
    if isinstance(page, CoursePage) and not page.get_view_restrictions().exists():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set(Group.objects.filter(Q(du_cohort__isnull=False) | Q(name=DOCUMENTALISTS)))
