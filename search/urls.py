from django.urls import path

from . import api, views

app_name = "search"
urlpatterns = [
    path("recherche/", views.search_page, name="page"),
    path("api/search/", api.search, name="api"),
    path("api/search/autocomplete/", api.autocomplete, name="autocomplete"),
    path("api/search/openapi.json", api.openapi, name="openapi"),
]
