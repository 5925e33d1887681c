from django.urls import path, register_converter

from . import views


class FeedFormat:
    regex = "rss|atom"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FeedFormat, "feed_format")

app_name = "feeds"
urlpatterns = [
    path("flux/derniers-ajouts.<feed_format:fmt>", views.feed, {"scope": "latest"}, name="latest"),
    path("flux/recherche.<feed_format:fmt>", views.feed, {"scope": "search"}, name="search"),
    path("flux/type/<str:key>.<feed_format:fmt>", views.feed, {"scope": "kind"}, name="kind"),
    path("flux/pole/<str:key>.<feed_format:fmt>", views.feed, {"scope": "pole"}, name="pole"),
    path("flux/territoire/<str:key>.<feed_format:fmt>", views.feed, {"scope": "territory"}, name="territory"),
    path("flux/theme/<str:key>.<feed_format:fmt>", views.feed, {"scope": "theme"}, name="theme"),
    path("flux/mot-cle/<str:key>.<feed_format:fmt>", views.feed, {"scope": "tag"}, name="tag"),
    path("agenda/journees-d-etude.ics", views.study_days_calendar, name="study_days_calendar"),
    path("agenda/journees-d-etude/<int:pk>.ics", views.study_day_calendar, name="study_day_calendar"),
    path("robots.txt", views.robots, name="robots"),
]
