"""Who may open an item, as one short key per record, evaluated per request.

A key lists every view restriction an item sits under, joined by "&": "login",
"groups:3,5" (any of these groups), "password:page:7" (this shared-password restriction of a page, or of a collection);
"public" when there is none. The rules are Wagtail's own (BaseViewRestriction.accept_request).
"""

from kb.visibility import current_group_ids

from .records import PUBLIC


def restriction_token(restriction):
    kind = restriction.restriction_type
    if kind == restriction.LOGIN:
        return "login"
    if kind == restriction.GROUPS:
        group_ids = sorted(group.pk for group in restriction.groups.all())
        return "groups:" + ",".join(str(pk) for pk in group_ids)
    scope = "collection" if hasattr(restriction, "collection_id") else "page"
    return f"password:{scope}:{restriction.pk}"


def access_key(restrictions):
    tokens = sorted({restriction_token(r) for r in restrictions})
    return "&".join(tokens) if tokens else PUBLIC


def page_access(page):
    return access_key(page.get_view_restrictions())


class PageAccessMap:
    """Access keys of many pages from one read of the view restrictions (for rebuilds)."""

    def __init__(self):
        from wagtail.models import PageViewRestriction

        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        self.restrictions = [(r.page.path, r) for r in restrictions]

    def key(self, page):
        if page.alias_of_id:
            return page_access(page)
        return access_key([r for path, r in self.restrictions if page.path.startswith(path)])


def collection_access(collection):
    return access_key(collection.get_view_restrictions())


def covers(key, other):
    """Whoever may open an item under `key` may open one under `other`: its restrictions are among `key`'s."""
    return set(other.split("&")) - {PUBLIC} <= set(key.split("&"))


class Viewer:
    """What a request may open: its user, groups and the password restrictions it passed."""

    def __init__(self, user=None, passed_restrictions=()):
        self.authenticated = bool(user and user.is_authenticated)
        self.superuser = bool(self.authenticated and user.is_superuser)
        # A DU cohort's group stops counting after its access end date, as everywhere on the site.
        self.group_ids = current_group_ids(user) if self.authenticated else set()
        self.passed = set(passed_restrictions)

    @classmethod
    def from_request(cls, request):
        from wagtail.models import CollectionViewRestriction, PageViewRestriction

        session = getattr(request, "session", {})
        passed = [
            f"{scope}:{pk}"
            for scope, model in (("page", PageViewRestriction), ("collection", CollectionViewRestriction))
            for pk in session.get(model.passed_view_restrictions_session_key, [])
        ]
        return cls(getattr(request, "user", None), passed)

    @classmethod
    def anonymous(cls):
        return cls()

    def can_open(self, key):
        return all(self._passes(token) for token in key.split("&"))

    def allowed(self, keys):
        return sorted(key for key in keys if self.can_open(key))

    def _passes(self, token):
        if token == PUBLIC:
            return True
        if token == "login":  # noqa: S105 - an access token name, not a password
            return self.authenticated
        if token.startswith("groups:"):
            wanted = {int(pk) for pk in token[len("groups:") :].split(",") if pk}
            return self.superuser or bool(wanted & self.group_ids)
        if token.startswith("password:"):
            return token[len("password:") :] in self.passed
        return False
