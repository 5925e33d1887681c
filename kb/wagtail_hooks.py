"""Admin for the taxonomies (poles, themes and the territory tree, as snippets); page choosers within view rights."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .choosers import TerritoryChooserViewSet
from .models import Pole, Territory, Theme
from .visibility import visible_to


class PoleViewSet(SnippetViewSet):
    model = Pole
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "help"
    list_display = ["name", "question", "sort_order"]


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    list_display = ["name", "kind", "code", "parent"]
    list_filter = ["kind"]
    list_per_page = 50
    chooser_viewset_class = TerritoryChooserViewSet


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Classement")
    menu_icon = "tag"
    menu_order = 300
    items = (PoleViewSet, ThemeViewSet, TerritoryViewSet)


register_snippet(TaxonomyGroup)


@hooks.register("construct_page_chooser_queryset")
def hide_closed_pages_from_choosers(pages, request):
    # An editor links only what they may open: an animator's chooser does not list the DU courses.
    return visible_to(pages, request)


@hooks.register("insert_global_admin_css")
def territory_chooser_css():
    # The chooser opens in a modal of any admin page: its tree's styles must already be there.
    return format_html('<link rel="stylesheet" href="{}">', static("css/territory-chooser.css"))
