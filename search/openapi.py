"""OpenAPI 3.1 description of the search API, served at /api/search/openapi.json."""

_REPEATABLE = "Répétable : plusieurs valeurs d'une même facette se combinent en OU, les facettes entre elles en ET."


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
_ERROR = {
    "description": "Paramètres invalides.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"error": {"type": "string"}, "errors": {"type": "array", "items": {"type": "string"}}},
                "required": ["error"],
            }
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
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "description": 'Requête : mots, "expression exacte", -mot exclu. 500 caractères au plus.',
                        "schema": {"type": "string", "maxLength": 500},
                    },
                    _facet_param("kind", "Type d'élément (study_day, practice_exchange, research_paper, …)."),
                    _facet_param("pole", "Pôle (identifiant)."),
                    _facet_param("territory", "Territoire : code officiel (INSEE, SIREN) ou identifiant local."),
                    _facet_param("theme", "Thème (identifiant)."),
                    _facet_param("year", "Année sur quatre chiffres."),
                    _facet_param("tag", "Mot-clé (identifiant)."),
                    {
                        "name": "sort",
                        "in": "query",
                        "description": "Pertinence par défaut avec une requête ; sinon du plus récent au plus ancien.",
                        "schema": {"type": "string", "enum": ["relevance", "newest", "oldest"]},
                    },
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    {
                        "name": "page_size",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "Résultats",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}},
                    },
                    "400": _ERROR,
                    "503": _ERROR | {"description": "Moteur de recherche indisponible."},
                },
            }
        },
        "/api/search/autocomplete/": {
            "get": {
                "summary": "Compléter un titre",
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}}],
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
                },
            }
        },
    },
    "components": {
        "schemas": {
            "FacetValue": _FACET_VALUE,
            "SearchResponse": {
                "type": "object",
                "properties": {
                    "total": {"type": "integer"},
                    "page": {"type": "integer"},
                    "page_size": {"type": "integer"},
                    "engine": {"type": "string", "enum": ["database", "elasticsearch"]},
                    "fallback": {"type": "boolean"},
                    "suggestion": {"type": "string"},
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
