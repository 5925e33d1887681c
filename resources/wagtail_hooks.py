"""Admin: the document extraction report, the DU cohorts; serving: DU material closed once a cohort's access ends."""

from django.contrib.auth.models import Group
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kb.roles import DOCUMENTALISTS

from .models import CoursePage, DUCohort
from .serve import access_ended_response
from .views import ExtractionReportView


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
