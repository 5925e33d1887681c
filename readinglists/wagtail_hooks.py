"""The reader's reading lists in « Mon espace », through the accounts app's panel hook."""

from django.db.models import Count

from wagtail import hooks

from accounts.panels import HOOK, AccountPanel

from .models import ReadingList


@hooks.register(HOOK)
def reading_lists_panel(request):
    lists = ReadingList.objects.filter(owner=request.user).annotate(item_count=Count("items"))
    return AccountPanel(order=40, template="readinglists/panel.html", context={"reading_lists": list(lists)})
