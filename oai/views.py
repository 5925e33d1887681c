"""The OAI-PMH endpoint: GET or POST (form-encoded) in, an OAI-PMH XML document out, in French."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .repository import Repository
from .verbs import respond
from .xml import serialize


@csrf_exempt  # harvesters POST without a session: nothing here changes state
@require_http_methods(["GET", "POST"])
def endpoint(request):
    arguments = request.POST if request.method == "POST" else request.GET
    repository = Repository.current(request.build_absolute_uri(reverse("oai:endpoint")))
    # Harvesters send no useful Accept-Language: set names and messages are the archive's, in French.
    with translation.override(settings.LANGUAGE_CODE):
        document = respond(dict(arguments.lists()), repository)
    return HttpResponse(serialize(document), content_type="text/xml; charset=utf-8")
