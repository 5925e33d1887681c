"""The arguments of an OAI-PMH request, checked as the protocol states, before anything is read.

Each bad input becomes the protocol's own error (badVerb, badArgument...) with a French message a
harvester's operator can act on; nothing here touches the database.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Per verb: the required and the optional arguments; resumptionToken is exclusive where allowed.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
}
# The protocol's syntax of setSpec and metadataPrefix (URI unreserved characters; colons separate set levels).
UNRESERVED = r"[A-Za-z0-9\-_.!~*'()]+"
SET_SPEC = re.compile(rf"{UNRESERVED}(:{UNRESERVED})*")
PREFIX = re.compile(UNRESERVED)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


class OAIError(Exception):
    """An OAI-PMH error condition: its code (badArgument...) and a message for people."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class Arguments:
    """A request's checked arguments: `given` echoes them in the response; the dates are parsed (UTC)."""

    verb: str
    given: dict
    since: datetime.datetime | None = None
    until: datetime.datetime | None = None

    def get(self, name):
        return self.given.get(name, "")


def check(arguments):
    """Arguments (name -> list of values, as a QueryDict's lists()) checked, or OAIError (badVerb, badArgument)."""
    verbs = arguments.get("verb") or []
    if len(verbs) != 1 or verbs[0] not in VERBS:
        given = ", ".join(verbs) or _("aucun")
        raise OAIError("badVerb", _("Verbe OAI-PMH absent, répété ou inconnu (%(verb)s).") % {"verb": given})
    verb = verbs[0]
    repeated = sorted(name for name, values in arguments.items() if len(values) > 1)
    if repeated:
        raise OAIError("badArgument", _("Argument répété : %(names)s.") % {"names": ", ".join(repeated)})
    given = {name: values[0] for name, values in arguments.items() if name != "verb"}
    required, optional = VERBS[verb]
    unknown = sorted(set(given) - required - optional)
    if unknown:
        raise OAIError(
            "badArgument",
            _("Argument illégal pour %(verb)s : %(names)s.") % {"verb": verb, "names": ", ".join(unknown)},
        )
    if "resumptionToken" in given:
        if len(given) > 1:
            raise OAIError("badArgument", _("resumptionToken ne s'emploie avec aucun autre argument."))
        return Arguments(verb, given)
    missing = sorted(required - set(given))
    if missing:
        raise OAIError("badArgument", _("Argument manquant : %(names)s.") % {"names": ", ".join(missing)})
    check_syntax(given)
    since, until = dates(given.get("from"), given.get("until"))
    return Arguments(verb, given, since, until)


def check_syntax(given):
    if "metadataPrefix" in given and not PREFIX.fullmatch(given["metadataPrefix"]):
        raise OAIError("badArgument", _("metadataPrefix mal formé."))
    if "set" in given and not SET_SPEC.fullmatch(given["set"]):
        raise OAIError("badArgument", _("set mal formé : un setSpec est fait de segments séparés par « : »."))
    if "identifier" in given and not given["identifier"].strip():
        raise OAIError("badArgument", _("identifier est vide."))


def dates(since, until):
    """The `from` and `until` bounds as UTC datetimes: a day runs from 00:00:00 to 23:59:59."""
    if since is not None and until is not None and len(since) != len(until):
        raise OAIError("badArgument", _("from et until doivent avoir la même granularité (jour ou seconde)."))
    start = moment(since, "from", end_of_day=False) if since is not None else None
    end = moment(until, "until", end_of_day=True) if until is not None else None
    if start and end and start > end:
        raise OAIError("badArgument", _("from est postérieur à until."))
    return start, end


def moment(value, name, end_of_day):
    try:
        if DAY.fullmatch(value):
            day = datetime.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=datetime.UTC)
            return day + datetime.timedelta(days=1, seconds=-1) if end_of_day else day
        if SECOND.fullmatch(value):
            return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    except (ValueError, OverflowError):  # 2024-02-30, or the day after 9999-12-31
        pass
    raise OAIError(
        "badArgument",
        _("%(name)s n'est pas une date valide : AAAA-MM-JJ ou AAAA-MM-JJThh:mm:ssZ attendu.") % {"name": name},
    )
