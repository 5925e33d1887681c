from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import AdminSignInView
from feeds.views import sitemap
from kb import health, shared_passwords, views
from resources.downloads import serve_document
from resources.serve import serve_rendition

app_patterns = (
    [
        path("territoires/", views.territory_index, name="territories"),
        path("territoires/<str:key>/", views.territory_detail, name="territory"),
        path("themes/<slug:slug>/", views.theme_detail, name="theme"),
        path("mots-cles/<str:slug>/", views.tag_detail, name="tag"),
        # Not "poles/": that is where the pole index page serves the sections, which this view redirects to.
        path("pole/<slug:slug>/", views.pole_detail, name="pole"),
    ],
    "kb",
)

urlpatterns = [
    path("admin/login/", AdminSignInView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's download and shared-password views, wrapped (same names, matched first): downloads say who may
    # cache them, password guesses are throttled like sign-ins.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        shared_passwords.collection_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:restriction_id>/<int:page_id>/",
        shared_passwords.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Image renditions go through their collection's privacy; documents through /documents/ (serve_view);
    # nothing else under MEDIA_URL is served by the application (see README, « Fichiers et confidentialité »).
    path(f"{settings.MEDIA_URL.lstrip('/')}images/<path:path>", serve_rendition, name="image_rendition"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sante/", health.health, name="health"),
    path("", include(app_patterns)),
    path("", include("search.urls")),
    path("", include("citations.urls")),
    path("", include("oai.urls")),
    path("", include("feeds.urls")),
    path("", include("accounts.urls")),
    path("", include("alerts.urls")),
    path("", include("readinglists.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Admin users' avatars only: the original images and the document files stay unreachable.
    avatars = "avatar_images/"
    urlpatterns += static(settings.MEDIA_URL + avatars, document_root=settings.MEDIA_ROOT / avatars)

urlpatterns += [path("", include(wagtail_urls))]
