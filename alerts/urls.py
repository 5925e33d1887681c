from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("compte/recherches/", views.saved_searches, name="list"),
    path("compte/recherches/enregistrer/", views.save, name="save"),
    path("compte/recherches/<int:pk>/modifier/", views.update, name="update"),
    path("compte/recherches/<int:pk>/supprimer/", views.delete, name="delete"),
    path("compte/alertes/arreter/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
