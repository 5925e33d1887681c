"""Planning and running an import: each reference created, updated or skipped, each row all or nothing.

`plan()` decides for every row without writing anything (the dry run); `run()` follows the same plan and writes
each row in its own transaction, so a failed row leaves no page, document or tag behind and the others go on.
"""

import contextlib
import hashlib
import logging
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from wagtail.admin import signal_handlers as admin_notices
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import task_submitted, workflow_submitted

from kb.models import ArchivePageTerritory, Pole, Territory, Theme
from resources.models import ArchiveDocument, ResearchPaperAuthor, ResearchPaperIndexPage, ResearchPaperPage

from .attachments import MissingAttachment
from .dedupe import DuplicateFinder
from .mapping import AuthorDraft, Taxonomy, map_record, printable
from .models import DuplicatePolicy
from .readers import RowProblem

logger = logging.getLogger(__name__)

SCALAR_FIELDS = (
    "title",
    "paper_type",
    "date",
    "venue",
    "publisher",
    "place",
    "volume",
    "issue",
    "pages",
    "abstract",
    "doi",
    "hal_id",
    "external_url",
    "language",
)
# Fields every row gives a value to, so "fill the empty ones" never touches them.
ALWAYS_SET = {"paper_type", "language"}


class BatchError(ValueError):
    """The batch cannot run at all (no research papers index); the message is French."""


@dataclass
class Options:
    """What the documentalist chose for the whole batch."""

    duplicates: str = DuplicatePolicy.SKIP
    publish: bool = False
    poles: tuple = ()
    themes: tuple = ()
    territories: tuple = ()
    collection_id: int | None = None
    user: object = None


@dataclass
class Row:
    """One reference's fate, kept in the preview and the report (as a dict, in JSON)."""

    line: int
    label: str
    title: str
    action: str  # plan: create, update, skip, error; run: created, updated, skipped, failed
    reason: str = ""
    problems: list = field(default_factory=list)
    ignored: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    page_id: int | None = None

    def as_dict(self):
        return asdict(self)


@dataclass
class Planned:
    row: Row
    draft: object = None


def plan(read_result, options, pdfs=None):
    """Each row of the file with what the import will do with it, without writing anything."""
    taxonomy = Taxonomy(options.poles, options.themes, options.territories)
    finder = DuplicateFinder()
    for record in read_result.records:
        title = printable(record.item.get("title") or "")[:300]
        row = Row(record.line, printable(record.label)[:200], title, "create", ignored=list(record.ignored))
        draft, problems = map_record(record, taxonomy)
        if draft is not None and draft.file:
            problems = _attachment_problems(draft, pdfs, row)
        if problems:
            row.action = "error"
            row.problems = [{"field": p.field, "message": str(p.message)} for p in problems]
            yield Planned(row)
            continue
        row.notes += draft.notes
        match = finder.find(draft)
        if match is not None and match.line is not None:
            row.action, row.reason = (
                "skip",
                _("doublon de la ligne %(line)s du fichier (%(why)s).")
                % {
                    "line": match.line,
                    "why": match.reason,
                },
            )
        elif match is not None:
            row.page_id = match.page_id
            row.action, row.reason = _existing(match, draft, options)
        finder.remember(draft, record.line, row.page_id)
        yield Planned(row, draft)


def _attachment_problems(draft, pdfs, row):
    if pdfs is None:
        row.notes.append(
            _("PDF « %(path)s » non joint : envoyez l'archive ZIP des PDF pour l'ajouter.") % {"path": draft.file}
        )
        draft.file = ""
        return []
    if pdfs.find(draft.file) is None:
        return [RowProblem("file", _("« %(path)s » n'est pas dans l'archive ZIP envoyée.") % {"path": draft.file})]
    return []


def _existing(match, draft, options):
    why = match.reason
    if options.duplicates == DuplicatePolicy.SKIP:
        return "skip", _("déjà dans l'archive (%(why)s) : fiche existante gardée.") % {"why": why}
    page = ResearchPaperPage.objects.get(pk=match.page_id).get_latest_revision_as_object()
    changed = changes(page, draft, options.duplicates)
    if not changed:
        return "skip", _("déjà dans l'archive (%(why)s) et déjà à jour.") % {"why": why}
    return "update", _("déjà dans l'archive (%(why)s) : %(fields)s mis à jour.") % {
        "why": why,
        "fields": ", ".join(changed),
    }


def changes(page, draft, policy):
    """The labels of what `policy` would change on `page`; applies nothing."""
    return [label for label, _apply in _updates(page, draft, policy)]


def _updates(page, draft, policy):
    """(label, apply) for every field the row would change on the page under the policy."""
    fill = policy == DuplicatePolicy.FILL
    updates = []
    for name in SCALAR_FIELDS:
        new, current = _pair(draft.values, name), _pair(page, name)
        if new[0] in (None, "") or new == current or (fill and (name in ALWAYS_SET or current[0] not in (None, ""))):
            continue
        label = str(ResearchPaperPage._meta.get_field(name).verbose_name)
        updates.append((label, lambda p, n=name, v=new: _set_pair(p, n, v)))
    authors = [(a.name, a.orcid, a.affiliation) for a in draft.authors]
    current_authors = [(a.name, a.orcid, a.affiliation) for a in page.authors.all()]
    if authors != current_authors and not (fill and current_authors):
        updates.append((_("auteurs"), lambda p: setattr(p, "authors", _author_rows(draft.authors))))
    current_tags = sorted(t.name for t in page.tags.all())
    if draft.tags and sorted(draft.tags) != current_tags and not (fill and current_tags):
        updates.append((_("mots-clés"), lambda p: p.tags.set(draft.tags)))
    for name, wanted, current in (
        ("poles", draft.poles, {p.pk for p in page.poles.all()}),
        ("themes", draft.themes, {t.pk for t in page.themes.all()}),
    ):
        if wanted and wanted != current and not (fill and current):
            model = Pole if name == "poles" else Theme
            label = _("pôles") if name == "poles" else _("thèmes")
            updates.append((label, lambda p, n=name, m=model, w=wanted: getattr(p, n).set(m.objects.filter(pk__in=w))))
    current_places = {link.territory_id for link in page.territory_links.all()}
    if draft.territories and draft.territories != current_places and not (fill and current_places):
        updates.append((_("territoires"), lambda p: setattr(p, "territory_links", _territory_rows(draft.territories))))
    return updates


def _pair(source, name):
    """A field's value, the date with its precision: a year-only date differs from the same day written in full."""
    read = source.get if isinstance(source, dict) else lambda n: getattr(source, n)
    return (read(name), read("date_precision") if name == "date" else None)


def _set_pair(page, name, value):
    setattr(page, name, value[0])
    if name == "date":
        page.date_precision = value[1]


def _author_rows(authors: list[AuthorDraft]):
    return [ResearchPaperAuthor(name=a.name, orcid=a.orcid, affiliation=a.affiliation) for a in authors]


def _territory_rows(pks):
    territories = Territory.objects.filter(pk__in=pks).order_by("name")
    return [ArchivePageTerritory(territory=territory) for territory in territories]


def index_page():
    index = ResearchPaperIndexPage.objects.first()
    if index is None:
        raise BatchError(_("L'archive n'a pas d'index des travaux de recherche où ranger les références importées."))
    return index


@dataclass
class Destination:
    """Where new papers go, read once per batch: the research index, and the workflow its new pages enter."""

    parent: object
    workflow: object


def run(read_result, options, pdfs=None):
    """Import every row, yielding each report row as soon as it is written (or refused)."""
    parent = index_page()
    destination = Destination(parent, parent.get_workflow())
    with muted_submission_notices():
        for planned in plan(read_result, options, pdfs):
            yield _run_row(planned, options, destination, pdfs)


def _run_row(planned, options, destination, pdfs):
    row = planned.row
    if row.action in {"error", "skip"}:
        row.action = "failed" if row.action == "error" else "skipped"
        return row
    written = []
    try:
        # Wagtail indexes an object's references at each save, and a row saves its page up to three times:
        # indexing them once, when the row is written, is the same index for a third of the work.
        with transaction.atomic(), disable_reference_index_auto_update():
            if row.action == "create":
                page = _create(planned.draft, options, destination, pdfs, written)
                row.action = "created"
            else:
                page = _update(row.page_id, planned.draft, options, pdfs, written)
                row.action = "updated" if page is not None else "skipped"
            for saved in filter(None, [page, *written]):
                # As Wagtail's own task does: the stored object, not the draft the row holds.
                ReferenceIndex.create_or_update_for_object(type(saved).objects.get(pk=saved.pk))
            row.page_id = row.page_id or page.pk
    except (ValidationError, DatabaseError, MissingAttachment, OSError, ValueError) as exc:
        for document in written:
            # The row's transaction is undone; the PDF it stored on disk goes too.
            document.file.storage.delete(document.file.name)
        row.action = "failed"
        row.problems = [{"field": "", "message": _message(exc)}]
        logger.warning("import line %s (%s): row not imported: %r", row.line, row.label, exc)
    return row


def _message(exc):
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    if isinstance(exc, MissingAttachment):
        return str(exc)
    return _("la fiche n'a pas pu être enregistrée (%(error)s) ; rien n'a été écrit pour cette ligne.") % {
        "error": type(exc).__name__
    }


def _create(draft, options, destination, pdfs, written):
    page = ResearchPaperPage(**draft.values, owner=options.user, live=False)
    page.authors = _author_rows(draft.authors)
    page.tags.set(draft.tags)
    page.poles.set(Pole.objects.filter(pk__in=draft.poles))
    page.themes.set(Theme.objects.filter(pk__in=draft.themes))
    page.territory_links = _territory_rows(draft.territories)
    if draft.file:
        page.pdf = _document(draft, options, pdfs, written)
    destination.parent.add_child(instance=page)
    _submit(page, options, new_in=destination)
    return page


def _update(page_id, draft, options, pdfs, written):
    stored = ResearchPaperPage.objects.select_for_update().get(pk=page_id)
    page = stored.get_latest_revision_as_object()
    updates = _updates(page, draft, options.duplicates)
    if draft.file and pdfs is not None and (page.pdf is None or options.duplicates == DuplicatePolicy.OVERWRITE):
        attachment = pdfs.get(draft.file)
        if page.pdf is None or page.pdf.file_hash != _hash(attachment.data):
            updates.append(("pdf", lambda p: setattr(p, "pdf", _document(draft, options, pdfs, written, attachment))))
    if not updates:
        return None
    for _label, apply in updates:
        apply(page)
    _submit(page, options)
    return page


def _submit(page, options, new_in=None):
    """A revision by the importing documentalist, published, or sent to the page's moderation workflow.

    A page just created in `new_in` (a Destination) was validated whole by add_child, is in no workflow yet, and
    enters the one its parent's pages enter: nothing of that is read again.
    """
    revision = page.save_revision(user=options.user, log_action=True, clean=new_in is None)
    if options.publish:
        revision.publish(user=options.user)
        return
    if new_in is not None:
        workflow = new_in.workflow
    else:
        workflow = page.get_workflow() if page.current_workflow_state is None else None
    if workflow is not None:
        workflow.start(page, options.user)


def _document(draft, options, pdfs, written, attachment=None):
    attachment = attachment or pdfs.get(draft.file)
    document = ArchiveDocument(
        title=draft.values["title"][:255],
        file=ContentFile(attachment.data, name=attachment.name),
        collection_id=options.collection_id or ArchiveDocument._meta.get_field("collection").get_default(),
        uploaded_by_user=options.user,
    )
    document._set_document_file_metadata()
    document.save()
    written.append(document)
    document.poles.set(draft.poles)
    document.themes.set(draft.themes)
    document.territories.set(draft.territories)
    return document


def _hash(data):
    """The document hash Wagtail keeps (wagtail.utils.file.hash_filelike): SHA-1 of the bytes."""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


@contextlib.contextmanager
def muted_submission_notices():
    """Wagtail emails the moderators for every page submitted: one email per imported reference would bury them.
    The batch's report stands for them; the notices come back as soon as the batch is done."""
    receivers = [
        (
            task_submitted,
            admin_notices.task_submission_email_notifier,
            "group_approval_task_submitted_email_notification",
        ),
        (
            workflow_submitted,
            admin_notices.workflow_submission_email_notifier,
            "workflow_state_submitted_email_notification",
        ),
    ]
    for signal, _receiver, uid in receivers:
        signal.disconnect(dispatch_uid=uid, sender=_sender(signal))
    try:
        yield
    finally:
        for signal, receiver, uid in receivers:
            signal.connect(receiver, sender=_sender(signal), dispatch_uid=uid)


def _sender(signal):
    from wagtail.models import TaskState, WorkflowState

    return TaskState if signal is task_submitted else WorkflowState
