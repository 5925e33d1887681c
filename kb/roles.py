"""The pole animators' Wagtail groups, kept in step with the poles, their sections and the contribution indexes.

Migration kb 0004 creates the fixed roles (Documentalistes, their moderation workflow) and the
groups of the sections that existed then; from there on:
- a pole's section page created (or given another pole) → « Animateurs — <pôle> » may add, edit
  and publish in that section only;
- a pole renamed → its group is renamed; a pole deleted → its group goes too;
- a contribution index created (practice exchanges, research papers) → every animators' group may
  add and edit there, never publish: their pages go through the documentalists' workflow; kb.permissions
  narrows these grants, item by item, to the items of the group's pole.
The DU students' groups follow their cohort (resources.models.DUCohort).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

DOCUMENTALISTS = "Documentalistes"
ANIMATORS_PREFIX = "Animateurs — "
CONTRIBUTIONS_COLLECTION = "Contributions des pôles"
MODERATION_WORKFLOW = "Relecture par les documentalistes"

CONTRIBUTION_INDEXES = ("kb.PracticeExchangeIndexPage", "resources.ResearchPaperIndexPage")
SECTION_PERMISSIONS = ("add_page", "change_page", "publish_page")
CONTRIBUTION_PERMISSIONS = ("add_page", "change_page")
# Animators upload and choose their files in their own collection, never in the private ones.
CONTRIBUTION_MEDIA_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
)


def animators_group_name(pole):
    return f"{ANIMATORS_PREFIX}{pole.name}"


def ensure_animators(section):
    """The section's pole gets its animators' group, who may add, edit and publish in this section only."""
    pole = section.pole
    with transaction.atomic():
        group = pole.animators or Group.objects.get_or_create(name=animators_group_name(pole))[0]
        if pole.animators_id != group.pk:
            type(pole).objects.filter(pk=pole.pk).update(animators=group)
            pole.animators = group
        rename_animators(pole)
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
        _grant_pages(group, section, SECTION_PERMISSIONS)
        # A section given to another pole leaves its former animators.
        GroupPagePermission.objects.filter(page=section, group__animated_pole__isnull=False).exclude(
            group=group
        ).delete()
        for index in contribution_indexes():
            _grant_pages(group, index, CONTRIBUTION_PERMISSIONS)
        collection = contributions_collection()
        for app_label, codename in CONTRIBUTION_MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
            )
    return group


def rename_animators(pole):
    group = pole.animators
    if group is not None and group.name != animators_group_name(pole):
        group.name = animators_group_name(pole)
        group.save(update_fields=["name"])


def open_to_animators(index):
    """Every animators' group may add and edit (not publish) in a contribution index."""
    for group in Group.objects.filter(animated_pole__isnull=False):
        _grant_pages(group, index, CONTRIBUTION_PERMISSIONS)


def contribution_indexes():
    return Page.objects.type(*(apps.get_model(label) for label in CONTRIBUTION_INDEXES))


def contributions_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=CONTRIBUTIONS_COLLECTION).first() or root.add_child(
        name=CONTRIBUTIONS_COLLECTION
    )


def _grant_pages(group, page, codenames):
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _section_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Revisions save the page with update_fields: only a full save or a new pole can change the group.
    if raw or (update_fields and "pole" not in update_fields):
        return
    ensure_animators(instance)


def _pole_saved(sender, instance, created=False, raw=False, **kwargs):
    if not (created or raw):
        rename_animators(instance)


def _pole_deleted(sender, instance, **kwargs):
    if instance.animators_id:
        Group.objects.filter(pk=instance.animators_id).delete()


def _index_saved(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        open_to_animators(instance)


def connect():
    """Connect the receivers (from KbConfig.ready, once every app's models are loaded)."""
    post_save.connect(_section_saved, sender=apps.get_model("kb.PoleSectionPage"), dispatch_uid="roles_section")
    post_save.connect(_pole_saved, sender=apps.get_model("kb.Pole"), dispatch_uid="roles_pole_saved")
    post_delete.connect(_pole_deleted, sender=apps.get_model("kb.Pole"), dispatch_uid="roles_pole_deleted")
    for label in CONTRIBUTION_INDEXES:
        post_save.connect(_index_saved, sender=apps.get_model(label), dispatch_uid=f"roles_index_{label}")
