from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Ressources"

    def ready(self):
        from . import signals  # noqa: F401
