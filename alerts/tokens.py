"""Unsubscribe links that work without signing in: a signed token naming one saved search, or all of a reader's.

Signed with the site's secret key, they never expire: a digest read weeks later must still stop the alerts.
"""

from django.core import signing

SALT = "alerts.unsubscribe"
SEARCH, READER = "search", "reader"


class BadToken(Exception):
    """The token was not signed by this site, or names nothing it could."""


def search_token(saved_search):
    return signing.Signer(salt=SALT).sign(f"{SEARCH}-{saved_search.pk}")


def reader_token(user):
    return signing.Signer(salt=SALT).sign(f"{READER}-{user.pk}")


def read_token(token):
    """(SEARCH or READER, id) of a token, or BadToken."""
    try:
        value = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error
    scope, _sep, pk = value.partition("-")
    if scope not in (SEARCH, READER) or not pk.isdigit():
        raise BadToken(f"unexpected value {value!r}")
    return scope, int(pk)
