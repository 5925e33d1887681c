"""From a CSL-JSON item (whatever file it was read from) to the fields of a research paper, checked as the admin checks.

The mapping is the inverse of ResearchPaperPage.citation_details(): what the archive exports reads back the same.
Every value is validated by the model field that will hold it, so a row refused here is never half-written later.
"""

import datetime
import html
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from citations.items import person
from kb.models import Pole, Territory, Theme
from kb.vocabularies import TERRITORIES, name_key
from resources.models import DatePrecision, PaperType, ResearchPaperAuthor, ResearchPaperPage

from .readers import RowProblem

CONTAINED_TYPES = {PaperType.ARTICLE, PaperType.CHAPTER, PaperType.COMMUNICATION}
CSL_PAPER_TYPES = {
    "article": PaperType.ARTICLE,
    "article-journal": PaperType.ARTICLE,
    "article-magazine": PaperType.ARTICLE,
    "article-newspaper": PaperType.ARTICLE,
    "review": PaperType.ARTICLE,
    "chapter": PaperType.CHAPTER,
    "entry-encyclopedia": PaperType.CHAPTER,
    "entry-dictionary": PaperType.CHAPTER,
    "book": PaperType.BOOK,
    "thesis": PaperType.THESIS,
    "report": PaperType.REPORT,
    "paper-conference": PaperType.COMMUNICATION,
    "speech": PaperType.COMMUNICATION,
    "manuscript": PaperType.WORKING_PAPER,
}
MASTERS = re.compile(r"master|m[ée]moire|ma[iî]trise|msc|\bm[12]\b|dea\b|dess\b", re.IGNORECASE)
WORKING_PAPER = re.compile(r"document de travail|working paper|cahier de recherche|preprint|pr[ée]publication", re.I)
LANGUAGE_NAMES = {
    "fr": {"fr", "fre", "fra", "french", "francais"},
    "en": {"en", "eng", "english", "anglais"},
    "es": {"es", "spa", "spanish", "espanol", "espagnol", "castellano"},
    "it": {"it", "ita", "italian", "italiano", "italien"},
    "de": {"de", "ger", "deu", "german", "deutsch", "allemand"},
    "pt": {"pt", "por", "portuguese", "portugues", "portugais"},
    "ca": {"ca", "cat", "catalan", "catala"},
}
LANGUAGES = {alias: code for code, aliases in LANGUAGE_NAMES.items() for alias in aliases}
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
ORCID_PREFIX = re.compile(r"^https?://orcid\.org/", re.IGNORECASE)
HAL_PREFIX = re.compile(r"^https?://hal[\w.-]*\.(?:science|fr|archives-ouvertes\.fr)/", re.IGNORECASE)
PAGES_PREFIX = re.compile(r"^p{1,2}\.\s*", re.IGNORECASE)
RAW_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$|^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$")
KEYWORD_SEPARATORS = re.compile(r"\s*[,;]\s*")


@dataclass
class AuthorDraft:
    name: str
    orcid: str = ""
    affiliation: str = ""


@dataclass
class PaperDraft:
    """A reference ready to become (or update) a research paper: page fields, authors, keywords and classes."""

    values: dict
    authors: list[AuthorDraft]
    tags: list[str] = field(default_factory=list)
    poles: set[int] = field(default_factory=set)
    themes: set[int] = field(default_factory=set)
    territories: set[int] = field(default_factory=set)
    file: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def first_author(self):
        return self.authors[0].name if self.authors else ""


class Taxonomy:
    """Poles, themes and territories read once per batch, resolved from what files write: slug, code or name."""

    def __init__(self, poles=(), themes=(), territories=()):
        self.poles = self._index(Pole.objects.values_list("pk", "slug", "name"))
        self.themes = self._index(Theme.objects.values_list("pk", "slug", "name"))
        self.territory_pks = {
            code or slug: pk for pk, code, slug in Territory.objects.values_list("pk", "code", "slug")
        }
        self.territory_names = dict(Territory.objects.values_list("pk", "name"))
        # What the documentalist chose for the whole batch, added to every row.
        self.batch_poles, self.batch_themes, self.batch_territories = set(poles), set(themes), set(territories)

    @staticmethod
    def _index(rows):
        index = {}
        for pk, slug, name in rows:
            index[name_key(slug)] = pk
            index[name_key(name)] = pk
        return index

    def territory(self, value):
        """The territory's pk, or a French reason why not: unknown, or a name several territories share."""
        keys = TERRITORIES.resolve(value)
        if len(keys) == 1 and keys[0] in self.territory_pks:
            return self.territory_pks[keys[0]], ""
        if len(keys) > 1:
            named = ", ".join(sorted(f"{self.territory_names[self.territory_pks[k]]} ({k})" for k in keys))
            return None, _("« %(value)s » désigne plusieurs territoires (%(named)s) : écrivez son code officiel.") % {
                "value": value,
                "named": named,
            }
        return None, _("territoire inconnu : « %(value)s » (attendu un code INSEE ou SIREN, ou un nom exact).") % {
            "value": value
        }


def map_record(record, taxonomy):
    """(PaperDraft, []) for a reference the archive can keep as it is, else (None, the problems, field by field)."""
    item = record.item
    problems = list(record.problems)
    notes = []
    paper_type = _paper_type(item, notes)
    date, precision = _date(item.get("issued"), problems)
    container = _text(item.get("container-title") or item.get("event-title"))
    values = {
        "title": _text(item.get("title")),
        "paper_type": paper_type,
        "date": date,
        "date_precision": precision,
        "venue": container if paper_type in CONTAINED_TYPES else "",
        "publisher": _text(item.get("publisher")),
        "place": _text(item.get("publisher-place")),
        "volume": _text(item.get("volume")),
        "issue": _text(item.get("issue") or item.get("number")),
        "pages": _pages(item.get("page")),
        "abstract": _paragraphs(item.get("abstract")),
        "doi": DOI_PREFIX.sub("", _text(item.get("DOI"))),
        "hal_id": HAL_PREFIX.sub("", _text(_custom(item, "hal_id"))).lower(),
        # The archive's own CSL-JSON keeps the work's address apart from the page's (citations.formats.common.address).
        "external_url": _text(_custom(item, "external_url") or item.get("URL")),
        "language": _language(item.get("language"), problems),
    }
    if paper_type not in CONTAINED_TYPES and container and not values["publisher"]:
        # A report or thesis whose file names its institution as container: the archive's venue field holds it.
        values["venue"] = container
    if not values["title"]:
        problems.append(RowProblem("title", _("la référence n'a pas de titre.")))
    authors = _authors(item, problems)
    _validate(values, problems)
    draft = PaperDraft(values=values, authors=authors, file=_text(_custom(item, "file")), notes=notes)
    _classify(draft, item, taxonomy, problems)
    return (None, problems) if problems else (draft, [])


# Control characters (NUL above all: PostgreSQL refuses it in text) never come from a real reference.
CONTROLS = dict.fromkeys([*range(9), 11, 12, *range(14, 32), 127])


def printable(value):
    """The value as text without control characters; line breaks and tabs stay."""
    return str(value).translate(CONTROLS)


def _text(value):
    return " ".join(printable(value).split()) if value not in (None, "") else ""


def _custom(item, key):
    return (item.get("custom") or {}).get(key, "")


def _paper_type(item, notes):
    csl_type = str(item.get("type", "")).strip()
    genre = _text(item.get("genre"))
    paper_type = CSL_PAPER_TYPES.get(csl_type)
    if paper_type == PaperType.THESIS and MASTERS.search(genre):
        return PaperType.DISSERTATION
    if paper_type in {PaperType.REPORT, PaperType.WORKING_PAPER, None} and WORKING_PAPER.search(genre):
        return PaperType.WORKING_PAPER
    if paper_type is None:
        notes.append(
            _("type « %(type)s » sans équivalent dans l'archive : importé comme rapport d'étude.")
            % {"type": csl_type or "—"}
        )
        return PaperType.REPORT
    return paper_type


def _date(issued, problems):
    """(date, precision) from a CSL date; (None, "day") when there is none; a problem when it is no real date."""
    if not issued:
        return None, DatePrecision.DAY
    parts = ((issued.get("date-parts") or [[]])[0] if isinstance(issued, dict) else []) or []
    raw = _text(issued.get("raw") or issued.get("literal")) if isinstance(issued, dict) else _text(issued)
    if not parts and raw:
        match = RAW_DATE.match(raw)
        if match:
            year, month, day, dday, dmonth, dyear = match.groups()
            parts = [year, month, day] if year else [dyear, dmonth, dday]
    try:
        numbers = [int(part) for part in parts if part not in (None, "")][:3]
        if not numbers or not 1000 <= numbers[0] <= 2999:
            raise ValueError
        filled = numbers + [1] * (3 - len(numbers))
        date = datetime.date(*filled)
    except (TypeError, ValueError):
        shown = raw or "-".join(str(part) for part in parts)
        problems.append(
            RowProblem(
                "date",
                _("« %(value)s » n'est pas une date (attendu : AAAA, AAAA-MM ou AAAA-MM-JJ).") % {"value": shown},
            )
        )
        return None, DatePrecision.DAY
    precision = {1: DatePrecision.YEAR, 2: DatePrecision.MONTH}.get(len(numbers), DatePrecision.DAY)
    return date, precision


def _pages(value):
    pages = PAGES_PREFIX.sub("", _text(value))
    return re.sub(r"\s*(?:-{1,3}|–|—)\s*", "-", pages)


def _paragraphs(text):
    """Plain text (an abstract) as the rich text the archive stores: one <p> per paragraph, everything escaped."""
    if not text:
        return ""
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", printable(text))]
    return "".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs if paragraph)


def _language(value, problems):
    text = name_key(value or "")
    if not text:
        return "fr"
    code = LANGUAGES.get(text) or LANGUAGES.get(text.split(" ")[0])
    if code is None:
        choices = ", ".join(LANGUAGE_NAMES)
        problems.append(
            RowProblem(
                "language",
                _("langue « %(value)s » inconnue de l'archive (attendu : %(choices)s).")
                % {"value": value, "choices": choices},
            )
        )
        return "fr"
    return code


def _authors(item, problems):
    authors = []
    for name in item.get("author") or []:
        if not isinstance(name, dict):
            continue
        written = _name(name)
        if not written:
            continue
        orcid = ORCID_PREFIX.sub("", _text(name.get("ORCID")))
        authors.append(AuthorDraft(written, orcid, _text(name.get("affiliation"))))
    if not authors:
        problems.append(
            RowProblem(
                "author",
                _(
                    "la référence n'a pas d'auteur (un nom de personne ou d'organisme) ; un ouvrage collectif "
                    "s'importe avec ses directeurs écrits comme auteurs."
                ),
            )
        )
    for author in authors:
        for field_name in ("name", "orcid", "affiliation"):
            model_field = ResearchPaperAuthor._meta.get_field(field_name)
            try:
                model_field.clean(getattr(author, field_name), None)
            except ValidationError as error:
                label = f"{_('auteur')} {author.name[:60]} — {model_field.verbose_name}"
                problems.extend(RowProblem(label, message) for message in error.messages)
    return authors


def _name(name):
    """How the archive stores a person: « Anne Le Goff » when that splits back to the same family and given name
    (citations.items.person), else « Le Goff, Anne »; an organisation's name whole."""
    literal = _text(name.get("literal"))
    family = " ".join(filter(None, [_text(name.get("non-dropping-particle")), _text(name.get("family"))]))
    given = " ".join(filter(None, [_text(name.get("given")), _text(name.get("dropping-particle"))]))
    if literal or not family:
        return literal or given
    if not given:
        return family
    natural = f"{given} {family}"
    split = person(natural)
    return natural if (split.get("family"), split.get("given")) == (family, given) else f"{family}, {given}"


def _validate(values, problems):
    """Each value through the model field that will hold it: its length, choices and validators, in French."""
    for name, value in values.items():
        if value in (None, ""):
            continue
        model_field = ResearchPaperPage._meta.get_field(name)
        try:
            model_field.clean(value, None)
        except ValidationError as error:
            problems.extend(RowProblem(name, message) for message in error.messages)


def _classify(draft, item, taxonomy, problems):
    """Batch choices, the file's own pole/theme/territory columns, and keywords that name one of them."""
    draft.poles |= taxonomy.batch_poles
    draft.themes |= taxonomy.batch_themes
    draft.territories |= taxonomy.batch_territories
    for kind, index, target in (("poles", taxonomy.poles, draft.poles), ("themes", taxonomy.themes, draft.themes)):
        for value in _listed(_custom(item, kind)):
            if name_key(value) in index:
                target.add(index[name_key(value)])
            else:
                label = _("pôle") if kind == "poles" else _("thème")
                problems.append(
                    RowProblem(kind, _("%(label)s inconnu : « %(value)s ».") % {"label": label, "value": value})
                )
    for value in _listed(_custom(item, "territories")):
        pk, reason = taxonomy.territory(value)
        if pk is None:
            problems.append(RowProblem("territories", reason))
        else:
            draft.territories.add(pk)
    for keyword in dict.fromkeys(KEYWORD_SEPARATORS.split(_text(item.get("keyword")))):
        if not keyword:
            continue
        key = name_key(keyword)
        if key in taxonomy.themes:
            # The archive exports themes as keywords: a theme is kept as the theme, not twice as a tag too.
            draft.themes.add(taxonomy.themes[key])
            continue
        if key in taxonomy.poles:
            draft.poles.add(taxonomy.poles[key])
        pk, _reason = taxonomy.territory(keyword)
        if pk is not None:
            draft.territories.add(pk)
        if len(keyword) > 100:
            problems.append(
                RowProblem("keyword", _("mot-clé de plus de 100 caractères : « %(k)s… ».") % {"k": keyword[:40]})
            )
        else:
            draft.tags.append(keyword)


def _listed(value):
    """A list of names as files give them: a list, or one string split on « ; » or « , »."""
    if isinstance(value, list | tuple):
        return [_text(v) for v in value if _text(v)]
    return [part for part in KEYWORD_SEPARATORS.split(_text(value)) if part]
