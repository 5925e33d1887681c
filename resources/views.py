"""Admin report of PDF text extraction, so documentalists see which files need attention."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from .models import ExtractionStatus

PROBLEM_STATUSES = [s for s in ExtractionStatus.values if s not in {"done", "not_applicable"}]


class ExtractionReportFilterSet(WagtailFilterSet):
    extraction_status = django_filters.MultipleChoiceFilter(
        label=_("État de l'extraction"), choices=ExtractionStatus.choices
    )

    class Meta:
        model = get_document_model()
        fields = ["extraction_status"]


class ExtractionReportView(ReportView):
    page_title = _("Extraction du texte des documents")
    header_icon = "doc-full"
    index_url_name = "kb_extraction_report"
    index_results_url_name = "kb_extraction_report_results"
    filterset_class = ExtractionReportFilterSet
    any_permission_required = ["change"]
    list_export = [
        "title",
        "filename",
        "extraction_status",
        "extraction_message",
        "extraction_attempts",
        "extraction_retry_at",
        "page_count",
        "created_at",
    ]
    columns = [
        TitleColumn(
            "title",
            label=_("Titre"),
            url_name="wagtaildocs:edit",
        ),
        Column("filename", label=_("Fichier")),
        StatusTagColumn(
            "get_extraction_status_display",
            label=_("Extraction"),
            primary=lambda doc: doc.extraction_status in {"done", "not_applicable"},
        ),
        Column("extraction_state", label=_("Détail"), accessor=lambda doc: doc.extraction_state()),
        Column("page_count", label=_("Pages")),
        DateColumn("created_at", label=_("Ajouté le")),
    ]

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(get_document_model())

    def get_queryset(self):
        documents = get_document_model().objects.order_by("-created_at")
        if "extraction_status" not in self.request.GET:
            documents = documents.filter(extraction_status__in=PROBLEM_STATUSES)
        return documents
