from django.urls import path, re_path

from . import views

app_name = "readinglists"
urlpatterns = [
    path("compte/listes/", views.index, name="index"),
    path("compte/listes/nouvelle/", views.create, name="create"),
    path("compte/listes/ajouter/", views.add, name="add"),
    path("compte/listes/<int:pk>/", views.detail, name="detail"),
    path("compte/listes/<int:pk>/supprimer/", views.delete, name="delete"),
    path("compte/listes/<int:pk>/partage/", views.sharing, name="sharing"),
    path("compte/listes/<int:pk>/export/", views.export, name="export"),
    path("compte/listes/<int:pk>/elements/<int:item_pk>/deplacer/", views.move_item, name="move_item"),
    path("compte/listes/<int:pk>/elements/<int:item_pk>/note/", views.edit_note, name="edit_note"),
    path("compte/listes/<int:pk>/elements/<int:item_pk>/retirer/", views.remove_item, name="remove_item"),
    # The token's alphabet (secrets.token_urlsafe): anything else is Wagtail's 404 without a query.
    re_path(r"^listes/(?P<token>[A-Za-z0-9_-]{16,64})/$", views.shared, name="shared"),
    re_path(r"^listes/(?P<token>[A-Za-z0-9_-]{16,64})/export/$", views.shared_export, name="shared_export"),
]
