"""The OAI-PMH envelope and the few XML helpers every response shares, built with lxml.

Values go in as element text or attributes, never spliced into markup; characters XML 1.0 forbids
(control characters pasted from a PDF) are dropped, since lxml refuses them.
"""

import datetime
import re

from lxml import etree

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"

_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(value):
    return _FORBIDDEN.sub("", str(value))


def element(tag):
    """An element of the OAI namespace, to build a verb's answer in before it joins the document."""
    return etree.Element(f"{{{OAI}}}{tag}")


def sub(parent, tag, text=None, **attributes):
    """A child element of `parent` in the OAI namespace."""
    element = etree.SubElement(parent, f"{{{OAI}}}{tag}", {key: clean(value) for key, value in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def utc(moment):
    """A datestamp at the repository's granularity: 2025-03-04T10:20:30Z."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(response_date, base_url, arguments):
    """The OAI-PMH root with responseDate and request; `arguments` are echoed as attributes (none on badVerb
    or badArgument, as the protocol asks)."""
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} {OAI_SCHEMA}")
    sub(root, "responseDate", utc(response_date))
    sub(root, "request", base_url, **arguments)
    return root


def serialize(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
