"""Labels (and the territory tree) that the search facets show for the record keys."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from .models import ArchivePage, Pole, Territory, Theme


class ModelVocabulary:
    def __init__(self, model, key="slug"):
        self.model, self.key = model, key

    def labels(self, values):
        return dict(self.model.objects.filter(**{f"{self.key}__in": list(values)}).values_list(self.key, "name"))


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
    """Territories keyed on official code or local slug, shown under their display parent."""

    def labels(self, values):
        return {key: name for key, name, _parent in self.describe(values)}

    def parents(self, values):
        return {key: parent for key, _name, parent in self.describe(values)}

    def describe(self, values):
        values = list(values)
        rows = Territory.objects.filter(Q(code__in=values) | Q(slug__in=values)).values_list(
            "code", "slug", "name", "parent__code", "parent__slug"
        )
        return [(code or slug, name, parent_code or parent_slug) for code, slug, name, parent_code, parent_slug in rows]


def _subclasses(model):
    for sub in model.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def register_vocabularies():
    from search.registry import register_vocabulary

    register_vocabulary("kind", KindVocabulary())
    register_vocabulary("pole", ModelVocabulary(Pole))
    register_vocabulary("theme", ModelVocabulary(Theme))
    register_vocabulary("tag", ModelVocabulary(Tag))
    register_vocabulary("year", YearVocabulary())
    register_vocabulary("territory", TerritoryVocabulary())
