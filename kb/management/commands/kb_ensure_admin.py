import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEV_USERNAME = "admin"
DEV_PASSWORD = "ess-nantes-2026"  # noqa: S105 - documented development credential, see README


class Command(BaseCommand):
    help = (
        "Crée le compte administrateur s'il n'existe pas (KB_ADMIN_USERNAME, KB_ADMIN_PASSWORD, "
        "KB_ADMIN_EMAIL ; à défaut, les identifiants de développement du README). Ne modifie jamais un compte existant."
    )

    def handle(self, *args, **options):
        username = os.environ.get("KB_ADMIN_USERNAME", DEV_USERNAME)
        password = os.environ.get("KB_ADMIN_PASSWORD", DEV_PASSWORD)
        email = os.environ.get("KB_ADMIN_EMAIL", "admin@example.org")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Le compte « {username} » existe déjà : inchangé.")
            return
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(f"Compte administrateur « {username} » créé.")
