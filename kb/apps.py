from django.apps import AppConfig


class KbConfig(AppConfig):
    name = "kb"
    verbose_name = "Base de connaissances"

    def ready(self):
        from search.registry import register

        from . import roles, signals  # noqa: F401
        from .models import ArchivePage
        from .vocabularies import register_vocabularies

        register(ArchivePage)
        register_vocabularies()
        roles.connect()
