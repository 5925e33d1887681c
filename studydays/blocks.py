"""The programme of a study day: sessions, and talks with their speakers."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class TalkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre de l'intervention"))
    speakers = blocks.ListBlock(SnippetChooserBlock("studydays.Speaker"), label=_("intervenants"), min_num=0)
    abstract = blocks.TextBlock(required=False, label=_("résumé"))
    slides = DocumentChooserBlock(required=False, label=_("support de présentation"))
    video_url = blocks.URLBlock(required=False, label=_("lien vers la vidéo"))

    class Meta:
        icon = "user"
        label = _("Intervention")
        template = "blocks/talk.html"


class SessionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre de la séquence"))
    day = blocks.DateBlock(required=False, label=_("jour"), help_text=_("Pour les événements sur plusieurs jours."))
    start_time = blocks.TimeBlock(required=False, label=_("début"))
    end_time = blocks.TimeBlock(required=False, label=_("fin"))
    chair = SnippetChooserBlock("studydays.Speaker", required=False, label=_("animation"))
    talks = blocks.ListBlock(TalkBlock(), label=_("interventions"), min_num=0)

    class Meta:
        icon = "time"
        label = _("Séquence")
        template = "blocks/session.html"


class ProgrammeBlock(blocks.StreamBlock):
    session = SessionBlock()


def programme_slides(raw_programme):
    """The ids of the talks' slides in a programme as stored (its raw JSON), in programme order.

    Read without building blocks, so that placing documents in bulk fetches no document and no speaker.
    """
    for session in raw_programme:
        if session.get("type") != "session":
            continue
        for talk in (session.get("value") or {}).get("talks") or []:
            # A list item is stored as {"type": "item", "value": ..., "id": ...}, or bare by older Wagtail versions.
            if isinstance(talk, dict) and talk.get("type") == "item" and "value" in talk:
                talk = talk["value"]
            slides = talk.get("slides") if isinstance(talk, dict) else None
            if isinstance(slides, int) or (isinstance(slides, str) and slides.isdigit()):
                yield int(slides)
