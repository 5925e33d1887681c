from django.apps import AppConfig


class OaiConfig(AppConfig):
    name = "oai"
    label = "oai"
    verbose_name = "Moissonnage OAI-PMH"
