"""The second-factor pages, under /compte/securite/ (URL names accounts:two_factor…).

French paths like the rest of « Mon espace »; included by accounts/urls.py.
"""

from django.urls import path

from accounts.two_factor import views

urlpatterns = [
    path("securite/", views.security, name="two_factor"),
    path("securite/activer/", views.enable, name="two_factor_enable"),
    path("securite/verification/", views.verify, name="two_factor_verify"),
    path("securite/codes-de-secours/", views.recovery_codes, name="two_factor_recovery_codes"),
    path("securite/desactiver/", views.disable, name="two_factor_disable"),
]
