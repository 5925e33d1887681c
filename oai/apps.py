from django.apps import AppConfig


class OaiConfig(AppConfig):
    name = "oai"
    label = "oai"
    verbose_name = "Moissonnage OAI-PMH"

    def ready(self):
        from search.events import records_changed

        from .tracking import follow_records

        records_changed.connect(follow_records, dispatch_uid="oai_records_changed")
