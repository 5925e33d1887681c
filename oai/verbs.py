"""The six OAI-PMH 2.0 verbs, answered from the exposed items (oai.models) as XML trees.

`respond()` takes a request's arguments and the repository and returns the OAI-PMH document; every
error condition the protocol names is answered in its own terms, never by an HTTP error.
"""

import logging
import re

from django.db.models import Min
from django.utils.translation import gettext as _

from . import lists, sets
from .arguments import OAIError, check
from .models import ExposedItem, SetMembership
from .tracking import now
from .xml import element, envelope, sub, utc

logger = logging.getLogger(__name__)
# The address syntax the OAI-PMH schema requires of adminEmail: "centre@localhost" makes harvesters reject Identify.
ADMIN_EMAIL = re.compile(r"\S+@(\S+\.)+\S+")


def respond(arguments, repository):
    """The OAI-PMH document answering `arguments` (name -> list of values)."""
    moment = now()
    try:
        request = check(arguments)
    except OAIError as error:
        # The protocol forbids echoing the arguments of a badVerb or badArgument request.
        return with_error(envelope(moment, repository.base_url, {}), error)
    root = envelope(moment, repository.base_url, {"verb": request.verb, **request.given})
    try:
        root.append(VERBS[request.verb](request, repository))
    except OAIError as error:
        with_error(root, error)
    return root


def with_error(root, error):
    logger.info("oai: %s: %s", error.code, error.message)
    sub(root, "error", error.message, code=error.code)
    return root


def identify(request, repository):
    answer = element("Identify")
    earliest = ExposedItem.objects.aggregate(earliest=Min("datestamp"))["earliest"] or now()
    sub(answer, "repositoryName", repository.name)
    sub(answer, "baseURL", repository.base_url)
    sub(answer, "protocolVersion", "2.0")
    if not ADMIN_EMAIL.fullmatch(repository.admin_email):
        logger.warning("oai: adminEmail %r has no full domain: set KB_OAI_ADMIN_EMAIL", repository.admin_email)
    sub(answer, "adminEmail", repository.admin_email)
    sub(answer, "earliestDatestamp", utc(earliest))
    sub(answer, "deletedRecord", "persistent")
    sub(answer, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    return answer


def list_metadata_formats(request, repository):
    if request.get("identifier"):
        exposed(request.get("identifier"), repository)
    answer = element("ListMetadataFormats")
    for prefix, (schema, namespace) in lists.FORMATS.items():
        description = sub(answer, "metadataFormat")
        sub(description, "metadataPrefix", prefix)
        sub(description, "schema", schema)
        sub(description, "metadataNamespace", namespace)
    return answer


def list_sets(request, repository):
    if request.get("resumptionToken"):
        # Every set comes in one answer: no token was ever issued for ListSets.
        raise OAIError("badResumptionToken", _("Ce dépôt n'émet pas de jeton de reprise pour ListSets."))
    specs = set(SetMembership.objects.values_list("spec", flat=True).distinct()) | set(sets.FAMILIES)
    answer = element("ListSets")
    for spec, name in sorted(sets.names(specs).items()):
        entry = sub(answer, "set")
        sub(entry, "setSpec", spec)
        sub(entry, "setName", name)
    return answer


def get_record(request, repository):
    lists.check_format(request.get("metadataPrefix"))
    item = exposed(request.get("identifier"), repository)
    answer = element("GetRecord")
    lists.add_record(answer, item, lists.set_specs([item]).get(item.pk, []), repository)
    return answer


def list_identifiers(request, repository):
    return lists.answer(request, repository, with_metadata=False)


def list_records(request, repository):
    return lists.answer(request, repository, with_metadata=True)


def exposed(identifier, repository):
    """The item an identifier names, deleted or not; idDoesNotExist otherwise."""
    source = repository.source(identifier)
    item = ExposedItem.objects.filter(source=source).first() if source else None
    if item is None:
        raise OAIError(
            "idDoesNotExist", _("Aucun élément de ce dépôt ne porte l'identifiant %(id)s.") % {"id": identifier}
        )
    return item


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
