from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Speaker


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    list_display = ["name", "affiliation"]
    menu_order = 310
    add_to_admin_menu = True


register_snippet(SpeakerViewSet)
