"""Serving closed material: the answer once a DU cohort's access has ended, images behind their collection's privacy.

Wagtail checks page privacy when serving pages and collection privacy when serving documents
(through `serve_view`), but serves image renditions as plain media files. Here renditions go
through a view that applies the privacy of the image's collection, so an image of a private
collection is no more reachable by its URL than a document.
"""

import mimetypes

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.images import get_image_model

from kb.visibility import lapsed, may_open_document

from .models import DUCohort

PUBLIC_IMAGE_MAX_AGE = 24 * 60 * 60


def access_ended_response(request, restrictions):
    """A 403 page naming the cohorts whose access has ended, when only they would have let the request through."""
    if not any(lapsed(restriction, request) for restriction in restrictions):
        return None
    cohorts = DUCohort.objects.lapsed().filter(group__user=request.user)
    response = TemplateResponse(request, "resources/access_ended.html", {"cohorts": cohorts}, status=403)
    add_never_cache_headers(response)
    return response


@require_safe
def serve_rendition(request, path):
    """An image rendition file, if the visitor may open images of its collection."""
    rendition_model = get_image_model().get_rendition_model()
    rendition = rendition_model.objects.select_related("image__collection").filter(file=f"images/{path}").first()
    if rendition is None:
        raise Http404
    if not may_open_document(rendition.image, request):
        raise PermissionDenied
    try:
        file = rendition.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    if rendition.image.collection.get_view_restrictions().exists():
        add_never_cache_headers(response)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_IMAGE_MAX_AGE)
    return response
