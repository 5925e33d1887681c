"""Finding the research paper a reference already is: by DOI, then HAL id, then title, year and first author.

The archive's keys are read once per batch (one query each for papers and first authors), and every row of the
batch is added as it is planned, so a file that lists a reference twice creates it once.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from citations.items import person
from resources.models import ResearchPaperAuthor, ResearchPaperPage

HAL_VERSION = re.compile(r"v\d+$")


def doi_key(doi):
    """DOIs are case-insensitive (DOI Handbook, 3.4)."""
    return doi.strip().lower() if doi else ""


def hal_key(hal_id):
    """Every version of a HAL deposit is the same reference: hal-01234567v2 is hal-01234567."""
    return HAL_VERSION.sub("", hal_id.strip().lower()) if hal_id else ""


def loose(text):
    """Words only, without accents, case or punctuation: « L'ESS, à Nantes ! » → "l ess a nantes"."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def family_name(name):
    written = person(name)
    return loose(written.get("family") or written.get("literal") or "")


def title_key(title, date, first_author):
    """Title, year and first author's family name; "" when one is missing (too weak to call two items one)."""
    if not (title and date and first_author):
        return ""
    return f"{loose(title)}|{date.year}|{family_name(first_author)}"


@dataclass(frozen=True)
class Match:
    """Where a reference was found: an archive paper (page_id) or an earlier row of this file (line)."""

    reason: str
    page_id: int | None = None
    line: int | None = None


class DuplicateFinder:
    """The archive's papers, and the batch's rows as they are planned, keyed three ways."""

    REASONS = {
        "doi": _("DOI identique"),
        "hal": _("identifiant HAL identique"),
        "title": _("même titre, année et 1er auteur"),
    }

    def __init__(self):
        self.keys = {"doi": {}, "hal": {}, "title": {}}
        first_orders = ResearchPaperAuthor.objects.values("page_id").annotate(first=Min("sort_order"))
        firsts = {row["page_id"]: row["first"] for row in first_orders}
        first_names = {}
        for page_id, order, name in ResearchPaperAuthor.objects.values_list("page_id", "sort_order", "name"):
            if firsts.get(page_id) == order:
                first_names[page_id] = name
        for pk, doi, hal_id, title, date in ResearchPaperPage.objects.values_list(
            "pk", "doi", "hal_id", "title", "date"
        ):
            self._add(Match("", page_id=pk), doi, hal_id, title_key(title, date, first_names.get(pk, "")))

    def _add(self, match, doi, hal_id, title, replace=False):
        for kind, key in (("doi", doi_key(doi)), ("hal", hal_key(hal_id)), ("title", title)):
            if key and (replace or key not in self.keys[kind]):
                self.keys[kind][key] = match

    def find(self, draft):
        """The first match by DOI, HAL id, then title + year + first author; None for a new reference."""
        values = draft.values
        candidates = (
            ("doi", doi_key(values["doi"])),
            ("hal", hal_key(values["hal_id"])),
            ("title", title_key(values["title"], values["date"], draft.first_author)),
        )
        for kind, key in candidates:
            found = self.keys[kind].get(key) if key else None
            if found is not None:
                return Match(self.REASONS[kind], page_id=found.page_id, line=found.line)
        return None

    def remember(self, draft, line, page_id=None):
        """A planned row: later rows of the file that are the same reference point back to it, not to the archive."""
        values = draft.values
        title = title_key(values["title"], values["date"], draft.first_author)
        self._add(Match("", page_id=page_id, line=line), values["doi"], values["hal_id"], title, replace=True)
