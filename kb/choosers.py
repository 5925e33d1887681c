"""The territory chooser: each territory with its kind and where it sits, a filter by kind, and the tree to open on.

1,315 names read A–Z tell neither a commune from its EPCI nor one Saint-Aubin from another; Wagtail's snippet
chooser is kept (search, pagination, multiple choice) and given the columns, the filter and the tree it lacks.
"""

import logging

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from search.analysis import fold

from .models import Territory, TerritoryKind

logger = logging.getLogger(__name__)

# How a kind reads inside a sentence: « Rezé — commune, Nantes Métropole (EPCI) ».
KIND_WORDS = {
    TerritoryKind.REGION: _("région"),
    TerritoryKind.DEPARTEMENT: _("département"),
    TerritoryKind.EPCI: _("EPCI"),
    TerritoryKind.COMMUNE: _("commune"),
    TerritoryKind.PAYS: _("pays"),
    TerritoryKind.QUARTIER: _("quartier"),
    TerritoryKind.GROUPEMENT: _("regroupement"),
}
KIND_COUNTS = {
    TerritoryKind.REGION: ngettext_lazy("%(count)s région", "%(count)s régions", "count"),
    TerritoryKind.DEPARTEMENT: ngettext_lazy("%(count)s département", "%(count)s départements", "count"),
    TerritoryKind.EPCI: ngettext_lazy("%(count)s EPCI", "%(count)s EPCI", "count"),
    TerritoryKind.COMMUNE: ngettext_lazy("%(count)s commune", "%(count)s communes", "count"),
    TerritoryKind.PAYS: ngettext_lazy("%(count)s pays", "%(count)s pays", "count"),
    TerritoryKind.QUARTIER: ngettext_lazy("%(count)s quartier", "%(count)s quartiers", "count"),
    TerritoryKind.GROUPEMENT: ngettext_lazy("%(count)s regroupement", "%(count)s regroupements", "count"),
}
KIND_RANK = {kind: rank for rank, kind in enumerate(TerritoryKind.values)}


def placement(territory):
    """Where the territory sits: « Nantes Métropole (EPCI) », or "" at the top of the tree."""
    parent = territory.parent
    return f"{parent.name} ({KIND_WORDS[parent.kind]})" if parent else ""


def describe(territory):
    """The territory as editors tell it from its homonyms: « Rezé — commune, Nantes Métropole (EPCI) »."""
    where = placement(territory)
    kind = KIND_WORDS[territory.kind]
    return f"{territory.name} — {kind}, {where}" if where else f"{territory.name} — {kind}"


class KindField(forms.ChoiceField):
    """A kind this chooser does not know (a hand-edited address) means every kind: the search still answers."""

    def clean(self, value):
        if self.valid_value(value):
            return value
        logger.info("territory chooser: unknown kind %r ignored", value)
        return ""


class TerritoryFilterForm(SearchFilterMixin, BaseFilterForm):
    kind = KindField(
        label=_("Type"),
        choices=[("", _("Tous les types")), *TerritoryKind.choices],
        required=False,
        # Wagtail's chooser modal reloads its results when a field so marked changes.
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, objects):
        kind = self.cleaned_data.get("kind")
        if kind:
            objects = objects.filter(kind=kind)
        return super().filter(objects)

    @property
    def shows_tree(self):
        """Nothing searched nor filtered: the chooser shows the tree rather than a list."""
        return self.is_valid() and not self.cleaned_data["q"] and not self.cleaned_data["kind"]


class TerritoryChooseMixin:
    filter_form_class = TerritoryFilterForm
    results_template_name = "kb/choosers/territory_results.html"

    def get_object_list(self):
        return Territory.objects.select_related("parent")

    @property
    def title_column(self):
        # The code has a column of its own: the name alone, where Wagtail shows str() « Rezé (44143) ».
        column = super().title_column
        column.label, column.accessor = _("Nom"), "name"
        return column

    @property
    def columns(self):
        return [
            *super().columns,
            Column("kind", label=_("Type"), accessor=lambda territory: KIND_WORDS[territory.kind]),
            Column("parent", label=_("Rattaché à"), accessor=placement),
            Column("code", label=_("Code officiel")),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.filter_form.shows_tree:
            context["tree"] = self.tree()
        return context

    def tree(self):
        """Every territory under its parent, in reading order (TerritoryNode); the région open on its départements."""
        territories = Territory.objects.only("name", "kind", "code", "parent_id")
        territories = sorted(territories, key=lambda territory: (KIND_RANK[territory.kind], fold(territory.name)))
        nodes = {territory.pk: TerritoryNode(territory, self.chosen_url(territory)) for territory in territories}
        roots = []
        for node in nodes.values():
            parent = nodes.get(node.territory.parent_id)
            (parent.children if parent else roots).append(node)
        for root in roots:
            root.open = root.territory.kind == TerritoryKind.REGION
        return list(TerritoryNode.reading_order(roots))

    def chosen_url(self, territory):
        if self.is_multiple_choice:
            return ""
        return self.append_preserved_url_parameters(reverse(self.chosen_url_name, args=(territory.pk,)))


class TerritoryNode:
    """A territory in the chooser's tree, with the territories shown under it.

    The template walks the tree as one flat list, each node saying how many of its ancestors' lists end
    after it (`closes`): 1,315 nested includes took seconds to render, one loop takes a fraction of that.
    """

    def __init__(self, territory, chosen_url):
        self.territory = territory
        self.chosen_url = chosen_url
        self.children = []
        self.open = False
        self.closes = ()

    @classmethod
    def reading_order(cls, nodes, ending=0):
        """The nodes and their descendants, depth first; the last one also ends `ending` enclosing lists."""
        for index, node in enumerate(nodes):
            last = index == len(nodes) - 1
            ends_here = ending if last else 0
            if node.children:
                yield node
                yield from cls.reading_order(node.children, ends_here + 1)
            else:
                node.closes = range(ends_here)
                yield node

    @property
    def kind(self):
        return KIND_WORDS[self.territory.kind]

    @property
    def children_summary(self):
        """What opening the node shows: « 19 EPCI, 1 commune »."""
        counts = {}
        for child in self.children:
            counts[child.territory.kind] = counts.get(child.territory.kind, 0) + 1
        return ", ".join(KIND_COUNTS[kind] % {"count": count} for kind, count in counts.items())


class TerritoryChooseView(TerritoryChooseMixin, ChooseView):
    pass


class TerritoryChooseResultsView(TerritoryChooseMixin, ChooseResultsView):
    pass


class TerritoryChosenView(SnippetChosenView):
    def get_display_title(self, instance):
        return describe(instance)


class TerritoryChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return super().get_objects(pks).select_related("parent")

    def get_display_title(self, instance):
        return describe(instance)


class TerritoryChooserWidget(AdminSnippetChooser):
    """The chooser field of a territory link, which names its territory as the chooser does."""

    def get_display_title(self, instance):
        return describe(instance)


class TerritoryChooserViewSet(SnippetChooserViewSet):
    choose_view_class = TerritoryChooseView
    choose_results_view_class = TerritoryChooseResultsView
    chosen_view_class = TerritoryChosenView
    chosen_multiple_view_class = TerritoryChosenMultipleView
    base_widget_class = TerritoryChooserWidget
