"""What « Mon espace » shows: one panel per app that keeps something for the person (saved searches, lists…).

Apps never import each other for this: each registers a Wagtail hook named `account_panels`
whose function takes the request and returns an `AccountPanel` (or None when it has nothing
to show), so accounts/ knows no model of alerts/ or readinglists/.

A panel's template renders one whole `<section class="account-panel" aria-labelledby="…">` with
its own `<h2>` (static/css/accounts.css lays the panels out in a grid); it is rendered with the
request, so `request.user` and `csrf_token` are at hand beside the panel's own context.
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "account_panels"


@dataclass(frozen=True)
class AccountPanel:
    """A section of « Mon espace »: rendered with `template` and `context`, sorted by `order`."""

    order: int
    template: str
    context: dict = field(default_factory=dict)


def account_panels(request):
    """The panels every app offers this signed-in person, in order."""
    panels = (hook(request) for hook in hooks.get_hooks(HOOK))
    return sorted((panel for panel in panels if panel is not None), key=lambda panel: panel.order)
