"""Simple Dublin Core (oai_dc) of an archive item: what OAI-PMH harvesters such as BASE or Isidore receive.

`describe()` reads a search record's data, its CSL-JSON item first (citations.items), and keeps what it
exposes free of any host (relative addresses, vocabulary keys); `element()` renders it for one request.
"""

from urllib.parse import urljoin

from lxml import etree

from . import sets
from .xml import XSI, clean

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

# dc:type in the info:eu-repo vocabulary that OpenAIRE, BASE and HAL read, by CSL type then by kind.
EU_REPO = "info:eu-repo/semantics/"
CSL_TYPES = {
    "article": "article",
    "article-journal": "article",
    "article-magazine": "contributionToPeriodical",
    "article-newspaper": "contributionToPeriodical",
    "book": "book",
    "chapter": "bookPart",
    "paper-conference": "conferenceObject",
    "speech": "conferenceObject",
    "event": "conferenceObject",
    "report": "report",
}
KIND_TYPES = {"study_day": "conferenceObject", "course": "lecture", "lesson": "lecture"}
# Exposed items are those anyone may open: the access level (not a licence) OpenAIRE asks for.
OPEN_ACCESS = "info:eu-repo/semantics/openAccess"
# Values that are addresses on this site, made absolute per request.
LINKED = ("identifier", "relation")
# The order of the fifteen elements in Dublin Core's own list (contributor and format are never filled).
ORDER = (
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "date",
    "type",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
)


def describe(data):
    """What harvesters receive of a record (SearchRecord.data): {"dc": {element: [values]}, and the keys
    of its kind, poles, themes and territories, labelled when rendered}."""
    item = data.get("citation") or {}
    custom = item.get("custom") or {}
    dc = {
        "title": [item.get("title") or data.get("title")],
        "creator": [creator(name) for name in item.get("author") or []] or list(data.get("authors") or []),
        "subject": keywords(item) or list(data.get("keywords") or []),
        "description": [item.get("abstract") or data.get("abstract")],
        "publisher": [item.get("publisher")],
        "date": [issued(item) or data.get("date")],
        "type": [EU_REPO + eu_repo_type(item, data.get("kind"))],
        "identifier": [data.get("url"), doi_url(item.get("DOI")), hal_url(custom.get("hal_id"))],
        "source": [container(item)],
        "language": [item.get("language")],
        "relation": [custom.get("pdf_url")],
        "rights": [OPEN_ACCESS],
    }
    dc = {name: unique(values) for name, values in dc.items()}
    return {
        "dc": {name: values for name, values in dc.items() if values},
        "kind": data.get("kind"),
        "poles": list(data.get("poles") or []),
        "themes": list(data.get("themes") or []),
        "territories": list(data.get("territories") or []),
    }


def unique(values):
    return list(dict.fromkeys(str(v).strip() for v in values if v and str(v).strip()))


def creator(name):
    """ "Family, Given" as Dublin Core and harvesters expect, or an organisation's name whole."""
    if name.get("literal"):
        return name["literal"]
    return ", ".join(filter(None, [name.get("family"), name.get("given")]))


def keywords(item):
    return [word.strip() for word in (item.get("keyword") or "").split(",") if word.strip()]


def issued(item):
    """The CSL issued date as W3CDTF (2024, 2024-05 or 2024-05-02)."""
    parts = ((item.get("issued") or {}).get("date-parts") or [[]])[0]
    try:
        numbers = [int(part) for part in parts[:3]]
    except (TypeError, ValueError):
        return ""
    return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])]) if numbers else ""


def eu_repo_type(item, kind):
    csl_type = item.get("type")
    if csl_type == "thesis":
        genre = (item.get("genre") or "").lower()
        return "masterThesis" if "mémoire" in genre or "master" in genre else "doctoralThesis"
    if kind == "research_paper" and "travail" in (item.get("genre") or "").lower():
        return "workingPaper"
    return CSL_TYPES.get(csl_type) or KIND_TYPES.get(kind, "other")


def doi_url(doi):
    if not doi:
        return ""
    doi = doi.strip().removeprefix("doi:").removeprefix("https://doi.org/").removeprefix("http://dx.doi.org/")
    return f"https://doi.org/{doi}"


def hal_url(hal_id):
    return f"https://hal.science/{hal_id}" if hal_id else ""


def container(item):
    """Where the item appeared, as bibliographic harvesters read dc:source: « RECMA, vol. 12, n° 3, p. 45-60 »."""
    title = item.get("container-title") or item.get("event-title")
    if not title:
        return ""
    parts = [title]
    for key, prefix in (("volume", "vol. "), ("issue", "n° "), ("page", "p. ")):
        if item.get(key):
            parts.append(f"{prefix}{item[key]}")
    return ", ".join(parts)


def values(metadata, base_url):
    """Every dc element's values for one request: addresses made absolute, vocabulary keys labelled."""
    dc = {name: list(found) for name, found in metadata.get("dc", {}).items()}
    for name in LINKED:
        dc[name] = [urljoin(base_url, value) for value in dc.get(name, [])]
    subjects = dc.get("subject", [])
    subjects += sets.labels("pole", metadata.get("poles", [])).values()
    subjects += sets.labels("theme", metadata.get("themes", [])).values()
    dc["subject"] = unique(subjects)
    kind = metadata.get("kind")
    if kind:
        dc["type"] = unique([*dc.get("type", []), sets.labels("kind", [kind])[kind]])
    dc["coverage"] = unique(sets.labels("territory", metadata.get("territories", [])).values())
    return dc


def element(metadata, base_url):
    """The <oai_dc:dc> element of an exposed item."""
    root = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} {OAI_DC_SCHEMA}")
    dc = values(metadata, base_url)
    for name in ORDER:
        for value in dc.get(name, []):
            etree.SubElement(root, f"{{{DC}}}{name}").text = clean(value)
    return root
