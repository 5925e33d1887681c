"""Documentalists import bibliographies: they get the permission the import pages ask for."""

from django.db import migrations

DOCUMENTALISTS = "Documentalistes"
CODENAME = "import_references"


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    # Permissions of models created in this same run only appear after post_migrate: make it now.
    content_type, _created = ContentType.objects.get_or_create(app_label="imports", model="importbatch")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": "Importer des références bibliographiques"}
    )
    group, _created = Group.objects.get_or_create(name=DOCUMENTALISTS)
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(content_type__app_label="imports", codename=CODENAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0001_initial"),
        ("kb", "0004_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
