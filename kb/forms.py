"""The admin form of the items animators propose: what they save stays within their pole.

kb.permissions decides who may open an item; this form keeps an animator from saving one that leaves their pole
(a new item without it, or an item of their pole whose pole they untick), with a French error on « Pôles ».
"""

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminPageForm

from .permissions import allowed_actions, binding_poles, grants_reaching


class PoleBoundPageForm(WagtailAdminPageForm):
    """A page form whose « Pôles » must keep one of the animator's poles, unless they created the item."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.required_poles = self.poles_binding_user()
        if self.required_poles and self.instance.pk is None and not self.is_bound:
            # Most animators animate one pole: a new item starts in it.
            self.initial["poles"] = sorted(self.required_poles)

    def poles_binding_user(self):
        """The poles one of which the item must carry for this user to save it; empty when nothing binds them."""
        user, page = self.for_user, self.instance
        if user is None or not user.is_active or user.is_superuser or "poles" not in self.fields:
            return set()
        creating = page.pk is None
        if not creating and page.owner_id == user.pk:
            return set()
        place = self.parent_page if creating else page
        grants = grants_reaching(user, place) if place is not None else []
        action = "add" if creating else "change"
        # Another group's grant (the documentalists') lets them save whatever the poles.
        if action in allowed_actions(user, grants, poles=set()):
            return set()
        return binding_poles(user, grants, action)

    def clean(self):
        cleaned_data = super().clean()
        chosen = {pole.pk for pole in cleaned_data.get("poles", ())}
        if self.required_poles and "poles" in cleaned_data and not chosen & self.required_poles:
            self.add_error("poles", self.pole_error())
        return cleaned_data

    def pole_error(self):
        names = list(self.fields["poles"].queryset.filter(pk__in=self.required_poles).values_list("name", flat=True))
        return ngettext(
            "Cochez votre pôle, %(poles)s : un animateur travaille sur les éléments de son pôle.",
            "Cochez l’un de vos pôles, %(poles)s : un animateur travaille sur les éléments de ses pôles.",
            len(names),
        ) % {"poles": get_text_list(names, _("ou"))}
