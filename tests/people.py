"""The site's people by role, and the admin forms they post: shared by the access and moderation tests."""

import datetime
from contextlib import contextmanager

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kb.roles import DOCUMENTALISTS
from resources.models import DUCohort


def person(username, *groups, superuser=False):
    """A user with an email address (Wagtail notifies only those), in the given groups."""
    user = User.objects.create_user(username, email=f"{username}@ess-nantes.example", password="x" * 12)
    user.is_superuser = user.is_staff = superuser
    user.save()
    user.groups.add(*groups)
    return user


def documentalists():
    return Group.objects.get(name=DOCUMENTALISTS)


def cohort(promotion, days_left):
    """A DU cohort whose access ends in `days_left` days (negative: it has already ended)."""
    return DUCohort.objects.create(promotion=promotion, access_end=timezone.localdate() + datetime.timedelta(days_left))


def restrict_page(page, *groups):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(groups)
    return restriction


def private_collection(name, *groups):
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(groups)
    return collection


@contextmanager
def rolled_back():
    """Whatever happens inside is undone afterwards (a savepoint rolled back), so each try starts afresh."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def note_form(title, slug, action=None):
    """The admin form of a pole note; `action` is "publish", "submit" or None for a draft."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2025-01-20",
            "summary": "Les chantiers de l'année.",
            "body": streamfield([("paragraph", rich_text("<p>Le pôle lance un groupe de travail.</p>"))]),
            "territory_links": inline_formset([]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    if action:
        data[f"action-{action}"] = f"action-{action}"
    return data


def paper_form(title, slug, action=None, poles=()):
    """The admin form of a research paper in `poles`; `action` is "publish", "submit" or None for a draft."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "paper_type": "article",
            "date": "2024-05-02",
            "date_precision": "day",
            "language": "fr",
            "venue": "RECMA",
            "abstract": rich_text("<p>Une enquête auprès de douze coopératives d'habitants.</p>"),
            "authors": inline_formset([{"name": "Awa Diallo", "orcid": "", "affiliation": ""}], min=1),
            "territory_links": inline_formset([]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    return classed(data, action, poles)


def exchange_form(title, slug, action=None, poles=()):
    """The admin form of a practice exchange in `poles`; `action` is "publish", "submit" or None for a draft."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2024-03-12",
            "summary": "Une recyclerie associative ouverte par les habitants.",
            "context": rich_text("<p>Des encombrants jetés faute de filière de réemploi.</p>"),
            "actors": rich_text("<p>Association de quartier, bailleur social.</p>"),
            "actions": rich_text("<p>Ouverture d'une recyclerie associative.</p>"),
            "territory_links": inline_formset([]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    return classed(data, action, poles)


def classed(data, action, poles):
    data["poles"] = [pole.pk for pole in poles]
    if action:
        data[f"action-{action}"] = f"action-{action}"
    return data
