from django.apps import AppConfig


class StudydaysConfig(AppConfig):
    name = "studydays"
    verbose_name = "Journées d'étude"
