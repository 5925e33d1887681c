"""The reading lists' pages: the owner's lists and their editing (/compte/listes/), adding an item from any
archive item, and the read-only page of a shared list (/listes/<token>/).

Owner views answer 404 for another person's list, as if it did not exist; every form works without script.
"""

import logging

from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from citations.formats import FORMATS
from citations.list_views import chosen_format, download
from citations.lists import stored_items
from kb.addresses import next_path
from search.access import Viewer

from .forms import AddItemForm, NoteForm, ReadingListForm
from .items import describe, find_target, is_public, may_open, sharing_problems, shown_items, target_lookup
from .models import ReadingList, ReadingListItem
from .notices import notify

logger = logging.getLogger(__name__)


def owned_list(request, pk):
    return get_object_or_404(ReadingList, pk=pk, owner=request.user)


def owned_item(request, pk, item_pk):
    lists = {"reading_list__pk": pk, "reading_list__owner": request.user}
    return get_object_or_404(ReadingListItem.objects.select_related("reading_list"), pk=item_pk, **lists)


def detail_url(reading_list, item=None):
    url = reverse("readinglists:detail", args=[reading_list.pk])
    return f"{url}#element-{item.pk}" if item else url


@login_required
@require_GET
def index(request):
    return render_index(request, ReadingListForm(owner=request.user))


def render_index(request, form):
    lists = ReadingList.objects.filter(owner=request.user).annotate(item_count=Count("items"))
    return render(request, "readinglists/index.html", {"reading_lists": lists, "form": form})


@login_required
@require_POST
def create(request):
    form = ReadingListForm(request.POST, owner=request.user)
    if not form.is_valid():
        return render_index(request, form)
    reading_list = form.save(commit=False)
    reading_list.owner = request.user
    reading_list.save()
    notify(request, _("La liste « %(name)s » a été créée.") % {"name": reading_list.name})
    return redirect(detail_url(reading_list))


@login_required
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    """The list, its items with their notes and order, and its settings; a POST renames it."""
    reading_list = owned_list(request, pk)
    if request.method == "GET":
        return render_detail(request, reading_list)
    form = ReadingListForm(request.POST, instance=reading_list, owner=request.user)
    if form.is_valid():
        form.save()
        notify(request, _("La liste « %(name)s » a été enregistrée.") % {"name": reading_list.name})
        return redirect(detail_url(reading_list))
    # The form wrote the refused values on the instance; the page's title keeps the stored name.
    reading_list.refresh_from_db(fields=["name", "description"])
    return render_detail(request, reading_list, form=form)


def render_detail(request, reading_list, form=None, note_form=None):
    """The owner's page of a list; `note_form`, bound to one item's refused note, replaces that item's form."""
    items = shown_items(reading_list, request)
    for shown in items:
        shown.note_form = NoteForm(initial={"note": shown.item.note}, prefix=f"element-{shown.item.pk}")
        if note_form is not None and note_form.prefix == f"element-{shown.item.pk}":
            shown.note_form = note_form
    context = {
        "reading_list": reading_list,
        "items": items,
        "form": form or ReadingListForm(instance=reading_list, owner=request.user),
        "problems": sharing_problems(reading_list, request) if reading_list.shared else [],
        "share_url": request.build_absolute_uri(reverse("readinglists:shared", args=[reading_list.share_token])),
        "formats": FORMATS.values(),
        "export_url": reverse("readinglists:export", args=[reading_list.pk]),
    }
    return render(request, "readinglists/detail.html", context)


@login_required
@require_POST
def move_item(request, pk, item_pk):
    """Move an item one place up or down: the buttons that stand in for drag and drop."""
    item = owned_item(request, pk, item_pk)
    direction = request.POST.get("direction", "")
    ordered = list(item.reading_list.items.order_by("position", "pk"))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    step = {"up": -1, "down": 1}.get(direction)
    if step is None or not 0 <= index + step < len(ordered):
        logger.info("reading list %s: item %s not moved (direction %r)", pk, item_pk, direction[:20])
        notify(request, _("Cet élément ne peut pas être déplacé dans ce sens."), ok=False)
        return redirect(detail_url(item.reading_list, item))
    ordered[index], ordered[index + step] = ordered[index + step], ordered[index]
    # Renumbered from 0 rather than swapped: positions stay distinct whatever came before.
    for position, other in enumerate(ordered):
        other.position = position
    with transaction.atomic():
        ReadingListItem.objects.bulk_update(ordered, ["position"])
        item.reading_list.save(update_fields=["updated"])
    notify(request, _("L’élément a été déplacé en position %(position)s.") % {"position": index + step + 1})
    return redirect(detail_url(item.reading_list, item))


@login_required
@require_POST
def edit_note(request, pk, item_pk):
    item = owned_item(request, pk, item_pk)
    form = NoteForm(request.POST, prefix=f"element-{item.pk}")
    if not form.is_valid():
        # Shown again with the refused text, so nothing typed is lost.
        return render_detail(request, item.reading_list, note_form=form)
    item.note = form.cleaned_data["note"]
    item.save(update_fields=["note"])
    item.reading_list.save(update_fields=["updated"])
    notify(request, _("La note a été enregistrée."))
    return redirect(detail_url(item.reading_list, item))


@login_required
@require_POST
def remove_item(request, pk, item_pk):
    item = owned_item(request, pk, item_pk)
    target = item.target
    item.delete()
    item.reading_list.save(update_fields=["updated"])
    if target is not None and may_open(target, request):
        message = _("« %(title)s » a été retiré de la liste.") % {"title": target.title}
    else:
        message = _("L’élément indisponible a été retiré de la liste.")
    notify(request, message)
    return redirect(detail_url(item.reading_list))


@login_required
@require_POST
def sharing(request, pk):
    """Turn the share link on (only when every item is public) or off, or replace it by a new one."""
    reading_list = owned_list(request, pk)
    action = request.POST.get("action", "")
    if action == "on":
        problems = sharing_problems(reading_list, request)
        if problems:
            logger.info("reading list %s: sharing refused, %d problem(s)", pk, len(problems))
            notify(request, _("La liste n’a pas été partagée."), ok=False, details=problems)
            return redirect(detail_url(reading_list))
        reading_list.shared = True
        message = _("La liste est partagée : toute personne qui a le lien peut la lire, notes comprises.")
    elif action == "off":
        reading_list.shared = False
        message = _("La liste n’est plus partagée : son lien ne mène plus à rien.")
    elif action == "regenerate":
        reading_list.regenerate_token()
        message = _("La liste a un nouveau lien : l’ancien ne mène plus à rien.")
    else:
        logger.info("reading list %s: unknown sharing action %r", pk, action[:20])
        notify(request, _("Action de partage inconnue : rien n’a changé."), ok=False)
        return redirect(detail_url(reading_list))
    reading_list.save()
    notify(request, message)
    return redirect(detail_url(reading_list))


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    """A page asking to confirm, then the deletion of the list and its notes."""
    reading_list = owned_list(request, pk)
    if request.method == "GET":
        return render(request, "readinglists/delete.html", {"reading_list": reading_list})
    name = reading_list.name
    reading_list.delete()
    notify(request, _("La liste « %(name)s » a été supprimée.") % {"name": name})
    return redirect("readinglists:index")


@login_required
@require_http_methods(["GET", "POST"])
def add(request):
    """Add an item the reader may open to one of their lists or to a new one (GET: the form on its own page)."""
    data = request.POST if request.method == "POST" else request.GET
    source = data.get("source", "")
    target = find_target(source)
    if target is None or not may_open(target, request):
        logger.info("reading lists: refused to add %r (malformed, unknown or not open to this user)", source[:80])
        return render(request, "readinglists/add_refused.html", status=404)
    form = AddItemForm(request.POST or None, owner=request.user, target=target)
    if request.method == "POST" and form.is_valid():
        reading_list = add_item(request, target, form.cleaned_data)
        return redirect(next_path(request, detail_url(reading_list)))
    context = {"form": form, "source": target.search_source, "target": describe(target, request)}
    context["next"] = next_path(request, "")
    return render(request, "readinglists/add.html", context)


def add_item(request, target, cleaned):
    """Add `target` to the chosen or new list; a second submit of the same form finds it already there."""
    reading_list = cleaned["reading_list"]
    try:
        with transaction.atomic():
            if reading_list is None:
                reading_list = ReadingList.objects.create(owner=request.user, name=cleaned["name"])
            position = reading_list.next_position()
            reading_list.items.create(position=position, note=cleaned["note"], **target_lookup(target))
            reading_list.save(update_fields=["updated"])
    except IntegrityError:
        logger.info("reading list %s: %s added twice at once", reading_list.pk, target.search_source)
        message = _("« %(title)s » est déjà dans la liste « %(list)s ».")
        notify(request, message % {"title": target.title, "list": reading_list.name})
        return reading_list
    message = _("« %(title)s » a été ajouté à la liste « %(list)s ».")
    notify(request, message % {"title": target.title, "list": reading_list.name})
    return reading_list


def export_items(request, reading_list, viewer):
    """The file of the list's items `viewer` may open, in the format asked for (or the page refusing it)."""
    export_format, refusal = chosen_format(request, request.path)
    if refusal:
        return refusal
    shown = shown_items(reading_list, request)
    items, hidden = stored_items([entry.item.source for entry in shown if entry.available], viewer)
    if hidden:
        logger.info("reading list %s: export leaves out %d item(s) without a record", reading_list.pk, hidden)
    return download(request, export_format, items, f"liste-{slugify(reading_list.name)[:50].strip('-')}")


@login_required
@require_GET
def export(request, pk):
    return export_items(request, owned_list(request, pk), Viewer.from_request(request))


def public_list(token):
    """The list this link shares, while sharing is on and every item is public; else a 404 that says nothing more."""
    reading_list = ReadingList.objects.filter(share_token=token).first()
    if reading_list is None or not is_public(reading_list):
        logger.info("shared reading list: link %s… answers 404 (unknown, not shared or not public)", token[:6])
        raise Http404
    return reading_list


@never_cache
@require_GET
def shared(request, token):
    reading_list = public_list(token)
    context = {
        "reading_list": reading_list,
        "items": shown_items(reading_list, request),
        "formats": FORMATS.values(),
        "export_url": reverse("readinglists:shared_export", args=[token]),
    }
    response = render(request, "readinglists/shared.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_GET
def shared_export(request, token):
    reading_list = public_list(token)
    response = export_items(request, reading_list, Viewer.anonymous())
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
