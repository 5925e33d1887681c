"""StreamField blocks shared by the content types; each declares its template."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("titre"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Niveau 2")), ("h3", _("Niveau 3")), ("h4", _("Niveau 4"))],
        default="h2",
        label=_("niveau"),
    )

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(required=False, label=_("source"))

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    caption = blocks.CharBlock(required=False, label=_("légende"))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    """The rich body every text page uses."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Paragraphe"),
        template="blocks/paragraph.html",
    )
    quote = QuoteBlock()
    image = ImageBlock(label=_("Image"))
    document = DocumentLinkBlock()
    embed = EmbedBlock(label=_("Vidéo ou contenu intégré"), template="blocks/embed.html")


class EvidenceClaimBlock(blocks.StructBlock):
    """One claim of a synthesis and the archive items that support it."""

    claim = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("affirmation"))
    evidence = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="kb.ArchivePage", label=_("élément de l'archive")),
        label=_("preuves dans l'archive"),
        min_num=1,
    )

    class Meta:
        icon = "tick"
        label = _("Affirmation étayée")
        template = "blocks/evidence_claim.html"


class SynthesisBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("Paragraphe"), template="blocks/paragraph.html"
    )
    claim = EvidenceClaimBlock()
