"""The archive search in the admin: the documentalists' synonyms, and a warning while the search server fails."""

import datetime
import logging

from django.conf import settings
from django.contrib import messages
from django.utils import timezone
from django.utils.html import escapejs, format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .engines import get_engine, server_label
from .engines.base import EngineError
from .models import EngineStatus, PendingChange, Synonym

logger = logging.getLogger(__name__)

# A failure older than this, with no answer since, no longer says anything about the cluster now.
RECENT = datetime.timedelta(minutes=15)


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = gettext_lazy("Synonymes de recherche")
    add_to_admin_menu = True
    list_display = ["__str__", "note"]


register_snippet(SynonymViewSet)


def search_server_warning():
    """The French warning the admin shows while the search server fails or runs degraded, or ''."""
    if not settings.KB_ELASTICSEARCH_URL:
        return ""
    return failure_warning() or degraded_warning()


def failure_warning():
    status = EngineStatus.objects.filter(engine="elasticsearch").first()
    if status is None or not status.failing or status.failed_at < timezone.now() - RECENT:
        return ""
    label, waiting = server_label(), PendingChange.objects.count()
    message = _(
        "%(server)s ne répond pas (dernier échec à %(time)s) : la recherche du site répond depuis la base de données."
    ) % {"server": label, "time": timezone.localtime(status.failed_at).strftime("%H:%M")}
    if waiting:
        message += " " + _(
            "%(count)d modification(s) attendent d'être envoyées à %(server)s ; elles partiront dès qu'il répondra."
        ) % {"count": waiting, "server": label}
    return message


def degraded_warning():
    """Yellow or red: the cluster answers, but a node is missing and with it copies of the index."""
    engine = get_engine()
    try:
        health = engine.cluster_health()
    except EngineError:
        return failure_warning()  # the failure was just recorded
    values = {
        "server": server_label(),
        "nodes": health["number_of_nodes"] or 0,
        "unassigned": health["unassigned_shards"] or 0,
    }
    if health["status"] == "yellow":
        return (
            _(
                "%(server)s fonctionne en mode dégradé (état jaune) : %(nodes)d nœud(s) en service, %(unassigned)d "
                "copie(s) de l'index sans nœud. La recherche répond en entier, mais une panne de plus pourrait "
                "l'interrompre : remettez le nœud manquant en service."
            )
            % values
        )
    if health["status"] == "red":
        return (
            _(
                "%(server)s a perdu une partie de l'index (état rouge) : %(nodes)d nœud(s) en service, %(unassigned)d "
                "copie(s) de l'index sans nœud. La recherche du site répond depuis la base de données tant que l'index "
                "est incomplet."
            )
            % values
        )
    return ""


@hooks.register("insert_global_admin_js")
def search_server_banner():
    """Wagtail's own message area shows the warning on every admin page."""
    message = search_server_warning()
    if not message:
        return ""
    return format_html(
        "<script>window.addEventListener('load', () => document.dispatchEvent(new CustomEvent('w-messages:add', "
        "{{detail: {{text: '{}', type: 'warning'}}}})));</script>",
        escapejs(message),
    )


def send_synonyms(request, changed):
    """The search server's synonyms set follows the documentalists' edits (the service needs no re-index).

    Wagtail runs these hooks once the edit is committed.
    """
    if not any(isinstance(instance, Synonym) for instance in changed):
        return
    engine = get_engine()
    if not hasattr(engine, "put_synonyms"):
        return
    try:
        engine.put_synonyms()
    except EngineError as error:
        logger.warning("synonyms not sent to %s: %s", engine.name, error)
        messages.warning(
            request,
            _(
                "Synonymes enregistrés et appliqués à la recherche ; %(server)s ne les a pas reçus, "
                "« kb_index repair » les lui renverra."
            )
            % {"server": server_label()},
        )


@hooks.register("after_create_snippet")
def synonym_created(request, instance):
    send_synonyms(request, [instance])


@hooks.register("after_edit_snippet")
def synonym_edited(request, instance):
    send_synonyms(request, [instance])


@hooks.register("after_delete_snippet")
def synonym_deleted(request, instances):
    send_synonyms(request, instances)
