"""OpenAPI 3.1 description of the search API, served at /api/search/openapi.json.

It states every check search.params makes, so that a request it allows is answered: the values of the
controlled vocabularies are listed as they stand when the description is read (`description()`).
"""

from copy import deepcopy

from .params import CHECKED_FACETS, MAX_FILTER_VALUES, MAX_PREFIX_LENGTH, YEAR, accepted_values
from .query import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, SORTS

_REPEATABLE = (
    f"Répétable ({MAX_FILTER_VALUES} valeurs au plus) : plusieurs valeurs d'une même facette se combinent en OU, "
    "les facettes entre elles en ET."
)
_CHECKED = (
    "Les valeurs admises sont listées (`enum`), telles qu'elles sont à la lecture de cette description ; "
    "une autre est refusée (400) : la réponse nomme le paramètre et la valeur."
)
# search.params._VALUE: the identifier form of every filter value. Python's \w (Unicode letters and digits);
# an ECMA-262 reader takes it as ASCII only, which only makes it stricter.
_IDENTIFIER = r"^[\w.-]{1,120}$"
# U+FFFD is what Django puts for bytes that are not UTF-8: a query holding it is refused.
_READABLE = r"^[^\uFFFD]*$"


def _facet_param(name, description, items=None):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"{description} {_REPEATABLE}",
        "schema": {
            "type": "array",
            "maxItems": MAX_FILTER_VALUES,
            "items": items or {"type": "string", "pattern": _IDENTIFIER, "maxLength": 120},
        },
        "style": "form",
        "explode": True,
    }


_LABELLED = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"value": {"type": "string"}, "label": {"type": "string"}},
        "required": ["value", "label"],
    },
}
_FACET_VALUE = {
    "type": "object",
    "properties": {
        "value": {"type": "string"},
        "label": {"type": "string"},
        "count": {"type": "integer"},
        "selected": {"type": "boolean"},
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
    },
    "required": ["value", "label", "count"],
}
_BAD_PARAMETER = {
    "type": "object",
    "properties": {
        "parameter": {"type": "string", "description": "Le paramètre fautif : territory, page, …"},
        "value": {"type": "string", "description": "Sa valeur reçue (tronquée si longue)."},
        "message": {"type": "string", "description": "Ce qui n'allait pas et la forme attendue, en français."},
        "expected": {"type": "string", "description": "La forme attendue d'une bonne valeur."},
    },
    "required": ["parameter", "value", "message", "expected"],
}
_ERROR = {
    "description": (
        "Requête refusée : aucun résultat n'est renvoyé. `error` le dit en une phrase, `errors` donne un message "
        "par paramètre fautif, `details` les mêmes avec le paramètre, la valeur reçue et la forme attendue."
    ),
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "error": {"type": "string"},
                    "errors": {"type": "array", "items": {"type": "string"}},
                    "details": {"type": "array", "items": {"$ref": "#/components/schemas/BadParameter"}},
                },
                "required": ["error"],
            }
        }
    },
}
_UNAVAILABLE = {
    "description": "Moteur de recherche indisponible.",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
        }
    },
}

OPENAPI = {
    "openapi": "3.1.0",
    "info": {
        "title": "Recherche dans l'archive du centre de ressources ESS",
        "version": "1.0.0",
        "description": (
            "Recherche plein texte en français (accents, élisions, pluriels, synonymes de l'ESS), "
            "facettes avec compteurs, extraits surlignés. Seuls les éléments que l'appelant peut ouvrir "
            "sont comptés et renvoyés. Chaque adresse répond à GET et HEAD ; une autre méthode reçoit un 405 "
            "(JSON, avec l'en-tête `Allow`). Une requête de plus de 1 000 paramètres est refusée (400)."
        ),
    },
    "paths": {
        "/api/search/": {
            "get": {
                "summary": "Rechercher dans l'archive",
                "description": (
                    "Les paramètres sont vérifiés avant de chercher : une valeur mal formée ou inconnue, un "
                    "paramètre répété ou une page hors limites donnent un 400 qui nomme le paramètre, la valeur "
                    "reçue et la forme attendue. Un paramètre que l'API ne connaît pas est ignoré, et `messages` "
                    "le dit."
                ),
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "description": (
                            'Requête : mots, "expression exacte", -mot exclu. '
                            f"{MAX_QUERY_LENGTH} caractères au plus, une seule fois, en UTF-8."
                        ),
                        "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH, "pattern": _READABLE},
                    },
                    _facet_param(
                        "kind", f"Type d'élément (study_day, practice_exchange, research_paper, …). {_CHECKED}"
                    ),
                    _facet_param("pole", f"Pôle (identifiant). {_CHECKED}"),
                    _facet_param(
                        "territory", f"Territoire : code officiel (INSEE, SIREN) ou identifiant local. {_CHECKED}"
                    ),
                    _facet_param("theme", f"Thème (identifiant). {_CHECKED}"),
                    _facet_param(
                        "year",
                        "Année sur quatre chiffres. Une année sans élément ne trouve rien ; `messages` le dit.",
                        {"type": "string", "pattern": f"^{YEAR}$"},
                    ),
                    _facet_param(
                        "tag",
                        "Mot-clé (identifiant). Libres, les mots-clés ne sont pas vérifiés : un mot-clé qu'aucun "
                        "élément consultable ne porte ne trouve rien, et `messages` le dit.",
                    ),
                    {
                        "name": "sort",
                        "in": "query",
                        "description": (
                            "Pertinence par défaut avec une requête ; sinon du plus récent au plus ancien. "
                            "Une seule fois."
                        ),
                        "schema": {"type": "string", "enum": list(SORTS)},
                    },
                    {
                        "name": "page",
                        "in": "query",
                        "description": (
                            "Numéro de page, 1 par défaut, une seule fois, 10 000 au plus. 10 000 résultats au plus "
                            "se consultent : une page au-delà de page × page_size = 10 000, comme une page au-delà "
                            "de la dernière (`page_count`), répond sans résultat (`hits` vide) et `messages` dit "
                            "combien de pages il y a."
                        ),
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_RESULT_WINDOW},
                    },
                    {
                        "name": "page_size",
                        "in": "query",
                        "description": f"Résultats par page, de 1 à {MAX_PAGE_SIZE}, une seule fois.",
                        "schema": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_PAGE_SIZE,
                            "default": DEFAULT_PAGE_SIZE,
                        },
                    },
                ],
                "responses": {
                    "200": {
                        "description": "Résultats",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}},
                    },
                    "400": _ERROR,
                    "503": _UNAVAILABLE,
                },
            }
        },
        "/api/search/autocomplete/": {
            "get": {
                "summary": "Compléter un titre",
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "description": f"Début de titre, {MAX_PREFIX_LENGTH} caractères au plus, une seule fois.",
                        "schema": {"type": "string", "maxLength": MAX_PREFIX_LENGTH},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "Titres qui commencent par les mots saisis",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "results": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "title": {"type": "string"},
                                                    "url": {"type": "string"},
                                                    "kind": {"type": "string"},
                                                },
                                            },
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "400": _ERROR,
                    "503": _UNAVAILABLE,
                },
            }
        },
    },
    "components": {
        "schemas": {
            "FacetValue": _FACET_VALUE,
            "BadParameter": _BAD_PARAMETER,
            "SearchResponse": {
                "type": "object",
                "properties": {
                    "total": {"type": "integer"},
                    "page": {"type": "integer"},
                    "page_size": {"type": "integer"},
                    "page_count": {"type": "integer", "description": "Nombre de pages consultables (au moins 1)."},
                    "engine": {"type": "string", "enum": ["database", "elasticsearch"]},
                    "fallback": {"type": "boolean"},
                    "suggestion": {"type": "string"},
                    "messages": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": (
                            "Remarques en français sur la requête : année ou mot-clé qu'aucun résultat ne porte, "
                            "paramètre inconnu ignoré."
                        ),
                    },
                    "hits": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "id": {"type": "string"},
                                "kind": {"type": "string"},
                                "title": {"type": "string"},
                                "url": {"type": "string"},
                                "date": {"type": ["string", "null"], "format": "date"},
                                "authors": {"type": "array", "items": {"type": "string"}},
                                "snippets": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "field": {"type": "string"},
                                            "html": {"type": "string"},
                                            "page": {"type": ["integer", "null"]},
                                            "url": {"type": "string"},
                                        },
                                    },
                                },
                                "poles": _LABELLED,
                                "territories": _LABELLED,
                                "themes": _LABELLED,
                                "tags": _LABELLED,
                            },
                        },
                    },
                    "facets": {
                        "type": "object",
                        "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                    },
                },
            },
        }
    },
}


def description():
    """OPENAPI with the values each controlled vocabulary admits now, as search.params checks them."""
    spec = deepcopy(OPENAPI)
    for parameter in spec["paths"]["/api/search/"]["get"]["parameters"]:
        values = accepted_values(parameter["name"]) if parameter["name"] in CHECKED_FACETS else None
        if values:
            parameter["schema"]["items"] = {"type": "string", "enum": values}
        elif values is not None:
            # An empty vocabulary (no theme yet): any value would be refused.
            parameter["schema"]["maxItems"] = 0
    return spec
