"""Replace Wagtail's welcome page with the resource centre's home page."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("kb.HomePage")

    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="kb")
    locale = Locale.objects.order_by("pk").first() or Locale.objects.create(language_code="fr")
    homepage = HomePage.objects.create(
        title="Centre de ressources de l'économie sociale et solidaire",
        draft_title="Centre de ressources de l'économie sociale et solidaire",
        slug="accueil",
        content_type=homepage_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=locale,
        live=True,
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": homepage, "site_name": "Centre de ressources ESS"}
    )
    Page.objects.filter(depth=1).update(numchild=Page.objects.filter(depth=2).count())


def remove_homepage(apps, schema_editor):
    apps.get_model("kb.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
