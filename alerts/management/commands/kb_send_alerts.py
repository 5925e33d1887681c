"""manage.py kb_send_alerts: email each reader what their due saved searches have new (for cron or a task runner).

Run it once a day: daily searches are due a day after their last check, weekly ones a week after, both less
three hours (alerts.news.MARGIN), so a cron line that starts a little early or late still finds them due.
Two runs never send at once (alerts.tasks.exclusive); `--background` leaves the sending to the worker.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.digest import send_alerts
from alerts.models import Frequency
from alerts.tasks import LOCK_NAME, exclusive, send_alert_digests


class Command(BaseCommand):
    help = "Envoie par courriel les nouveautés des recherches enregistrées dont l’alerte est due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[Frequency.DAILY, Frequency.WEEKLY],
            help="Seulement les alertes quotidiennes (daily) ou hebdomadaires (weekly) ; par défaut les deux.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Dit ce qui serait envoyé, sans rien envoyer ni enregistrer."
        )
        parser.add_argument(
            "--background", action="store_true", help="Confie l’envoi au processus de fond (kb_worker) et rend la main."
        )

    def handle(self, *args, frequency=None, dry_run=False, background=False, **options):
        if background and not dry_run:
            send_alert_digests.enqueue(frequency)
            self.stdout.write(self.style.SUCCESS("Envoi des alertes confié au processus de fond."))
            return
        with exclusive(LOCK_NAME) as acquired:
            if not acquired and not dry_run:
                self.stdout.write(self.style.ERROR("Un envoi des alertes est déjà en cours : rien n’est envoyé."))
                return
            report = send_alerts(timezone.now(), frequency=frequency, dry_run=dry_run)
        self.summarise(report, dry_run)

    def summarise(self, report, dry_run):
        for email, items, searches in report.previews:
            self.stdout.write(f"{email} : {news(items)} dans {count(searches, 'recherche', 'recherches')}")
        prefix = "Simulation, rien n’est envoyé : " if dry_run else ""
        sent = "à envoyer" if dry_run else ("envoyé" if report.emails <= 1 else "envoyés")
        summary = (
            f"{prefix}{count(report.emails, 'courriel', 'courriels')} {sent} ({news(report.items)}), "
            f"{count(report.checked, 'recherche vérifiée', 'recherches vérifiées')} "
            f"pour {count(report.readers, 'lecteur', 'lecteurs')} ; "
            f"{count(report.failed, 'échec', 'échecs')} d’envoi, "
            f"{count(report.skipped, 'lecteur sans adresse ou désactivé', 'lecteurs sans adresse ou désactivés')}."
        )
        self.stdout.write(self.style.ERROR(summary) if report.failed else self.style.SUCCESS(summary))


def count(number, singular, plural):
    """« 0 recherche », « 1 recherche », « 2 recherches »: French counts 0 and 1 as singular.

    The command speaks French only (its strings are not in a catalogue), so ngettext would apply English's rule.
    """
    return f"{number} {singular if number <= 1 else plural}"


def news(number):
    return count(number, "nouveauté", "nouveautés")
