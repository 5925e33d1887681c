"""Admin: the document extraction report in the Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

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
