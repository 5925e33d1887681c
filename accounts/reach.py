"""What « Mon espace » lists of the site itself: DU courses and cohorts, pole sections, pages in progress.

Other apps bring their own panels (accounts.panels); this module reads kb, resources and Wagtail
only, and lists nothing the person may not open (kb.visibility, Wagtail's page permissions).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, WorkflowState

from kb.models import PoleSectionPage
from kb.visibility import visible_to
from resources.models import CourseIndexPage, CoursePage, DUCohort

# « Mon espace » is a summary: the admin lists everything.
PAGES_LIMIT = 20


@dataclass(frozen=True)
class DUAccess:
    courses: list
    cohorts: list

    def __bool__(self):
        return bool(self.courses or self.cohorts)


@dataclass(frozen=True)
class PageInProgress:
    page: Page
    kind: str
    status: str
    edit_url: str


def du_access(request):
    """The DU courses the person opens and their cohorts (with end dates); empty for readers outside the DU.

    Courses open to everyone are listed only to someone the DU concerns (a cohort, or access to a closed
    course), so a plain reader's « Mon espace » does not read like a DU student's.
    """
    cohorts = list(DUCohort.objects.filter(group__user=request.user).order_by("-access_end"))
    today = timezone.localdate()
    for cohort in cohorts:
        cohort.ended = cohort.access_end is not None and cohort.access_end < today
    index = CourseIndexPage.objects.live().first()
    if index is None:
        return DUAccess([], cohorts)
    courses = visible_to(CoursePage.objects.child_of(index).live(), request)
    if not cohorts and not courses.not_public().exists():
        return DUAccess([], [])
    return DUAccess(list(courses.order_by("path")), cohorts)


def pole_sections(user):
    """The sections of the poles the person animates, with where to add a note when they may."""
    sections = PoleSectionPage.objects.live().filter(pole__animators__user=user).select_related("pole")
    return [(section, _add_note_url(section, user)) for section in sections.order_by("title")]


def _add_note_url(section, user):
    if not section.permissions_for_user(user).can_add_subpage():
        return ""
    return reverse("wagtailadmin_pages:add", args=("kb", "polenotepage", section.pk))


def pages_in_progress(user):
    """Pages awaiting review that the person submitted or owns, then their own drafts; newest first."""
    owned_ids = Page.objects.filter(owner=user).annotate(key=Cast("pk", CharField())).values("key")
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .filter(Q(requested_by=user) | Q(object_id__in=owned_ids))
        .select_related("current_task_state__task")
        .order_by("-created_at")[:PAGES_LIMIT]
    )
    statuses = {int(state.object_id): _review_status(state) for state in states}
    in_review = Page.objects.filter(pk__in=statuses).in_bulk()
    drafts = (
        Page.objects.filter(owner=user, has_unpublished_changes=True)
        .exclude(pk__in=statuses)
        .order_by("-latest_revision_created_at")[:PAGES_LIMIT]
    )
    entries = [(in_review[pk], status) for pk, status in statuses.items() if pk in in_review]
    entries += [(page, _("Modifications non publiées") if page.live else _("Brouillon")) for page in drafts]
    return [
        PageInProgress(page, page.specific_class._meta.verbose_name, status, _edit_url(page, user))
        for page, status in entries
    ]


def _review_status(state):
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _("Modifications demandées")
    task = state.current_task_state.task if state.current_task_state else None
    return _("En relecture : %(task)s") % {"task": task.name} if task else _("En relecture")


def _edit_url(page, user):
    return reverse("wagtailadmin_pages:edit", args=[page.pk]) if page.permissions_for_user(user).can_edit() else ""
