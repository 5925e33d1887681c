"""The « Listes de lecture » box of archive item pages, and the notice the lists' forms leave behind."""

from django import template

from ..forms import AddItemForm
from ..notices import pop_notice

register = template.Library()


@register.inclusion_tag("readinglists/includes/add_to_list.html", takes_context=True)
def reading_list_box(context, target):
    """For a signed-in reader: the lists that hold `target`, and a form adding it to another or a new one.

    The page being served is one the reader may open, so no further check is needed here; the add view checks again.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    # Not in the admin's previews: a draft may be unsaved, and its forms would lead nowhere.
    if target is None or target.pk is None or getattr(request, "is_preview", False):
        return {"show": False}
    if user is None or not user.is_authenticated:
        return {"show": False}
    form = AddItemForm(owner=user, target=target)
    return {
        "show": True,
        "request": request,
        "form": form,
        "source": target.search_source,
        "notice": pop_notice(request),
    }


@register.simple_tag
def reading_list_notice(request):
    """What the last list form did ({"message", "ok", "details"}), once."""
    return pop_notice(request)
