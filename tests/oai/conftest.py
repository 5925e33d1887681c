"""OAI-PMH tests: every response any test receives is validated against the OAI-PMH and oai_dc schemas.

The schemas are this suite's own (tests/oai/schemas, written from the specification: no registry reachable
here ships the official files); xml.xsd comes from the xmlschema package, where it installs it.
"""

import datetime
import functools
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from django.db.models import F
from django.test import TestCase

from oai.models import ExposedItem
from search import indexing

SCHEMAS = Path(__file__).parent / "schemas"
XML_XSD = Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


@functools.cache
def schema():
    """One schema for whole responses: OAI-PMH, with oai_dc (and Dublin Core) checked inside <metadata>."""
    imports = [
        ("http://www.w3.org/XML/1998/namespace", XML_XSD),
        (NS["oai"], SCHEMAS / "oai-pmh.xsd"),
        (NS["oai_dc"], SCHEMAS / "oai_dc.xsd"),
    ]
    driver = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{}</xs:schema>'.format(
        "".join(f'<xs:import namespace="{ns}" schemaLocation="{path.as_uri()}"/>' for ns, path in imports)
    )
    return etree.XMLSchema(etree.fromstring(driver))


def valid(content):
    """The parsed OAI-PMH document, once the schemas accept it (or an AssertionError saying why not)."""
    root = etree.fromstring(content)
    checker = schema()
    assert checker.validate(root), "\n".join(str(error) for error in checker.error_log)
    return root


def errors(root):
    return [error.get("code") for error in root.findall("oai:error", NS)]


def identifiers(root):
    return [node.text for node in root.iterfind(".//oai:header/oai:identifier", NS)]


def token(root):
    found = root.find(".//oai:resumptionToken", NS)
    return found.text if found is not None else None


def dc(record, element):
    return [node.text for node in record.iterfind(f".//dc:{element}", NS)]


@pytest.fixture
def oai(client):
    """Ask the endpoint (GET, or POST form-encoded with method="post"): the validated document."""

    def ask(method="get", **arguments):
        response = getattr(client, method)("/oai/", arguments)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        return valid(response.content)

    return ask


@pytest.fixture
def committed():
    """Run the after-commit callbacks (search sync, and so OAI tracking) as a real commit would."""
    return lambda: TestCase.captureOnCommitCallbacks(execute=True)


@pytest.fixture
def rebuilt():
    """What `kb_index rebuild` does: every record anew, announced to the OAI tracking."""
    return lambda: indexing.rebuild()


def backdate(minutes=1):
    """As if every item had been exposed `minutes` earlier: a harvest leaves out what changed in its own second."""
    ExposedItem.objects.update(datestamp=F("datestamp") - datetime.timedelta(minutes=minutes))
