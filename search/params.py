"""The GET parameters of a search, read into a SearchRequest, and each thing wrong with them.

The page (lenient) searches anyway and says what it did instead; the API (strict) refuses and says
which parameter, which value and what form was expected.
"""

import logging
import re
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import registry
from .query import DEFAULT_PAGE_SIZE, FACETS, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, SORTS, SearchRequest

logger = logging.getLogger(__name__)

_VALUE = re.compile(r"^[\w.-]{1,120}$")
# ASCII digits: \d would also take other scripts' digits.
YEAR = "[0-9]{4}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
MAX_FILTER_VALUES = 20
MAX_PREFIX_LENGTH = 200
PARAMETERS = {"q", "sort", "page", "page_size", *FACETS}

FACET_NAMES = {
    "kind": gettext_lazy("Type"),
    "pole": gettext_lazy("Pôle"),
    "territory": gettext_lazy("Territoire"),
    "theme": gettext_lazy("Thème"),
    "year": gettext_lazy("Année"),
    "tag": gettext_lazy("Mot-clé"),
}
# Controlled vocabularies, public: a value outside them is named as unknown. Years are any four
# digits and tags free keywords, some carried only by items the caller may not open: an unknown
# one simply finds nothing, and `unmatched_selections` says so from what the caller can see.
CHECKED_FACETS = ("kind", "pole", "territory", "theme")
_UNKNOWN = {
    "kind": gettext_lazy("Type inconnu : « %(value)s »"),
    "pole": gettext_lazy("Pôle inconnu : « %(value)s »"),
    "territory": gettext_lazy("Territoire inconnu : « %(value)s »"),
    "theme": gettext_lazy("Thème inconnu : « %(value)s »"),
}
_EXPECTED_VALUE = {
    "kind": gettext_lazy("un type d’élément que liste la facette « kind » des réponses (study_day, research_paper, …)"),
    "pole": gettext_lazy("l’identifiant d’un pôle, tel que le donne la facette « pole » des réponses"),
    "territory": gettext_lazy(
        "le code officiel d’un territoire (INSEE pour une commune, un département, une région ; SIREN pour une "
        "intercommunalité) ou son identifiant local, tels que les donne la facette « territory » des réponses"
    ),
    "theme": gettext_lazy("l’identifiant d’un thème, tel que le donne la facette « theme » des réponses"),
}


@dataclass(frozen=True)
class BadParameter:
    """One wrong GET parameter: its value, what was wrong, the form expected, what the page did instead."""

    parameter: str
    value: str
    problem: str
    expected: str
    fallback: str

    @property
    def notice(self):
        """The page's sentence: « Territoire inconnu : « 99999 » — filtre ignoré. »"""
        return _("%(problem)s — %(fallback)s.") % {"problem": self.problem, "fallback": self.fallback}

    @property
    def refusal(self):
        """The API's sentence, which names the parameter and the form expected."""
        values = {"problem": self.problem, "parameter": self.parameter, "expected": self.expected}
        if f"« {self.parameter} »" in self.problem:
            return _("%(problem)s ; attendu : %(expected)s.") % values
        return _("%(problem)s (paramètre « %(parameter)s ») ; attendu : %(expected)s.") % values

    def as_json(self):
        return {"parameter": self.parameter, "value": self.value, "message": self.refusal, "expected": self.expected}


def parse_params(params, strict=False):
    """A SearchRequest from GET parameters, and a BadParameter for each thing wrong with them.

    Wrong values are replaced by defaults, unknown filter values dropped. A page past the last one
    is only known after searching (`beyond_last_page`); `strict` callers (the API) are also refused
    a page past 10,000.
    """
    problems = []
    request = SearchRequest()
    request.q = _query(params, problems)
    for facet in FACETS:
        request.filters[facet] = _filter_values(params, facet, problems)
    request.sort = _sort(params, problems)
    request.page_size = _integer(params, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, problems)
    request.page = _page(params, strict, problems)
    if problems:
        logger.info(
            "search parameters %s: %s",
            "refused (api)" if strict else "adjusted (page)",
            "; ".join(f"{p.parameter}={p.value!r}: {p.problem}" for p in problems),
        )
    return request, problems


def _query(params, problems):
    q = _single(params, "q", problems)
    if "\ufffd" in q:
        # Django decodes bytes that are not UTF-8 as U+FFFD: what was typed there is lost.
        problems.append(
            BadParameter(
                "q",
                _shown(q),
                _("La requête contient des caractères illisibles (pas en UTF-8)"),
                _("du texte encodé en UTF-8"),
                _("ils sont ignorés"),
            )
        )
    q = _CONTROL.sub(" ", q)
    if len(q) > MAX_QUERY_LENGTH:
        problems.append(
            BadParameter(
                "q",
                _shown(q),
                _("La requête fait %(length)s caractères") % {"length": _number(len(q))},
                _("%(max)d caractères au plus") % {"max": MAX_QUERY_LENGTH},
                _("seuls les %(max)d premiers sont cherchés") % {"max": MAX_QUERY_LENGTH},
            )
        )
        q = q[:MAX_QUERY_LENGTH]
    return q.strip()


def _filter_values(params, facet, problems):
    values = list(dict.fromkeys(v.strip() for v in params.getlist(facet) if v.strip()))
    good = []
    for value in values:
        if _well_formed(facet, value):
            good.append(value)
        else:
            problems.append(_malformed(facet, value))
    if len(good) > MAX_FILTER_VALUES:
        problems.append(
            BadParameter(
                facet,
                _shown(", ".join(good)),
                _("%(count)d valeurs pour le filtre « %(facet)s »") % {"count": len(good), "facet": FACET_NAMES[facet]},
                _("%(max)d valeurs au plus") % {"max": MAX_FILTER_VALUES},
                _("seules les %(max)d premières comptent") % {"max": MAX_FILTER_VALUES},
            )
        )
        good = good[:MAX_FILTER_VALUES]
    if facet in CHECKED_FACETS and good:
        known = _known(facet, good)
        for value in good:
            if value not in known:
                problems.append(
                    BadParameter(
                        facet,
                        value,
                        _UNKNOWN[facet] % {"value": value},
                        str(_EXPECTED_VALUE[facet]),
                        _("filtre ignoré"),
                    )
                )
        good = [value for value in good if value in known]
    return good


def _well_formed(facet, value):
    return bool(_VALUE.match(value)) and (facet != "year" or bool(re.fullmatch(YEAR, value)))


def _malformed(facet, value):
    name = FACET_NAMES[facet]
    if "\ufffd" in value:
        problem = _("Valeur illisible (pas en UTF-8) pour le filtre « %(facet)s »") % {"facet": name}
    else:
        problem = _("Valeur invalide pour le filtre « %(facet)s » : « %(value)s »") % {
            "facet": name,
            "value": _shown(value, 40),
        }
    if facet == "year":
        expected = _("une année sur quatre chiffres, comme 2021")
    else:
        expected = _("un identifiant de 1 à 120 caractères : lettres, chiffres, « . », « - » ou « _ »")
    return BadParameter(facet, _shown(value), problem, expected, _("filtre ignoré"))


def _known(facet, values):
    vocabulary = registry.vocabulary(facet)
    return vocabulary.known(values) if vocabulary else set(values)


def accepted_values(facet):
    """Every value a checked facet admits now, sorted, for the API's description; None without a vocabulary."""
    vocabulary = registry.vocabulary(facet)
    if vocabulary is None:
        return None
    # The registry asks vocabularies for known(values) only; the whole list is where each kind keeps it:
    # the rows a database vocabulary holds for a minute (entries()), or the page types' kinds (names()).
    values = vocabulary.entries() if hasattr(vocabulary, "entries") else vocabulary.names()
    return sorted(value for value in values if _well_formed(facet, value))


def _sort(params, problems):
    sort = _single(params, "sort", problems) or "relevance"
    if sort in SORTS:
        return sort
    problems.append(
        BadParameter(
            "sort",
            _shown(sort, 30),
            _("Tri inconnu : « %(sort)s »") % {"sort": _shown(sort, 30)},
            ", ".join(SORTS),
            _("tri par pertinence"),
        )
    )
    return "relevance"


def _single(params, name, problems):
    values = params.getlist(name)
    if len(values) > 1:
        shown = ", ".join(f"« {_shown(v, 30)} »" for v in values[:5])
        problems.append(
            BadParameter(
                name,
                _shown(" | ".join(values)),
                _("Le paramètre « %(name)s » est donné %(count)d fois (%(values)s)")
                % {"name": name, "count": len(values), "values": shown},
                _("une seule valeur"),
                _("seule la première compte"),
            )
        )
    return values[0] if values else ""


def _integer(params, name, default, high, problems):
    """A whole number from 1 to `high`; out of range it is brought within, unreadable it is `default`."""
    raw = _single(params, name, problems).strip()
    if not raw:
        return default
    expected = _("un nombre entier de 1 à %(high)s") % {"high": _number(high)}
    if not re.fullmatch(r"[+-]?\d+", raw):
        problem = _("« %(name)s » n’est pas un nombre entier : « %(value)s »")
        problems.append(_bad_number(name, raw, problem, expected, default))
        return default
    # A hundred digits is past any page already, and int() refuses more than 4,300.
    value = int(raw[:100]) if raw[0] not in "+-" else int(raw[:101])
    if 1 <= value <= high:
        return value
    kept = min(max(value, 1), high)
    problems.append(_bad_number(name, raw, _("« %(name)s » vaut %(value)s"), expected, kept))
    return kept


def _bad_number(name, raw, problem, expected, kept):
    shown = _shown(raw, 30)
    if name == "page_size":
        fallback = _("%(count)d résultats par page") % {"count": kept}
    else:
        fallback = _("page %(page)d") % {"page": kept}
    return BadParameter(name, shown, problem % {"name": name, "value": shown}, expected, fallback)


def _page(params, strict, problems):
    """The page asked for. The API takes 1 to 10,000, the pages that one-result pages of the 10,000 results
    engines page through make: a bound that does not depend on page_size, so its description can state it.
    The page keeps any number. Past the last page, the page shows the last one and the API answers without
    hits (see `beyond_last_page`)."""
    return _integer(params, "page", 1, MAX_RESULT_WINDOW if strict else 10**100, problems)


def parse_prefix(params):
    """The words an autocomplete completes, and what was wrong with them (the API refuses them)."""
    problems = []
    prefix = _single(params, "q", problems)
    if len(prefix) > MAX_PREFIX_LENGTH:
        problems.append(
            BadParameter(
                "q",
                _shown(prefix),
                _("Le début de titre fait %(length)s caractères") % {"length": _number(len(prefix))},
                _("%(max)d caractères au plus") % {"max": MAX_PREFIX_LENGTH},
                _("seuls les %(max)d premiers comptent") % {"max": MAX_PREFIX_LENGTH},
            )
        )
    if problems:
        logger.info("autocomplete parameters refused: %s", "; ".join(f"{p.parameter}={p.value!r}" for p in problems))
    return prefix, problems


def window_pages(page_size):
    """How many pages the 10,000 results that engines page through make."""
    return MAX_RESULT_WINDOW // page_size


def beyond_last_page(asked, response):
    """A BadParameter when page `asked` is past the last page of `response`, else None."""
    last = response.page_count
    if asked <= last:
        return None
    values = {"page": _number(asked), "count": _number(last), "max": _number(MAX_RESULT_WINDOW)}
    if response.total == 0:
        problem = _("La page %(page)s n’existe pas : la recherche ne donne aucun résultat") % values
        fallback = _("voici la première")
    elif last == 1:
        problem = _("La page %(page)s n’existe pas : il n’y a qu’une page de résultats") % values
        fallback = _("la voici")
    elif response.total > MAX_RESULT_WINDOW:
        problem = _("La page %(page)s n’existe pas : %(max)s résultats au plus se consultent, soit %(count)s pages")
        problem %= values
        fallback = _("voici la dernière ; affinez la recherche pour atteindre les suivants")
    else:
        problem = _("La page %(page)s n’existe pas : il y a %(count)s pages de résultats") % values
        fallback = _("voici la dernière")
    expected = _("un nombre entier de 1 à %(count)s") % values
    return BadParameter("page", str(asked), problem, expected, fallback)


def unmatched_selections(response):
    """What the answer says of a selected year or tag that no result carries (they are not vocabularies)."""
    messages = []
    for facet, template in (
        ("year", _("Aucun résultat de l’année « %(value)s ».")),
        ("tag", _("Aucun résultat ne porte le mot-clé « %(value)s ».")),
    ):
        for value in response.facets.get(facet, []):
            if value.selected and value.count == 0:
                messages.append(template % {"value": value.value})
    return messages


def unknown_parameters(params):
    """The names of GET parameters a search does not read, which the API ignores and says so."""
    return sorted(name for name in params if name not in PARAMETERS)


def _shown(value, length=60):
    return Truncator(value).chars(length)


def _number(value):
    return number_format(value, force_grouping=True)
