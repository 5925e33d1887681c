"""The export formats of the archive, one registry for item pages, result lists, the selection and unAPI.

Each format writes a list of citations.items.CitationEntry (CSL-JSON items with their key and absolute
addresses); its module documents the type mapping it applies. `FORMATS` keeps the order readers see them in.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import bibtex, csljson, ris, table
from .common import Format

FORMATS = {
    format.name: format
    for format in [
        Format("bibtex", gettext_lazy("BibTeX"), "bib", "application/x-bibtex", bibtex.render),
        Format("ris", gettext_lazy("RIS"), "ris", "application/x-research-info-systems", ris.render),
        Format("csljson", gettext_lazy("CSL-JSON"), "json", "application/vnd.citationstyles.csl+json", csljson.render),
        Format("csv", gettext_lazy("CSV"), "csv", "text/csv", table.render),
    ]
}


class UnknownFormat(ValueError):
    """A format name or extension the archive does not export; its message, in French, lists those it does."""

    def __init__(self, requested):
        self.requested = requested
        known = ", ".join(f"{format.label} (.{format.extension})" for format in FORMATS.values())
        super().__init__(
            _("Format inconnu : « %(requested)s ». Formats disponibles : %(known)s.")
            % {
                "requested": requested,
                "known": known,
            }
        )


def get_format(name):
    """The format called `name` ("bibtex", "ris", "csljson", "csv")."""
    try:
        return FORMATS[name]
    except (KeyError, TypeError):
        raise UnknownFormat(name) from None


def format_for_extension(extension):
    """The format whose files end in `extension` ("bib", "ris", "json", "csv")."""
    for format in FORMATS.values():
        if format.extension == str(extension).lower():
            return format
    raise UnknownFormat(extension)
