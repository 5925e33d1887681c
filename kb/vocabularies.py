"""Labels (and the territory tree) that the search facets show for the record keys."""

import time

from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from .models import ArchivePage, Pole, Territory, Theme


class ModelVocabulary:
    """Poles, themes or tags by slug, read whole and kept for a minute like the territories: every
    search labels them. A save or delete in this process forgets them at once (kb.signals)."""

    lifetime = 60

    def __init__(self, model, key="slug"):
        self.model, self.key = model, key
        self._names, self._loaded_at = None, 0.0

    def forget(self):
        self._names = None

    def labels(self, values):
        if self._names is None or time.monotonic() - self._loaded_at > self.lifetime:
            self._names = dict(self.model.objects.values_list(self.key, "name"))
            self._loaded_at = time.monotonic()
        return {value: self._names[value] for value in values if value in self._names}


class KindVocabulary:
    """Kinds are the archive page types' `search_kind`, labelled with their verbose names."""

    def labels(self, values):
        names = {"document": _("Document")}
        for model in _subclasses(ArchivePage):
            names[model.search_kind] = model._meta.verbose_name
        return {value: str(names.get(value, value)) for value in values}


class YearVocabulary:
    def labels(self, values):
        return {value: value for value in values}


class TerritoryVocabulary:
    """Territories keyed on official code or local slug, shown under their display parent.

    The whole tree (1,300+ rows) is read once and kept for a minute: facets label
    hundreds of territories on every search. A change in this process forgets it at once.
    """

    lifetime = 60

    def __init__(self):
        self._tree, self._loaded_at = {}, 0.0

    def forget(self):
        self._tree = {}

    def _entries(self):
        if not self._tree or time.monotonic() - self._loaded_at > self.lifetime:
            rows = Territory.objects.values_list("pk", "code", "slug", "name", "parent_id")
            keys = {pk: code or slug for pk, code, slug, _name, _parent in rows}
            self._tree = {keys[pk]: (name, keys.get(parent)) for pk, _c, _s, name, parent in rows}
            self._loaded_at = time.monotonic()
        return self._tree

    def labels(self, values):
        tree = self._entries()
        return {v: tree[v][0] for v in values if v in tree}

    def parents(self, values):
        tree = self._entries()
        return {v: tree[v][1] for v in values if v in tree}


TERRITORIES = TerritoryVocabulary()
MODEL_VOCABULARIES = {"pole": ModelVocabulary(Pole), "theme": ModelVocabulary(Theme), "tag": ModelVocabulary(Tag)}


def _subclasses(model):
    for sub in model.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def register_vocabularies():
    from search.registry import register_vocabulary

    register_vocabulary("kind", KindVocabulary())
    for facet, vocabulary in MODEL_VOCABULARIES.items():
        register_vocabulary(facet, vocabulary)
    register_vocabulary("year", YearVocabulary())
    register_vocabulary("territory", TERRITORIES)
