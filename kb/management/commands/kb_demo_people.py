"""One account per role on the demo archive, so a newcomer running `make run` can try the site as each person.

Development only: the passwords are the README's, so the command refuses to run with DEBUG off.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from kb.demo.content.taxonomy import STUDENTS_PROMOTION
from kb.management.commands.kb_ensure_admin import DEV_PASSWORD
from kb.models import Pole
from kb.roles import DOCUMENTALISTS
from resources.models import DUCohort

# username, first name, last name, what the account shows
PEOPLE = (
    ("etudiante", "Camille", "Martin", "étudiante du DU ESS (promotion de la démonstration)"),
    ("animatrice", "Jeanne", "Leroux", "animatrice du premier pôle qui a une section"),
    ("documentaliste", "Malik", "Benali", "documentaliste (relit et publie)"),
    ("lectrice", "Awa", "Diallo", "lectrice inscrite, sans groupe"),
)


class Command(BaseCommand):
    help = (
        "Crée, s'ils manquent, les comptes de démonstration d'une étudiante du DU, d'une animatrice, d'un "
        "documentaliste et d'une lectrice (mot de passe de développement du README, ou KB_DEMO_PASSWORD). "
        "Ne fait rien hors développement (DEBUG=0). Ne modifie jamais un compte existant."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            # Not an error: `make setup` runs this on every machine, and a production one must simply get none.
            self.stdout.write(
                "Comptes de démonstration non créés hors développement (DEBUG=0) : leur mot de passe est public."
            )
            return
        password = os.environ.get("KB_DEMO_PASSWORD", DEV_PASSWORD)
        groups = self.groups()
        User = get_user_model()
        for username, first_name, last_name, role in PEOPLE:
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"Le compte « {username} » existe déjà : inchangé.")
                continue
            group = groups.get(username)
            if group is None and username != "lectrice":
                self.stdout.write(f"Compte « {username} » non créé : chargez d'abord la démonstration (kb_demo).")
                continue
            user = User.objects.create_user(
                username, f"{username}@demo.ess-nantes.example", password, first_name=first_name, last_name=last_name
            )
            if group is not None:
                user.groups.add(group)
            self.stdout.write(f"Compte « {username} » créé : {role}.")

    def groups(self):
        cohort = DUCohort.objects.filter(promotion=STUDENTS_PROMOTION).first()
        pole = Pole.objects.filter(animators__isnull=False).order_by("name").first()
        return {
            "etudiante": cohort.group if cohort else None,
            "animatrice": pole.animators if pole else None,
            "documentaliste": Group.objects.filter(name=DOCUMENTALISTS).first(),
        }
