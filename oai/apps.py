from django.apps import AppConfig


class OaiConfig(AppConfig):
    name = "oai"
    label = "oai"
    verbose_name = "Moissonnage OAI-PMH"

    def ready(self):
        from search.events import records_changed

        from .tracking import records_changed as reconcile_changed

        records_changed.connect(reconcile_changed, dispatch_uid="oai_records_changed")
