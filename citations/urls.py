from django.urls import path

from . import list_views

app_name = "citations"
urlpatterns = []

# Result lists, the reader's selection and unAPI.
urlpatterns += [
    path("recherche/export/", list_views.export_results, name="export_results"),
    path("selection/", list_views.selection_page, name="selection"),
    path("selection/export/", list_views.selection_export, name="selection_export"),
    path("selection/ajouter/", list_views.selection_add, name="selection_add"),
    path("selection/retirer/", list_views.selection_remove, name="selection_remove"),
    path("selection/vider/", list_views.selection_clear, name="selection_clear"),
    path("unapi/", list_views.unapi, name="unapi"),
]
