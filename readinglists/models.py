"""A reader's reading lists: named, ordered archive items (pages or documents), each with the reader's note.

A list belongs to one account and goes with it; it can be read by anyone holding its share link,
only while every item in it is public (readinglists.items decides, on each request).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Bounds that keep one account from filling the database; far above what a reader gathers by hand.
MAX_LISTS = 100
MAX_ITEMS = 500
NAME_LENGTH = 120
NOTE_LENGTH = 2000


def new_share_token():
    """A link nobody can guess; a new one cuts off whoever held the old."""
    return secrets.token_urlsafe(18)


class ReadingList(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("propriétaire"), related_name="reading_lists", on_delete=models.CASCADE
    )
    name = models.CharField(_("nom"), max_length=NAME_LENGTH)
    description = models.TextField(_("description"), blank=True, max_length=NOTE_LENGTH)
    shared = models.BooleanField(_("partagée par lien"), default=False)
    share_token = models.CharField(max_length=40, unique=True, default=new_share_token, editable=False)
    created = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("liste de lecture")
        verbose_name_plural = _("listes de lecture")
        ordering = ["-updated", "-pk"]

    def __str__(self):
        return self.name

    def next_position(self):
        last = self.items.aggregate(last=models.Max("position"))["last"]
        return 0 if last is None else last + 1

    def regenerate_token(self):
        self.share_token = new_share_token()
        self.save(update_fields=["share_token", "updated"])


class ReadingListItem(models.Model):
    """One item of a list: a page or a document of the archive.

    When the page or document is deleted the item stays, pointing at nothing, so the reader keeps
    the note and sees that something went; the list page shows it as « élément indisponible ».
    """

    reading_list = models.ForeignKey(ReadingList, related_name="items", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "kb.ArchivePage", null=True, blank=True, related_name="+", on_delete=models.SET_NULL, verbose_name=_("page")
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
        verbose_name=_("document"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    note = models.TextField(_("note"), blank=True, max_length=NOTE_LENGTH)
    added = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("élément de liste")
        verbose_name_plural = _("éléments de liste")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(page__isnull=False) & Q(document__isnull=False)), name="reading_item_page_or_document"
            ),
            models.UniqueConstraint(
                fields=["reading_list", "page"], condition=Q(page__isnull=False), name="unique_reading_list_page"
            ),
            models.UniqueConstraint(
                fields=["reading_list", "document"],
                condition=Q(document__isnull=False),
                name="unique_reading_list_document",
            ),
        ]

    def __str__(self):
        return f"{self.reading_list} #{self.position}"

    @property
    def target(self):
        """The page or document, or None once deleted."""
        return self.page or self.document

    @property
    def source(self):
        """The item as the search and the citations name it ("page:12"); "" once deleted."""
        target = self.target
        return target.search_source if target else ""
