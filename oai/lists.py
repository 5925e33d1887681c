"""ListIdentifiers and ListRecords: pages of exposed items in (datestamp, source) order, and their records.

A page is read in three queries whatever its size (the page, the sets of its items, and the count on the
first page); the harvest's state travels in its resumption token (oai.tokens).
"""

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from . import dublincore, tokens
from .arguments import OAIError
from .models import ExposedItem, SetMembership
from .tracking import now
from .xml import element, sub, utc

FORMATS = {"oai_dc": (dublincore.OAI_DC_SCHEMA, dublincore.OAI_DC)}


def check_format(prefix):
    if prefix not in FORMATS:
        raise OAIError(
            "cannotDisseminateFormat",
            _("Format de métadonnées inconnu : %(prefix)s (ce dépôt diffuse oai_dc).") % {"prefix": prefix},
        )


def answer(request, repository, with_metadata):
    """The page of a ListIdentifiers or ListRecords request, with its resumption token."""
    harvest = continued(request) if request.get("resumptionToken") else started(request)
    items = selected(harvest).order_by("datestamp", "source")
    if harvest.last_datestamp:
        last = harvest.last_moment
        items = items.filter(Q(datestamp__gt=last) | Q(datestamp=last, source__gt=harvest.last_source))
    if not with_metadata:
        items = items.defer("metadata")
    page = list(items[: repository.page_size + 1])
    more, page = len(page) > repository.page_size, page[: repository.page_size]
    if not page:
        # Also when the items still to send all changed since the harvest began: they come with the next one.
        raise OAIError("noRecordsMatch", _("Aucun élément ne répond à cette demande."))
    answer = element(request.verb)
    specs = set_specs(page)
    for item in page:
        if with_metadata:
            add_record(answer, item, specs.get(item.pk, []), repository)
        else:
            add_header(answer, item, specs.get(item.pk, []), repository)
    add_token(answer, harvest, page, more)
    return answer


def started(request):
    """A new harvest: its « until » frozen a second ago, so that what changes from now on comes next time."""
    check_format(request.get("metadataPrefix"))
    latest = now() - datetime.timedelta(seconds=1)
    until = min(request.until, latest) if request.until else latest
    harvest = tokens.Harvest(
        verb=request.verb,
        prefix=request.get("metadataPrefix"),
        set_spec=request.get("set"),
        since=request.since.isoformat() if request.since else "",
        until=until.isoformat(),
    )
    harvest.total = selected(harvest).count()
    return harvest


def continued(request):
    try:
        return tokens.read(request.get("resumptionToken"), request.verb)
    except tokens.BadToken as error:
        raise OAIError(
            "badResumptionToken",
            _("Jeton de reprise invalide ou expiré : recommencez la moisson sans jeton (%(reason)s).")
            % {"reason": error},
        ) from error


def selected(harvest):
    items = ExposedItem.objects.filter(datestamp__lte=harvest.until_moment)
    if harvest.since:
        items = items.filter(datestamp__gte=harvest.since_moment)
    if harvest.set_spec:
        items = items.filter(memberships__spec=harvest.set_spec)
    return items


def add_token(answer, harvest, page, more):
    """A token for the next page; an empty one closes a list sent in several pages, none a list sent whole."""
    if not more and not harvest.cursor:
        return
    attributes = {"completeListSize": str(harvest.total), "cursor": str(harvest.cursor)}
    if not more:
        sub(answer, "resumptionToken", **attributes)
        return
    harvest.last_datestamp, harvest.last_source = page[-1].datestamp.isoformat(), page[-1].source
    harvest.cursor += len(page)
    expires = now() + datetime.timedelta(seconds=tokens.lifetime())
    sub(answer, "resumptionToken", tokens.issue(harvest), expirationDate=utc(expires), **attributes)


def set_specs(items):
    """{item pk: [set specs]} of these items, in one query."""
    specs = {}
    memberships = SetMembership.objects.filter(item_id__in=[item.pk for item in items]).order_by("spec")
    for item_id, spec in memberships.values_list("item_id", "spec"):
        specs.setdefault(item_id, []).append(spec)
    return specs


def add_header(parent, item, specs, repository):
    header = sub(parent, "header", **({"status": "deleted"} if item.deleted else {}))
    sub(header, "identifier", repository.identifier(item.source))
    sub(header, "datestamp", utc(item.datestamp))
    for spec in specs:
        sub(header, "setSpec", spec)


def add_record(parent, item, specs, repository):
    """A record: its header, and its Dublin Core unless it was withdrawn (the protocol sends none then)."""
    record = sub(parent, "record")
    add_header(record, item, specs, repository)
    if not item.deleted:
        sub(record, "metadata").append(dublincore.element(item.metadata, repository.base_url))
