"""The models that give records, registered by their own apps, and the taxonomy labels.

`search/` imports no content model: apps register their searchable models and the
vocabularies (labels, territory tree) the facets show.
"""

_models = {}
_vocabularies = {}


def register(model):
    """Register a Searchable model under its source prefix ("page", "document")."""
    _models[model.search_source_prefix] = model
    return model


def searchable_models():
    return dict(_models)


def model_for(source):
    prefix, _, pk = source.partition(":")
    return _models.get(prefix), pk


def register_vocabulary(facet, vocabulary):
    """`vocabulary` answers labels(values) -> {value: label}, known(values) -> the values that exist
    and, for trees, parents(values)."""
    _vocabularies[facet] = vocabulary


def vocabulary(facet):
    return _vocabularies.get(facet)
