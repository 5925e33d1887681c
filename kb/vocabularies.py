"""Labels (and the territory tree) that the search facets show for the record keys."""

import time
import unicodedata

from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from .models import ArchivePage, Pole, Territory, Theme


class CachedVocabulary:
    """A vocabulary read whole and kept for a minute: facets label hundreds of values on every
    search. A change in this process forgets it at once (kb.signals); other processes within a minute."""

    lifetime = 60

    def __init__(self):
        self._entries, self._loaded_at = None, 0.0

    def forget(self):
        self._entries = None

    def entries(self):
        if self._entries is None or time.monotonic() - self._loaded_at > self.lifetime:
            self._entries = self.load()
            self._loaded_at = time.monotonic()
        return self._entries

    def load(self):
        raise NotImplementedError

    def known(self, values):
        """Those of `values` that exist; one not held is looked up afresh, in case it was just added elsewhere."""
        values = set(values)
        if not values <= self.entries().keys():
            self.forget()
        return values & self.entries().keys()


class ModelVocabulary(CachedVocabulary):
    """Poles, themes or tags by slug: {slug: name}."""

    def __init__(self, model, key="slug"):
        super().__init__()
        self.model, self.key = model, key

    def load(self):
        return dict(self.model.objects.values_list(self.key, "name"))

    def labels(self, values):
        names = self.entries()
        return {value: names[value] for value in values if value in names}


class KindVocabulary:
    """Kinds are the archive page types' `search_kind`, labelled with their verbose names."""

    def labels(self, values):
        names = self.names()
        return {value: str(names.get(value, value)) for value in values}

    def known(self, values):
        return set(values) & self.names().keys()

    @staticmethod
    def names():
        names = {"document": _("Document")}
        for model in _subclasses(ArchivePage):
            names[model.search_kind] = model._meta.verbose_name
        return names


class YearVocabulary:
    """Any year on four digits: a year without items is no error, it finds nothing."""

    def labels(self, values):
        return {value: value for value in values}

    def known(self, values):
        return {value for value in values if len(value) == 4 and value.isdigit()}


class TerritoryVocabulary(CachedVocabulary):
    """Territories keyed on official code or local slug, shown under their display parent:
    {key: (name, parent key)}, the whole tree (1,300+ rows)."""

    def load(self):
        rows = Territory.objects.values_list("pk", "code", "slug", "name", "parent_id")
        keys = {pk: code or slug for pk, code, slug, _name, _parent in rows}
        return {keys[pk]: (name, keys.get(parent)) for pk, _c, _s, name, parent in rows}

    def labels(self, values):
        tree = self.entries()
        return {v: tree[v][0] for v in values if v in tree}

    def parents(self, values):
        tree = self.entries()
        return {v: tree[v][1] for v in values if v in tree}

    def resolve(self, value):
        """The keys a written territory may mean: its code or slug, else every territory of that name
        (accents, case and dashes aside: « saint herblain » is Saint-Herblain); two or more when the name is shared."""
        value = str(value).strip()
        tree = self.entries()
        if value in tree:
            return [value]
        return self.names().get(name_key(value), [])

    def names(self):
        """{loose name: [keys]}, built again whenever the tree is read again."""
        entries = self.entries()
        if getattr(self, "_names_of", None) is not entries:
            index = {}
            for key, (name, _parent) in entries.items():
                index.setdefault(name_key(name), []).append(key)
            self._names, self._names_of = index, entries
        return self._names


def name_key(name):
    """A name as people write it loosely: no accents, case, dashes, apostrophes or extra spaces."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


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
