"""Who this repository is to harvesters: its name, address, contact, and the identifiers of its items.

Identifiers read `oai:<repository id>:page/12`; the id is KB_OAI_REPOSITORY_ID, by default the host
name of the default Wagtail site, so that it stays the same whichever address a harvester calls.
"""

from dataclasses import dataclass

from django.conf import settings

from wagtail.models import Site

SOURCE_PREFIXES = ("page", "document")


@dataclass
class Repository:
    name: str
    base_url: str
    namespace: str
    admin_email: str
    page_size: int

    @classmethod
    def current(cls, base_url):
        """The repository as configured, answering at `base_url` (the endpoint's absolute address)."""
        site = Site.objects.filter(is_default_site=True).first()
        namespace = getattr(settings, "KB_OAI_REPOSITORY_ID", "") or (site.hostname if site else "localhost")
        return cls(
            name=(site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
            base_url=base_url,
            namespace=namespace,
            admin_email=getattr(settings, "KB_OAI_ADMIN_EMAIL", "") or settings.DEFAULT_FROM_EMAIL,
            page_size=int(getattr(settings, "KB_OAI_PAGE_SIZE", 100)),
        )

    def identifier(self, source):
        """ "page:12" -> "oai:ess.example.org:page/12"."""
        return f"oai:{self.namespace}:{source.replace(':', '/', 1)}"

    def source(self, identifier):
        """The source an identifier of this repository names, or None."""
        local = identifier.removeprefix(f"oai:{self.namespace}:")
        prefix, slash, pk = local.partition("/")
        if local == identifier or not slash or prefix not in SOURCE_PREFIXES or not (pk.isascii() and pk.isdigit()):
            return None
        return f"{prefix}:{pk}"
