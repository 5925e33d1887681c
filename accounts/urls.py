from django.urls import include, path
from django.views.generic import RedirectView

from . import registration, views

app_name = "accounts"
urlpatterns = [
    path("compte/", views.home, name="home"),
    path("compte/connexion/", views.SignInView.as_view(), name="login"),
    path("compte/deconnexion/", views.SignOutView.as_view(), name="logout"),
    path("compte/mot-de-passe/", views.PasswordChangeView.as_view(), name="password_change"),
    path("compte/mot-de-passe/oublie/", views.PasswordResetView.as_view(), name="password_reset"),
    path("compte/mot-de-passe/oublie/envoye/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "compte/mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "compte/mot-de-passe/nouveau/fait/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("compte/inscription/", registration.register, name="register"),
    path("compte/inscription/envoyee/", registration.registration_sent, name="registration_sent"),
    path("compte/activation/<str:token>/", registration.activate, name="activate"),
    path("compte/suppression/", views.delete_account, name="delete"),
    path("compte/", include("accounts.two_factor.urls")),
    # Wagtail's own bare sign-in form (wagtail.urls, included after this): old links land on ours.
    path("_util/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
]
