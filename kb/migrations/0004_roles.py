"""The site's roles: the Documentalistes group, their moderation workflow, and the pole animators' groups.

Written against the historical models, so it runs the same on any later schema; kb.roles keeps the
animators' groups in step afterwards (new sections, renamed poles, new contribution indexes).
"""

from django.db import migrations

DOCUMENTALISTS = "Documentalistes"
ANIMATORS_PREFIX = "Animateurs — "
CONTRIBUTIONS_COLLECTION = "Contributions des pôles"
MODERATION_TASK = "Validation par les documentalistes"
MODERATION_WORKFLOW = "Relecture par les documentalistes"

CURATED_MODELS = [
    ("kb", "pole"),
    ("kb", "theme"),
    ("kb", "territory"),
    ("studydays", "speaker"),
    ("search", "synonym"),
    ("resources", "ducohort"),
]
DOCUMENTALIST_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "documents": [("wagtaildocs", "document", action) for action in ("add", "change", "delete", "choose")],
    "images": [("wagtailimages", "image", action) for action in ("add", "change", "delete", "choose")],
}
SECTION_PERMISSIONS = ["add_page", "change_page", "publish_page"]
CONTRIBUTION_PERMISSIONS = ["add_page", "change_page"]
CONTRIBUTION_INDEXES = [("kb", "practiceexchangeindexpage"), ("resources", "researchpaperindexpage")]
ANIMATOR_MEDIA_PERMISSIONS = [
    ("wagtaildocs", "document", "add"),
    ("wagtaildocs", "document", "choose"),
    ("wagtailimages", "image", "add"),
    ("wagtailimages", "image", "choose"),
]


class Roles:
    def __init__(self, apps):
        self.apps = apps
        self.Group = apps.get_model("auth.Group")
        self.Permission = apps.get_model("auth.Permission")
        self.ContentType = apps.get_model("contenttypes.ContentType")
        self.Page = apps.get_model("wagtailcore.Page")
        self.Collection = apps.get_model("wagtailcore.Collection")
        self.GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
        self.GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    def permission(self, app_label, model, codename):
        # Permissions of models created in this same run only appear after post_migrate: make them now.
        content_type, _ = self.ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission = self.Permission.objects.filter(content_type=content_type, codename=codename).first()
        if permission is None:
            action = codename.split("_")[0]
            verbose_name = self.apps.get_model(app_label, model)._meta.verbose_name_raw
            permission = self.Permission.objects.create(
                content_type=content_type, codename=codename, name=f"Can {action} {verbose_name}"
            )
        return permission

    def page_permission(self, codename):
        return self.permission("wagtailcore", "page", codename)

    def grant_pages(self, group, page, codenames):
        for codename in codenames:
            self.GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=self.page_permission(codename)
            )

    def grant_collection(self, group, collection, permissions):
        for app_label, model, action in permissions:
            self.GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=self.permission(app_label, model, f"{action}_{model}")
            )

    def root_collection(self):
        return self.Collection.objects.get(depth=1)

    def child_collection(self, name):
        """A child of the root collection, made by hand: historical models lack treebeard's add_child."""
        root = self.root_collection()
        existing = self.Collection.objects.filter(depth=2, path__startswith=root.path, name=name).first()
        if existing:
            return existing
        last = self.Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        step = int(last.path[-4:], 36) + 1 if last else 1
        path = root.path + _base36(step).rjust(4, "0")
        collection = self.Collection.objects.create(name=name, path=path, depth=2, numchild=0)
        root.numchild += 1
        root.save(update_fields=["numchild"])
        return collection

    def documentalists(self):
        group, _ = self.Group.objects.get_or_create(name=DOCUMENTALISTS)
        group.permissions.add(self.permission("wagtailadmin", "admin", "access_admin"))
        for app_label, model in CURATED_MODELS:
            for action in ("add", "change", "delete", "view"):
                group.permissions.add(self.permission(app_label, model, f"{action}_{model}"))
        self.grant_pages(group, self.Page.objects.get(depth=1), DOCUMENTALIST_PAGE_PERMISSIONS)
        root = self.root_collection()
        self.grant_collection(group, root, MEDIA_PERMISSIONS["documents"] + MEDIA_PERMISSIONS["images"])
        return group

    def moderation(self, documentalists):
        """One task (the documentalists approve) in one workflow, for every page under the home page."""
        Workflow = self.apps.get_model("wagtailcore.Workflow")
        WorkflowTask = self.apps.get_model("wagtailcore.WorkflowTask")
        WorkflowPage = self.apps.get_model("wagtailcore.WorkflowPage")
        GroupApprovalTask = self.apps.get_model("wagtailcore.GroupApprovalTask")
        content_type, _ = self.ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.filter(name=MODERATION_TASK).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=MODERATION_TASK, content_type=content_type, active=True)
        task.groups.add(documentalists)
        workflow, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW, defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        for home in self.apps.get_model("kb.HomePage").objects.all():
            WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})

    def animators(self):
        """A group for the pole of every section that already exists (later ones get theirs from kb.roles)."""
        access_admin = self.permission("wagtailadmin", "admin", "access_admin")
        contributions = self.child_collection(CONTRIBUTIONS_COLLECTION)
        indexes = [
            page
            for app_label, model in CONTRIBUTION_INDEXES
            for page in self.apps.get_model(app_label, model).objects.all()
        ]
        Pole = self.apps.get_model("kb.Pole")
        for section in self.apps.get_model("kb.PoleSectionPage").objects.select_related("pole"):
            pole = section.pole
            group, _ = self.Group.objects.get_or_create(name=f"{ANIMATORS_PREFIX}{pole.name}")
            Pole.objects.filter(pk=pole.pk).update(animators=group)
            group.permissions.add(access_admin)
            self.grant_pages(group, section, SECTION_PERMISSIONS)
            for index in indexes:
                self.grant_pages(group, index, CONTRIBUTION_PERMISSIONS)
            self.grant_collection(group, contributions, ANIMATOR_MEDIA_PERMISSIONS)


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text or "0"


def create_roles(apps, schema_editor):
    roles = Roles(apps)
    roles.moderation(roles.documentalists())
    roles.animators()


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0003_pole_animators"),
        ("resources", "0002_ducohort"),
        ("search", "0003_pending_changes"),
        ("studydays", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
