"""The forms of reading lists: a list's name and description, adding an item, an item's note.

Each takes the owner, so that a list, a name or a limit is checked against their lists only; Django marks
invalid fields (aria-invalid) and ties them to their message (aria-describedby), which the templates render.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .items import target_lookup
from .models import MAX_ITEMS, MAX_LISTS, NAME_LENGTH, NOTE_LENGTH, ReadingList, ReadingListItem


def name_taken(owner, name, exclude=None):
    lists = ReadingList.objects.filter(owner=owner, name__iexact=name)
    if exclude is not None:
        lists = lists.exclude(pk=exclude.pk)
    return lists.exists()


class ReadingListForm(forms.ModelForm):
    class Meta:
        model = ReadingList
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"name": _("Nom de la liste"), "description": _("Description (facultative)")}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if name_taken(self.owner, name, exclude=self.instance if self.instance.pk else None):
            raise forms.ValidationError(_("Vous avez déjà une liste nommée « %(name)s ».") % {"name": name})
        return name

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and ReadingList.objects.filter(owner=self.owner).count() >= MAX_LISTS:
            raise forms.ValidationError(
                _("Vous avez déjà %(limit)s listes, le maximum : supprimez-en une avant d’en créer une autre.")
                % {"limit": MAX_LISTS}
            )
        return cleaned


class AddItemForm(forms.Form):
    """Add one item (its source, checked by the view) to one of the owner's lists, or to a new one."""

    reading_list = forms.ModelChoiceField(
        label=_("Liste"), queryset=ReadingList.objects.none(), required=False, empty_label=_("Nouvelle liste…")
    )
    name = forms.CharField(
        label=_("Nom de la nouvelle liste"),
        required=False,
        max_length=NAME_LENGTH,
        help_text=_("Seulement si vous choisissez « Nouvelle liste… »."),
    )
    note = forms.CharField(
        label=_("Note (facultative)"), required=False, max_length=NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, owner, target, **kwargs):
        # Ids of their own: the form sits on item pages beside other forms.
        kwargs.setdefault("auto_id", "liste-%s")
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.target = target
        lists = ReadingList.objects.filter(owner=owner)
        holding = ReadingListItem.objects.filter(reading_list__owner=owner, **target_lookup(target))
        holding_ids = set(holding.values_list("reading_list_id", flat=True))
        self.containing = [reading_list for reading_list in lists if reading_list.pk in holding_ids]
        choices = [reading_list for reading_list in lists if reading_list.pk not in holding_ids]
        self.has_choices = bool(choices)
        # Offered: the lists that lack the item, the latest first; a posted one is checked against them all.
        self.fields["reading_list"].queryset = lists if self.is_bound else lists.exclude(pk__in=holding_ids)
        if choices and not self.is_bound:
            self.initial.setdefault("reading_list", choices[0].pk)
        if not choices:
            # The name is then the only way, and its hint about « Nouvelle liste… » would mislead.
            self.fields["name"].help_text = ""

    def clean(self):
        cleaned = super().clean()
        chosen, name = cleaned.get("reading_list"), cleaned.get("name", "").strip()
        if "reading_list" in self.errors or "name" in self.errors:
            return cleaned
        if chosen and name:
            self.add_error(
                "name",
                _("Vous avez choisi la liste « %(list)s » et donné le nom d’une nouvelle liste : videz l’un des deux.")
                % {"list": chosen.name},
            )
        elif chosen:
            self.check_room(chosen)
        elif not name:
            self.add_error("name", _("Choisissez une de vos listes ou donnez un nom à la nouvelle."))
        elif name_taken(self.owner, name):
            self.add_error("name", _("Vous avez déjà une liste nommée « %(name)s » : choisissez-la.") % {"name": name})
        elif ReadingList.objects.filter(owner=self.owner).count() >= MAX_LISTS:
            self.add_error("name", _("Vous avez déjà %(limit)s listes, le maximum.") % {"limit": MAX_LISTS})
        cleaned["name"] = name
        return cleaned

    def check_room(self, reading_list):
        if reading_list.items.filter(**target_lookup(self.target)).exists():
            self.add_error(
                "reading_list", _("Cet élément est déjà dans la liste « %(list)s ».") % {"list": reading_list.name}
            )
        elif reading_list.items.count() >= MAX_ITEMS:
            self.add_error(
                "reading_list",
                _("La liste « %(list)s » compte déjà %(limit)s éléments, le maximum.")
                % {"list": reading_list.name, "limit": MAX_ITEMS},
            )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )
