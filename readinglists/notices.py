"""What the last reading-list form did, told once on the page it leads back to (an item page or a list).

Kept in the session under the app's own key, as the selection does (citations.selection), because the
site's layout shows no Django messages and an item page must not show, or use up, other apps' ones.
"""

NOTICE_KEY = "readinglists_notice"


def notify(request, message, ok=True, details=()):
    """`details`: sentences listed under the message (why sharing was refused, for instance)."""
    request.session[NOTICE_KEY] = {"message": str(message), "ok": ok, "details": [str(d) for d in details]}


def pop_notice(request):
    session = getattr(request, "session", None)
    return session.pop(NOTICE_KEY, None) if session is not None else None
