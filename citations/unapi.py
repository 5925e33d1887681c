"""unAPI (http://unapi.info/specs/): which formats an archive item is exported in, as its XML says them.

Reference managers that find `<abbr class="unapi-id">` on a list (Zotero's connector) ask the endpoint for
these formats, then fetch each item in one of them; the names and docs are the ones they recognise.
"""

from lxml import etree

# Zotero picks RIS by this address (or a name starting with "ris"), BibTeX by its name.
DOCS = {
    "bibtex": "https://www.bibtex.org/Format/",
    "ris": "http://www.refman.com/support/risformat_intro.asp",
    "csljson": "https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html",
    "csv": "https://www.rfc-editor.org/rfc/rfc4180",
}


def formats_xml(formats, source=None):
    """The <formats> document of the unAPI spec; for one item (`source`) it carries the item's id."""
    root = etree.Element("formats")
    if source:
        root.set("id", source)
    for export_format in formats:
        media_type = export_format.content_type.split(";")[0].strip()
        element = etree.SubElement(root, "format", name=export_format.name, type=media_type)
        if export_format.name in DOCS:
            element.set("docs", DOCS[export_format.name])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
