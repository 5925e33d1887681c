"""Admin widgets for the taxonomy outside page forms."""

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.admin.staticfiles import versioned_static

from .choosers import describe
from .models import Territory


class TerritoriesChooser(forms.Widget):
    """Several territories through the chooser pages use: Wagtail's territory chooser modal, in its multiple mode.

    Wagtail 8 has chooser widgets for one object (BaseChooser) and, for several, MultipleChooserPanel, an
    inline formset that only a panel-built form shows; Wagtail's document form is a plain ModelForm. Its
    chooser modal does take `multiple`, though: this widget opens it so (static/js/territories-chooser.js,
    built on Wagtail's SnippetChooser) and lists the territories as ticked boxes, untick one to remove it.
    A select of 1,300 communes, or a chooser per territory, would be the alternatives.
    """

    template_name = "kb/widgets/territories_chooser.html"

    def format_value(self, value):
        return [str(pk) for pk in value or [] if str(pk).isdigit()]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = Territory.objects.filter(pk__in=context["widget"]["value"]).select_related("parent")
        context["territories"] = [(territory.pk, describe(territory)) for territory in chosen]
        context["chooser_url"] = reverse(Territory.snippet_viewset.chooser_viewset.get_url_name("choose"))
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # Through the site's template engine: the form renderer's does not look in templates/.
        return render_to_string(self.template_name, self.get_context(name, value, attrs))

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])

    def value_omitted_from_data(self, data, files, name):
        # Like checkboxes: every box unticked sends nothing, and means "no territory".
        return False

    @property
    def media(self):
        scripts = ["wagtailsnippets/js/snippet-chooser.js", "js/territories-chooser.js"]
        return forms.Media(js=[versioned_static(script) for script in scripts])
