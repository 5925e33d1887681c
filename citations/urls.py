from django.urls import path, re_path

from . import list_views, views

app_name = "citations"
urlpatterns = [
    # One item in one format: /citer/page-12.bib, /citer/document-7.ris, /citer/page-12.json?intervention=<talk id>.
    re_path(
        r"^citer/(?P<kind>page|document)-(?P<pk>[0-9]{1,10})\.(?P<extension>[A-Za-z0-9]{1,10})$",
        views.item_download,
        name="item",
    ),
]

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
