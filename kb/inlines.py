"""Inline rows bound to their page by a uniqueness rule (a page's territory links): stored once, however posted.

Wagtail's autosave stores new rows and tells the browser their ids, but a save that leaves before that answer
still posts them without an id, and a plain child formset inserts them a second time: the database refuses the
duplicate and the editor gets a 500. Here a row is also known by its natural key, and duplicates are form errors.
"""

from django.utils.functional import cached_property

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import MultipleChooserPanel


class NaturalKeyChildFormSet(BaseChildFormSet):
    """A child formset whose rows are matched to the stored ones by the unique constraint binding them to the parent.

    The constraint's violation_error_message is the error shown on a row that repeats another.
    """

    @cached_property
    def natural_key(self):
        """(constraint, its fields besides the parent key), or None when no unique constraint names the parent."""
        parent = self.fk.name
        for constraint in self.model._meta.total_unique_constraints:
            if parent in constraint.fields:
                return constraint, [name for name in constraint.fields if name != parent]
        return None

    def key_of(self, form):
        """The row's natural key as the form sets it (None while a part is missing)."""
        _constraint, fields = self.natural_key
        key = tuple(getattr(form.instance, self.model._meta.get_field(name).attname) for name in fields)
        return None if None in key else key

    def kept_forms(self):
        """The rows the save keeps: valid, not deleted, and either stored already or filled in."""
        return [
            form
            for form in self.forms
            if form.is_valid()
            and not (self.can_delete and self._should_delete_form(form))
            and (form in self.initial_forms or form.has_changed())
        ]

    def validate_unique(self):
        # Replaces modelcluster's check, whose « Corrigez les données en double » names no field.
        if self.natural_key is None:
            return super().validate_unique()
        constraint, fields = self.natural_key
        seen = set()
        for form, key in [(form, self.key_of(form)) for form in self.kept_forms()]:
            if key in seen:
                form.add_error(fields[0] if len(fields) == 1 else None, constraint.get_violation_error_message())
            elif key is not None:
                seen.add(key)

    def save(self, commit=True):
        if self.natural_key is not None and self.instance.pk is not None:
            self.adopt_stored_rows()
        return super().save(commit)

    def adopt_stored_rows(self):
        """Give each kept row the id of the stored row holding its key, and an insert to a row whose id went elsewhere.

        Then no update or insert meets a stored duplicate: the rows this save deletes are left out, as
        modelcluster deletes them before it writes the others.
        """
        _constraint, fields = self.natural_key
        deleted = {form.instance.pk for form in self.deleted_forms}
        stored_rows = self.model._base_manager.filter(**{self.fk.name: self.instance.pk}).exclude(pk__in=deleted)
        stored = {tuple(row[1:]): row[0] for row in stored_rows.values_list("pk", *fields)}
        kept = self.kept_forms()
        adopted = {form: stored[self.key_of(form)] for form in kept if self.key_of(form) in stored}
        for form in kept:
            if form in adopted:
                form.instance.pk = adopted[form]
            elif form.instance.pk in adopted.values():
                form.instance.pk = None


class UniqueRowsChooserPanel(MultipleChooserPanel):
    """Wagtail's MultipleChooserPanel, its rows going through NaturalKeyChildFormSet.

    `add_label` words its button: Wagtail's French « Ajouter un(e) territoires » fits no label.
    """

    def __init__(self, relation_name, add_label="", **kwargs):
        self.add_label = add_label
        super().__init__(relation_name, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "add_label": self.add_label}

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = NaturalKeyChildFormSet
        return options

    class BoundPanel(MultipleChooserPanel.BoundPanel):
        template_name = "kb/panels/unique_rows_chooser_panel.html"
