from django.urls import include, path

app_name = "accounts"
urlpatterns = [
    path("compte/", include("accounts.two_factor.urls")),
]
