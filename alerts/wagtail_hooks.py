"""« Mon espace » lists the reader's saved searches (accounts.panels' hook: accounts/ knows no model of ours)."""

from wagtail import hooks

from accounts.panels import HOOK, AccountPanel

SHOWN = 10


@hooks.register(HOOK)
def saved_searches_panel(request):
    if not request.user.is_authenticated:
        return None
    saved_searches = list(request.user.saved_searches.all()[: SHOWN + 1])
    context = {"saved_searches": saved_searches[:SHOWN], "more": 0}
    if len(saved_searches) > SHOWN:
        context["more"] = request.user.saved_searches.count() - SHOWN
    return AccountPanel(order=30, template="alerts/account_panel.html", context=context)
