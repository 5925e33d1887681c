from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Mise en cache"

    def ready(self):
        from . import receivers

        receivers.connect()
