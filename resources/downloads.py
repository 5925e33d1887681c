"""Document downloads through Wagtail's own view, saying who may keep a copy.

Wagtail serves a document without Cache-Control, so a shared cache (a proxy, a CDN) could keep a private
PDF and hand it to the next visitor. A document behind a restriction is marked private and not to be
stored; a public one may be cached by anyone for a while.
"""

from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

from kb.visibility import restricting_pages

# Short: a document that becomes private (its collection or its pages restricted) leaves shared caches soon after.
PUBLIC_DOCUMENT_MAX_AGE = 10 * 60


def serve_document(request, document_id, document_filename):
    """Wagtail's download view, with the document's caching rule on what it serves."""
    response = serve(request, document_id, document_filename)
    if response.status_code not in (200, 206, 304) or response.has_header("Cache-Control"):
        return response
    document = get_document_model().objects.select_related("collection").get(pk=document_id)
    if document.collection.get_view_restrictions().exists() or restricting_pages(document, request):
        add_never_cache_headers(response)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_DOCUMENT_MAX_AGE)
    return response
