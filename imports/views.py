"""The import pages of the admin: send a file, read its preview, confirm, follow the progress, keep the report."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import readers
from .batches import preview
from .forms import ImportForm
from .models import BatchStatus, ImportBatch
from .tasks import import_batch

logger = logging.getLogger(__name__)

PERMISSION = "imports.import_references"
ROWS_PER_PAGE = 100
ACTIONS = {
    "create": gettext_lazy("À créer"),
    "update": gettext_lazy("À mettre à jour"),
    "skip": gettext_lazy("Ignorées"),
    "error": gettext_lazy("Refusées"),
    "created": gettext_lazy("Créées"),
    "updated": gettext_lazy("Mises à jour"),
    "skipped": gettext_lazy("Ignorées"),
    "failed": gettext_lazy("En échec"),
}


class ImportPermissionMixin:
    """Documentalists (and superusers) only: the import writes anywhere in the research papers."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            logger.warning("import pages refused to user %s", request.user.pk)
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportBreadcrumbsMixin(WagtailAdminTemplateMixin):
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("imports:start"), "label": _("Import de références")}]


class StartView(ImportPermissionMixin, ImportBreadcrumbsMixin, FormView):
    """The upload form, and the batches sent before."""

    template_name = "imports/start.html"
    form_class = ImportForm
    page_title = gettext_lazy("Importer des références")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["batches"] = ImportBatch.objects.select_related("created_by")[:20]
        return context

    def form_valid(self, form):
        batch = preview(form.save(self.request.user))
        logger.info("import batch %s previewed by user %s: %s", batch.pk, self.request.user.pk, batch.counts)
        return redirect(batch)

    def form_invalid(self, form):
        logger.info("import form refused: %s", form.errors.get_json_data())
        return super().form_invalid(form)


class BatchView(ImportPermissionMixin, ImportBreadcrumbsMixin, TemplateView):
    """One batch: its preview to confirm, its progress while it runs, its report once done."""

    template_name = "imports/batch.html"

    def get(self, request, *args, **kwargs):
        self.batch = get_object_or_404(ImportBatch, pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import « %(name)s »") % {"name": self.batch.source_name}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.batch.source_name}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = self.batch
        rows = (
            batch.report if batch.status in {BatchStatus.DONE, BatchStatus.FAILED} and batch.report else batch.preview
        )
        shown = self.request.GET.get("action", "")
        if shown in ACTIONS:
            rows = [row for row in rows if row["action"] == shown]
        page = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("page"))
        for row in page.object_list:
            row["action_label"] = ACTIONS.get(row["action"], row["action"])
        context.update(
            batch=batch,
            rows=page,
            shown=shown,
            counts=[
                (action, ACTIONS[action], count) for action, count in sorted(batch.counts.items()) if action in ACTIONS
            ],
            is_report=bool(batch.report),
            format_name=readers.FORMAT_NAMES.get(batch.format, batch.format),
            encoding_name=readers.ENCODING_NAMES.get(batch.encoding, batch.encoding),
        )
        return context


class ConfirmView(ImportPermissionMixin, View):
    """« Importer »: the previewed batch goes to the background worker, once however often the button is pressed."""

    http_method_names = ["post"]

    def post(self, request, pk):
        queued = ImportBatch.objects.filter(pk=pk, status=BatchStatus.PREVIEWED).update(status=BatchStatus.QUEUED)
        batch = get_object_or_404(ImportBatch, pk=pk)
        if not queued:
            messages.warning(request, _("Cet import a déjà été lancé."))
            return redirect(batch)
        import_batch.enqueue(batch.pk)
        logger.info("import batch %s queued by user %s", batch.pk, request.user.pk)
        return redirect(batch)
