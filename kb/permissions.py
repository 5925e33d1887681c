"""Animators kept to their pole: their groups' grants on the contribution indexes (kb.roles) count, item by item,
only for the practice exchanges and research papers that carry the group's pole or that the person created.

Wagtail grants page permissions on a subtree, and a pole is a field of the item: the narrowing happens where Wagtail
asks what a user may do with one page (Page.permissions_for_user). Every admin view, listing, button and endpoint
(edit, autosave, submit, revert, copy, move, delete, preview, history) reads that answer. Other groups' grants —
the documentalists' — are untouched, and so are superusers.
"""

from django.apps import apps

from wagtail.models import PagePermissionTester
from wagtail.permissions import page_permission_policy

# A listing asks once per row and per button: the user's groups are read once per request, a page's poles once.
_ANIMATED_POLES_CACHE = "_kb_animated_poles"
_CARRIED_POLES_CACHE = "_kb_carried_poles"


def animated_poles(user):
    """{group id: pole id} of the animators' groups (Pole.animators) the user belongs to."""
    if not hasattr(user, _ANIMATED_POLES_CACHE):
        poles = apps.get_model("kb", "Pole").objects.filter(animators__user=user)
        setattr(user, _ANIMATED_POLES_CACHE, dict(poles.values_list("animators_id", "pk")))
    return getattr(user, _ANIMATED_POLES_CACHE)


def carried_poles(page):
    """The poles the item carries as stored: a draft's unsaved choice never widens who may edit it."""
    if page.pk is None:
        return set()
    if not hasattr(page, _CARRIED_POLES_CACHE):
        links = apps.get_model("kb", "ArchivePage").poles.through.objects.filter(archivepage_id=page.pk)
        setattr(page, _CARRIED_POLES_CACHE, set(links.values_list("pole_id", flat=True)))
    return getattr(page, _CARRIED_POLES_CACHE)


def grants_reaching(user, page):
    """The user's page grants (GroupPagePermission) set on `page` or on one of its ancestors."""
    grants = page_permission_policy.get_cached_permissions_for_user(user)
    return [grant for grant in grants if page.path.startswith(grant.page.path)]


def granted_action(grant):
    """ "add", "change", "publish"… as PagePermissionTester names the actions."""
    return grant.permission.codename.rsplit("_", maxsplit=1)[0]


def binding_poles(user, grants, action=None):
    """The poles of the animators' groups among `grants` (those granting `action`, if named): an item must carry
    one of them for that group's grants to count."""
    pole_of_group = animated_poles(user)
    return {
        pole_of_group[grant.group_id]
        for grant in grants
        if grant.group_id in pole_of_group and action in (None, granted_action(grant))
    }


def allowed_actions(user, grants, poles):
    """The actions `grants` give on an item carrying `poles`, to a user who did not create it."""
    pole_of_group = animated_poles(user)
    return {
        granted_action(grant)
        for grant in grants
        if grant.group_id not in pole_of_group or pole_of_group[grant.group_id] in poles
    }


class PoleBoundPermissionTester(PagePermissionTester):
    """Wagtail's answer for one item, without the grants of the animators' groups whose pole the item lacks."""

    def __init__(self, user, page):
        super().__init__(user, page)
        # Superusers and inactive users have no `permissions`: Wagtail answers for them without grants.
        if hasattr(self, "permissions") and page.owner_id != user.pk:
            grants = grants_reaching(user, page)
            if binding_poles(user, grants):
                self.permissions = allowed_actions(user, grants, carried_poles(page))

    def can_submit_for_moderation(self):
        # Wagtail leaves it to the edit view to ask can_edit first; asked alone, the answer must hold too.
        return self.can_edit() and super().can_submit_for_moderation()

    def can_view_revisions(self):
        # The history refuses whoever may neither edit nor publish: no « Historique » button leading to a refusal.
        return super().can_view_revisions() and (self.can_edit() or self.can_publish())


class PoleBoundItem:
    """Mixed into the page types the animators propose (practice exchanges, research papers)."""

    def permissions_for_user(self, user):
        return PoleBoundPermissionTester(user, self)
