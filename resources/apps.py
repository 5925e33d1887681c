from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Ressources"

    def ready(self):
        from search.registry import register

        from . import signals  # noqa: F401
        from .models import ArchiveDocument

        register(ArchiveDocument)
