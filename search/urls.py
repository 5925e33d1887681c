from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("recherche/", views.search_page, name="page"),
    path("api/search/", views.api_search, name="api"),
    path("api/search/autocomplete/", views.api_autocomplete, name="autocomplete"),
    path("api/search/openapi.json", views.api_openapi, name="openapi"),
]
