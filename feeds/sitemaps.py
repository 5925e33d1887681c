"""The sitemap: the public pages on the host that serves the request, and the public documents found on their own.

Wagtail writes each page's address on its Site's root URL, "http://localhost" on a site installed with the
defaults; the site that serves the request is named by the request itself, whatever its Site record says.
"""

from django.contrib.sitemaps import Sitemap as DjangoSitemap

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.documents import get_document_model

from search.models import SearchRecord
from search.records import PUBLIC


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap (live pages under no view restriction, lastmod = last publication) on the request's host."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        served = self.get_wagtail_site().root_url
        origin = f"{self.request.scheme}://{self.request.get_host()}"
        for url in urls:
            # Pages of another Site keep its address; this Site's are where the request found them.
            if url["location"] == served or url["location"].startswith(f"{served}/"):
                url["location"] = origin + url["location"][len(served) :]
        return urls


class DocumentSitemap(DjangoSitemap):
    """Documents that are hits of their own and open to anyone; a document a page carries is found on that page."""

    def items(self):
        records = SearchRecord.objects.filter(kind="document", access=PUBLIC).order_by("source")
        rows = list(records.values_list("source", "url"))
        uploaded = dict(
            get_document_model()
            .objects.filter(pk__in=[source.partition(":")[2] for source, _url in rows])
            .values_list("pk", "created_at")
        )
        return [(url, uploaded.get(int(source.partition(":")[2]))) for source, url in rows]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        # When the file entered the archive: Wagtail keeps no later date for a document.
        return item[1]


SITEMAPS = {"pages": PageSitemap, "documents": DocumentSitemap}
