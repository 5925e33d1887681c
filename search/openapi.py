"""OpenAPI 3.1 description of the search API, served at /api/search/openapi.json."""

_REPEATABLE = (
    "Répétable (20 valeurs au plus) : plusieurs valeurs d'une même facette se combinent en OU, "
    "les facettes entre elles en ET."
)
_CHECKED = "Une valeur inconnue est refusée (400) : la réponse nomme le paramètre et la valeur."


def _facet_param(name, description):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"{description} {_REPEATABLE}",
        "schema": {"type": "array", "items": {"type": "string", "maxLength": 120}},
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
            "sont comptés et renvoyés."
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
                        "description": 'Requête : mots, "expression exacte", -mot exclu. 500 caractères au plus.',
                        "schema": {"type": "string", "maxLength": 500},
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
                    ),
                    _facet_param(
                        "tag",
                        "Mot-clé (identifiant). Libres, les mots-clés ne sont pas vérifiés : un mot-clé qu'aucun "
                        "élément consultable ne porte ne trouve rien, et `messages` le dit.",
                    ),
                    {
                        "name": "sort",
                        "in": "query",
                        "description": "Pertinence par défaut avec une requête ; sinon du plus récent au plus ancien.",
                        "schema": {"type": "string", "enum": ["relevance", "newest", "oldest"]},
                    },
                    {
                        "name": "page",
                        "in": "query",
                        "description": (
                            "Numéro de page, 1 par défaut. Une page au-delà de la dernière (`page_count`) est "
                            "refusée (400) en disant combien il y en a ; 10 000 résultats au plus se consultent."
                        ),
                        "schema": {"type": "integer", "minimum": 1},
                    },
                    {
                        "name": "page_size",
                        "in": "query",
                        "description": "Résultats par page, de 1 à 100.",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
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
                        "description": "Début de titre, 200 caractères au plus, une seule fois.",
                        "schema": {"type": "string", "maxLength": 200},
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
