"""The suite's schemas are strict enough to be worth passing: they refuse what the protocol forbids."""

import pytest

from .conftest import valid

HEAD = (
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2025-01-02T03:04:05Z</responseDate>'
    '<request verb="GetRecord">http://example.org/oai/</request>'
)


def document(body):
    return (HEAD + body + "</OAI-PMH>").encode()


RECORD = (
    "<GetRecord><record><header><identifier>oai:example.org:page/1</identifier>"
    "<datestamp>2025-01-02T03:04:05Z</datestamp></header><metadata>{}</metadata></record></GetRecord>"
)
DC = '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">{}</oai_dc:dc>'


def test_a_record_with_simple_dublin_core_passes():
    valid(
        document(
            RECORD.format(DC.format('<dc:title xml:lang="fr">Un titre</dc:title><dc:creator>Diallo, Awa</dc:creator>'))
        )
    )


@pytest.mark.parametrize(
    "body",
    [
        RECORD.format(DC.format("<dc:author>Diallo</dc:author>")),  # not a Dublin Core element
        RECORD.format("<unknown/>"),  # metadata of a format without schema
        RECORD.format(DC.format("")).replace("2025-01-02T03:04:05Z</datestamp>", "2025-01-02 03:04</datestamp>"),
        '<error code="internalError">Oups</error>',  # not an OAI-PMH error code
        "<ListRecords></ListRecords>",  # an empty list is noRecordsMatch, not an empty element
    ],
)
def test_what_the_protocol_forbids_fails(body):
    with pytest.raises(AssertionError):
        valid(document(body))
