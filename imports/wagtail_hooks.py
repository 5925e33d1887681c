"""The import in the admin: its pages under /admin/imports/ and a menu entry for those who may import."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .views import PERMISSION


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("imports/", include(urls, namespace="imports"))]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Importer des références"), reverse("imports:start"), icon_name="download", order=350)
