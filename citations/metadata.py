"""Embedded metadata of an item page: what reference managers, search engines and social networks read in its head.

Built from the item's CitationEntry alone (citations.items): Highwire Press `citation_*` tags (Google Scholar, Zotero),
Dublin Core, schema.org JSON-LD and OpenGraph; templates/includes/item_metadata.html writes them out.
"""

import json
import re
from dataclasses import dataclass, field

DESCRIPTION_LENGTH = 160
# Google shows at most this many characters of an article's headline.
HEADLINE_LENGTH = 110
DC_SCHEMA = "http://purl.org/dc/elements/1.1/"

# What the archive's own kinds are on schema.org; the CSL type decides for research papers and documents.
SCHEMA_TYPE_BY_KIND = {
    "study_day": "Event",
    "talk": "CreativeWork",
    "pole_note": "Article",
    "practice_exchange": "Article",
    "thematic_answer": "Article",
    "course": "Course",
    "lesson": "LearningResource",
}
SCHEMA_TYPE_BY_CSL_TYPE = {
    "article-journal": "ScholarlyArticle",
    "article": "ScholarlyArticle",
    "paper-conference": "ScholarlyArticle",
    "manuscript": "ScholarlyArticle",
    "thesis": "Thesis",
    "report": "Report",
    "chapter": "Chapter",
    "book": "Book",
    "dataset": "Dataset",
    "document": "DigitalDocument",
    "speech": "CreativeWork",
    "event": "Event",
}
# Types whose summary schema.org calls an abstract; the others have a description.
SCHOLARLY_TYPES = {"ScholarlyArticle", "Thesis", "Report", "Chapter", "Book"}
# CSL types whose publisher Google Scholar reads under a tag of its own (or not at all, for a journal's).
OWN_INSTITUTION_TAG = {
    "thesis": "citation_dissertation_institution",
    "report": "citation_technical_report_institution",
}
CONFERENCE_TYPES = {"paper-conference", "speech", "event"}
# The DCMI Type Vocabulary term of a CSL type: everything else the archive keeps is a text.
DCMI_TYPE_BY_CSL_TYPE = {"event": "Event", "dataset": "Dataset"}
# A JSON value inside <script> must not close it nor open a comment: the escapes Django's json_script uses.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class HeadMetadata:
    """Everything an item page's head says about the item, ready for its template."""

    canonical: str
    description: str
    highwire: list = field(default_factory=list)
    dublin_core: list = field(default_factory=list)
    opengraph: list = field(default_factory=list)
    json_ld: dict = field(default_factory=dict)


def head_metadata(entry, site_name, site_url, description="", talks=()):
    """The head of an item's page: `description` overrides the abstract's (an editor's search description).

    `site_name` and `site_url` are the resource centre that publishes the page; `talks`, the CitationEntry of each
    talk of a study day.
    """
    description = trimmed(description or entry.item.get("abstract", ""))
    return HeadMetadata(
        canonical=entry.item.get("URL", ""),
        description=description,
        highwire=highwire_tags(entry),
        dublin_core=dublin_core_tags(entry),
        opengraph=opengraph_tags(entry, site_name, description),
        json_ld=json_ld(entry, organisation(site_name, site_url), talks),
    )


def script_safe_json(data):
    """JSON to write inside a <script> element: no "</script>", "<!--" nor "&" left to the HTML parser."""
    return json.dumps(data, ensure_ascii=False, indent=1).translate(SCRIPT_ESCAPES)


def plain(text):
    """One line of text. CSL items hold plain text (a "<" in a title is a character): only line breaks go."""
    return " ".join(str(text or "").split())


def trimmed(text, length=DESCRIPTION_LENGTH):
    """The text cut at a word boundary to fit `length` characters, with an ellipsis when cut."""
    text = plain(text)
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    # Unless the cut falls between two words, the last one is incomplete.
    if text[length - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"


def date_parts(item, variable="issued"):
    """The CSL date's parts as integers ([[2024, 5, 2]], or two for a range), [] when absent or unreadable."""
    parts = []
    for date in (item.get(variable) or {}).get("date-parts") or []:
        try:
            parts.append([int(part) for part in date if str(part).strip()])
        except (TypeError, ValueError):
            return []
    return [date for date in parts if date]


def iso_date(parts):
    """2024-05-02, 2024-05 or 2024."""
    return "-".join([str(parts[0]), *(f"{part:02d}" for part in parts[1:3])])


def start_and_end(item, variable="issued"):
    """The ISO start and end dates of a CSL date (the end is the start for a single day)."""
    parts = date_parts(item, variable)
    if not parts:
        return "", ""
    return iso_date(parts[0]), iso_date(parts[-1])


def highwire_date(item):
    """Google Scholar reads a full date as 2024/05/02, else the year alone."""
    parts = date_parts(item)
    if not parts:
        return ""
    start = parts[0]
    if len(start) < 3:
        return str(start[0])
    return f"{start[0]}/{start[1]:02d}/{start[2]:02d}"


def inverted_name(author):
    """ "Le Goff, Anne": the family name first, so reference managers never split a particle from it."""
    if author.get("literal"):
        return author["literal"]
    return ", ".join(filter(None, [author.get("family", ""), author.get("given", "")]))


def display_name(author):
    return author.get("literal") or " ".join(filter(None, [author.get("given", ""), author.get("family", "")]))


def affiliations(author):
    """The author's institutions, whether the item gives one name, a list of names or CSL-style {"name": ...}."""
    value = author.get("affiliation") or []
    values = value if isinstance(value, list) else [value]
    names = [v.get("name", "") if isinstance(v, dict) else str(v) for v in values]
    return [name.strip() for name in names if name and name.strip()]


def page_range(pages):
    """("12", "34") from "12-34" (or an en dash), ("12", "") from a single page."""
    first, _dash, last = re.sub(r"\s*[–—-]+\s*", "-", str(pages or "").strip()).partition("-")
    return first, last


def keywords(item):
    return [word.strip() for word in str(item.get("keyword", "")).split(",") if word.strip()]


def doi_of(item):
    return str(item.get("DOI", "")).strip()


def pdf_url(item):
    return (item.get("custom") or {}).get("pdf_url", "")


def kind_of(item):
    return (item.get("custom") or {}).get("kind", "")


def highwire_tags(entry):
    """(name, content) of the Highwire Press tags, authors in order each followed by their institution and ORCID."""
    item = entry.item
    tags = [("citation_title", plain(item.get("title")))]
    for author in item.get("author", []):
        tags.append(("citation_author", inverted_name(author)))
        tags.extend(("citation_author_institution", name) for name in affiliations(author))
        tags.append(("citation_author_orcid", author.get("ORCID", "")))
    tags.append(("citation_publication_date", highwire_date(item)))
    tags.extend(venue_tags(item))
    first, last = page_range(item.get("page"))
    tags += [
        ("citation_volume", item.get("volume")),
        ("citation_issue", item.get("issue")),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_doi", doi_of(item)),
        ("citation_isbn", item.get("ISBN")),
        ("citation_issn", item.get("ISSN")),
        ("citation_pdf_url", pdf_url(item)),
        ("citation_language", item.get("language")),
    ]
    tags.extend(("citation_keywords", word) for word in keywords(item))
    tags.append(("citation_abstract_html_url", item.get("URL")))
    return [(name, str(value)) for name, value in tags if value]


def venue_tags(item):
    """Where the item appeared, under the tag Google Scholar expects for its type."""
    csl_type, container, publisher = item.get("type", ""), item.get("container-title", ""), item.get("publisher", "")
    if csl_type == "article-journal":
        # A journal's publisher is not what Scholar groups articles by; the journal is.
        return [("citation_journal_title", container)]
    if csl_type in OWN_INSTITUTION_TAG:
        return [(OWN_INSTITUTION_TAG[csl_type], publisher), ("citation_technical_report_number", item.get("number"))]
    tags = [("citation_publisher", publisher)]
    if csl_type in CONFERENCE_TYPES:
        tags.append(("citation_conference_title", item.get("event-title") or container))
    elif csl_type == "chapter":
        tags.append(("citation_inbook_title", container))
    return tags


def dublin_core_tags(entry):
    """(name, content) of the Dublin Core elements, for the harvesters that read nothing else."""
    item = entry.item
    start, _end = start_and_end(item)
    doi = doi_of(item)
    tags = [("DC.title", plain(item.get("title")))]
    tags.extend(("DC.creator", inverted_name(author)) for author in item.get("author", []))
    tags += [
        ("DC.date", start),
        ("DC.type", DCMI_TYPE_BY_CSL_TYPE.get(item.get("type"), "Text")),
        ("DC.type", item.get("genre")),
        ("DC.identifier", item.get("URL")),
        ("DC.identifier", f"doi:{doi}" if doi else ""),
        ("DC.language", item.get("language")),
    ]
    tags.extend(("DC.subject", word) for word in keywords(item))
    tags += [("DC.description", plain(item.get("abstract"))), ("DC.publisher", item.get("publisher"))]
    return [(name, str(value)) for name, value in tags if value]


def opengraph_tags(entry, site_name, description):
    """(property, content) of the OpenGraph tags: an article, or a web page for events and courses."""
    item = entry.item
    is_article = schema_type(item) not in {"Event", "Course", "LearningResource"}
    tags = [
        ("og:title", plain(item.get("title"))),
        ("og:type", "article" if is_article else "website"),
        ("og:url", item.get("URL")),
        ("og:description", description),
        ("og:site_name", site_name),
        ("og:locale", "fr_FR"),
    ]
    if is_article:
        tags.append(("article:published_time", start_and_end(item)[0]))
        tags.extend(("article:tag", word) for word in keywords(item))
    return [(name, str(value)) for name, value in tags if value]


def schema_type(item):
    return SCHEMA_TYPE_BY_KIND.get(kind_of(item)) or SCHEMA_TYPE_BY_CSL_TYPE.get(item.get("type"), "CreativeWork")


def organisation(name, url=""):
    return compact({"@type": "Organization", "name": name, "url": url})


def agent(author):
    """A schema.org Person (ORCID iD as identifier and sameAs) or, for a literal name, an Organization."""
    if author.get("literal"):
        return organisation(author["literal"])
    orcid = author.get("ORCID", "")
    return compact(
        {
            "@type": "Person",
            "name": display_name(author),
            "givenName": author.get("given"),
            "familyName": author.get("family"),
            "identifier": orcid,
            "sameAs": orcid,
            "affiliation": [organisation(name) for name in affiliations(author)],
        }
    )


def compact(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def json_ld(entry, site, talks=()):
    """The item as one schema.org node; `site` is the Organization that publishes the archive."""
    item = entry.item
    node = event(item, site, talks) if schema_type(item) == "Event" else creative_work(item, site)
    return {"@context": "https://schema.org", **node}


def creative_work(item, site):
    """A CreativeWork of the item's type, with its container, identifiers and full text."""
    kind = schema_type(item)
    summary = plain(item.get("abstract"))
    first, last = page_range(item.get("page"))
    node = {
        "@type": kind,
        "@id": item.get("URL"),
        "name": plain(item.get("title")),
        "url": item.get("URL"),
        "author": [agent(author) for author in item.get("author", [])],
        "datePublished": start_and_end(item)[0],
        "inLanguage": item.get("language"),
        "genre": item.get("genre"),
        "keywords": keywords(item),
        "abstract" if kind in SCHOLARLY_TYPES else "description": summary,
        "publisher": publisher(item, site),
        "identifier": identifiers(item),
        "sameAs": same_as(item),
        "isPartOf": container(item, kind),
        "pageStart": first,
        "pageEnd": last,
        "encoding": media(item),
        "video": video(item),
    }
    if kind in {"Article", "ScholarlyArticle"}:
        node["headline"] = trimmed(item.get("title"), HEADLINE_LENGTH)
    if kind == "Course":
        node.update(provider=site, courseCode=item.get("number"))
    if kind == "Report":
        node["reportNumber"] = item.get("number")
    if kind == "Thesis":
        node["inSupportOf"] = item.get("genre")
    return compact(node)


def publisher(item, site):
    """The item's publisher; the archive's own items name the resource centre, with its address."""
    name = item.get("publisher", "")
    if not name:
        return ""
    found = site if name == site.get("name") else organisation(name)
    place = item.get("publisher-place")
    if place and item.get("type") not in CONFERENCE_TYPES:
        found = {**found, "location": {"@type": "Place", "name": place}}
    return found


def same_as(item):
    """The item's other addresses: its DOI's, its HAL record's, its publisher's page."""
    custom = item.get("custom") or {}
    addresses = [
        f"https://doi.org/{doi_of(item)}" if doi_of(item) else "",
        f"https://hal.science/{custom['hal_id']}" if custom.get("hal_id") else "",
        custom.get("external_url", ""),
    ]
    return [address for address in addresses if address]


def identifiers(item):
    """The DOI and HAL id as PropertyValues, which schema.org readers tell apart by propertyID."""
    found = []
    if doi_of(item):
        found.append({"@type": "PropertyValue", "propertyID": "DOI", "value": doi_of(item)})
    hal_id = (item.get("custom") or {}).get("hal_id")
    if hal_id:
        found.append({"@type": "PropertyValue", "propertyID": "HAL", "value": hal_id})
    return found


def container(item, kind):
    """What the item is part of: a periodical (with its volume and issue), a book, a conference or a course."""
    title = item.get("container-title", "")
    if kind == "ScholarlyArticle" and item.get("type") == "article-journal" and title:
        part = {"@type": "Periodical", "name": title}
        if item.get("volume"):
            part = {"@type": "PublicationVolume", "volumeNumber": str(item["volume"]), "isPartOf": part}
        if item.get("issue"):
            part = {"@type": "PublicationIssue", "issueNumber": str(item["issue"]), "isPartOf": part}
        return part
    if kind == "Chapter" and title:
        return {"@type": "Book", "name": title}
    if kind == "LearningResource" and title:
        return {"@type": "Course", "name": title}
    if title:
        return {"@type": "CreativeWork", "name": title}
    return ""


def media(item):
    """The PDF the item's readers may download, as the MediaObject that encodes the work."""
    url = pdf_url(item)
    return [{"@type": "MediaObject", "contentUrl": url, "encodingFormat": "application/pdf"}] if url else []


def video(item):
    """The recording of a talk, where the archive links one."""
    url = (item.get("custom") or {}).get("video_url", "")
    return {"@type": "VideoObject", "name": plain(item.get("title")), "url": url} if url else ""


def event(item, site, talks=()):
    """A study day: when, where, organised by whom; its talks as the works performed there.

    Talks are CreativeWorks (workPerformed) rather than sub-events: the archive keeps what was said, its
    speakers, abstract and slides, but seldom a time of its own, which a sub-event would need.
    """
    start, end = start_and_end(item, "event-date") if item.get("event-date") else start_and_end(item)
    poles = [author["literal"] for author in item.get("author", []) if author.get("literal")]
    node = {
        "@type": "Event",
        "@id": item.get("URL"),
        "name": plain(item.get("title")),
        "url": item.get("URL"),
        "description": plain(item.get("abstract")),
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place(item.get("event-place") or item.get("publisher-place", "")),
        "organizer": [{**organisation(name), "parentOrganization": site} for name in poles] or [site],
        "inLanguage": item.get("language"),
        "workPerformed": [performed_work(talk, site) for talk in talks],
    }
    return compact(node)


def performed_work(talk, site):
    """A talk as its study day's node carries it: without the keywords and publisher the talk takes from the day."""
    work = creative_work(talk.item, site)
    work.pop("keywords", None)
    work.pop("publisher", None)
    return work


def place(venue):
    """A Place from a venue as editors write it, "Maison des associations, Nantes": the town comes last."""
    if not venue:
        return ""
    locality = venue.rsplit(",", 1)[-1].strip()
    address = {"@type": "PostalAddress", "addressLocality": locality, "addressCountry": "FR"}
    return {"@type": "Place", "name": venue, "address": address}
