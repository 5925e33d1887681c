from django.apps import AppConfig


class ReadingListsConfig(AppConfig):
    name = "readinglists"
    verbose_name = "Listes de lecture"
