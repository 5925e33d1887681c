"""Resumption tokens: a harvest's query and where it stands, signed so that no harvester can forge one.

A token carries the query, the « until » frozen at the first request and a keyset cursor (datestamp,
source): an item edited meanwhile moves past that « until » and comes with the next incremental harvest,
so a paged harvest neither skips nor repeats items. The state lives in the token, none on the server.
"""

import datetime
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core import signing

SALT = "oai.resumption-token"


class BadToken(Exception):
    """A token that was forged, tampered with, expired, or issued for another verb."""


@dataclass
class Harvest:
    """Where a list request stands: its query, its frozen bounds, the last item sent and the counts."""

    verb: str
    prefix: str
    set_spec: str
    since: str  # ISO datetimes (UTC) or ""
    until: str
    last_datestamp: str = ""
    last_source: str = ""
    cursor: int = 0
    total: int = 0

    @property
    def since_moment(self):
        return datetime.datetime.fromisoformat(self.since) if self.since else None

    @property
    def until_moment(self):
        return datetime.datetime.fromisoformat(self.until)

    @property
    def last_moment(self):
        return datetime.datetime.fromisoformat(self.last_datestamp) if self.last_datestamp else None


def lifetime():
    return int(getattr(settings, "KB_OAI_TOKEN_LIFETIME", 24 * 3600))


def issue(harvest):
    return signing.dumps(asdict(harvest), salt=SALT, compress=True)


def read(token, verb):
    """The harvest a token continues; BadToken when it is not one this repository issued for `verb` lately."""
    try:
        state = signing.loads(token, salt=SALT, max_age=lifetime())
        harvest = Harvest(**state)
    except signing.SignatureExpired as error:
        raise BadToken(f"expired token: {error}") from error
    # A signature we made over another shape of state: a token from before an upgrade.
    except (signing.BadSignature, TypeError) as error:
        raise BadToken(f"invalid token: {error}") from error
    if harvest.verb != verb:
        raise BadToken(f"token issued for {harvest.verb}, used with {verb}")
    return harvest
