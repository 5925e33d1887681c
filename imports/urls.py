from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("<int:pk>/", views.BatchView.as_view(), name="batch"),
    path("<int:pk>/importer/", views.ConfirmView.as_view(), name="confirm"),
]
