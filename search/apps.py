from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Recherche dans l'archive"

    def ready(self):
        from . import signals

        signals.connect()
