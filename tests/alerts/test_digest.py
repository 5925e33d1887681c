"""The alert digest: new items that match a saved search reach its reader by email, once, with absolute links."""

import smtplib

import pytest

from django.core import mail
from django.core.mail import EmailMultiAlternatives

from wagtail.models import Site

from alerts.models import SavedSearch, SentItem
from kb.models import Pole
from tests.people import person
from tests.search.support import committed, practice

from .support import digest_to, html_of, later, publish, published_long_ago, saved_search, send_alerts

pytestmark = pytest.mark.django_db
SITE = "https://ressources.ess-nantes.example"


@pytest.fixture(autouse=True)
def public_address(db):
    Site.objects.filter(is_default_site=True).update(hostname="ressources.ess-nantes.example", port=443)


@pytest.fixture
def tree(site_tree):
    """The archive as it stood before the searches were saved: a cooperative and a garden, published last month."""
    publish(site_tree.practice_index, "Une ancienne coopérative d’habitants", date=None)
    publish(site_tree.practice_index, "Un vieux jardin partagé")
    published_long_ago()
    return site_tree


@pytest.fixture
def researcher(db):
    return person("chercheuse")


def test_a_new_matching_item_is_emailed_to_the_reader_of_the_saved_search(tree, researcher):
    saved_search(researcher, "q=coopérative", name="Coopératives")
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")
    publish(tree.practice_index, "Un jardin partagé à Saint-Herblain")

    send_alerts()

    message = digest_to(researcher.email)
    assert "Coopératives" in message.body
    assert "La coopérative d’habitants de Rezé" in message.body
    assert "jardin" not in message.body
    assert "1 nouveauté" in message.subject


def test_the_first_digest_holds_no_item_that_was_in_the_archive_before_the_search_was_saved(tree, researcher):
    saved_search(researcher, "", name="Toute l’archive")

    send_alerts()

    assert digest_to(researcher.email) is None
    assert SavedSearch.objects.get().checked_at is not None


def test_an_item_is_never_emailed_twice_to_the_same_reader(tree, researcher):
    saved_search(researcher, "q=coopérative")
    page = publish(tree.practice_index, "La coopérative d’habitants de Rezé")
    send_alerts()
    assert digest_to(researcher.email) is not None

    mail.outbox.clear()
    later(days=2)
    with committed():
        page.summary = "Mis à jour après l’alerte."
        page.save_revision().publish()
    send_alerts()

    assert digest_to(researcher.email) is None


def test_editing_an_old_item_or_rebuilding_the_records_makes_nothing_news(tree, researcher):
    old = tree.practice_index.get_children().first().specific
    saved_search(researcher, "q=coopérative")
    with committed():
        old.summary = "Relu par les documentalistes."
        old.save_revision().publish()

    send_alerts()

    assert digest_to(researcher.email) is None


def test_a_draft_begun_before_the_search_was_saved_is_news_when_it_is_published(tree, researcher):
    draft = practice(tree.practice_index, "Brouillon : une coopérative d’habitants", live=False)
    saved_search(researcher, "q=coopérative")
    with committed():
        draft.save_revision().publish()

    send_alerts()

    assert "Brouillon : une coopérative d’habitants" in digest_to(researcher.email).body


def test_links_in_the_digest_are_absolute_on_the_sites_public_address(tree, researcher):
    search = saved_search(researcher, "q=coopérative")
    page = publish(tree.practice_index, "La coopérative d’habitants de Rezé")

    send_alerts()

    message = digest_to(researcher.email)
    html = html_of(message)
    assert f'href="{SITE}{page.url}"' in html
    assert f"{SITE}/recherche/?q=coop%C3%A9rative&amp;sort=newest" in html
    assert f"{SITE}/compte/alertes/arreter/" in html
    assert f"{SITE}{page.url}" in message.body
    assert "127.0.0.1" not in html and "localhost" not in html
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/compte/alertes/arreter/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert search.name in html


def test_kb_site_url_names_the_address_when_set(tree, researcher, settings):
    settings.KB_SITE_URL = "https://kb.ess.example/"
    saved_search(researcher, "q=coopérative")
    page = publish(tree.practice_index, "La coopérative d’habitants de Rezé")

    send_alerts()

    assert f"https://kb.ess.example{page.url}" in digest_to(researcher.email).body


def test_one_email_per_reader_groups_their_searches_and_lists_an_item_once(tree, researcher):
    saved_search(researcher, "q=coopérative", name="Coopératives")
    saved_search(researcher, "q=habitants", name="Habitants")
    saved_search(researcher, "q=jardin", name="Jardins")
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")
    publish(tree.practice_index, "Les habitants du quartier Malakoff")

    send_alerts()

    body = digest_to(researcher.email).body
    assert body.count("La coopérative d’habitants de Rezé") == 1
    assert "Les habitants du quartier Malakoff" in body
    assert "Jardins" not in body
    assert SentItem.objects.filter(saved_search__name="Habitants").count() == 2


def test_a_digest_shows_twenty_items_of_a_search_and_links_to_the_others(tree, researcher):
    saved_search(researcher, "q=coopérative")
    for number in range(23):
        publish(tree.practice_index, f"Coopérative numéro {number}")

    send_alerts()

    message = digest_to(researcher.email)
    assert message.body.count("Coopérative numéro") == 20
    assert "et 3 autres nouveautés" in message.body
    assert "23 nouveautés" in message.subject
    assert SentItem.objects.count() == 23


def test_a_search_is_emailed_at_its_frequency(tree, researcher):
    daily = saved_search(researcher, "q=coopérative", name="Chaque jour", saved_days_ago=1)
    weekly = saved_search(researcher, "q=habitants", name="Chaque semaine", frequency="weekly", saved_days_ago=3)
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")

    send_alerts("--frequency", "weekly")
    assert not mail.outbox

    send_alerts()
    assert "Chaque jour" in digest_to(researcher.email).body
    daily.refresh_from_db()
    weekly.refresh_from_db()
    assert daily.last_sent_at is not None
    assert weekly.checked_at is None


def test_a_search_without_alerts_is_never_emailed(tree, researcher):
    saved_search(researcher, "q=coopérative", frequency="none")
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")

    send_alerts()

    assert not mail.outbox


def test_a_dry_run_says_what_would_be_sent_and_sends_nothing(tree, researcher):
    saved_search(researcher, "q=coopérative")
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")

    output = send_alerts("--dry-run")

    assert "chercheuse@ess-nantes.example : 1 nouveauté dans 1 recherche" in output
    assert "Simulation" in output
    assert not mail.outbox
    assert not SentItem.objects.exists()
    send_alerts()
    assert digest_to(researcher.email) is not None


def test_an_inactive_reader_or_one_without_an_address_gets_nothing(tree, researcher):
    gone = person("ancien-compte")
    gone.is_active = False
    gone.save()
    silent = person("sans-adresse")
    silent.email = ""
    silent.save()
    for reader in (gone, silent):
        saved_search(reader, "q=coopérative")
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")

    output = send_alerts()

    assert not mail.outbox
    assert "2 lecteurs sans adresse ou désactivés" in output


def test_a_failed_email_does_not_stop_the_other_readers_and_is_sent_next_time(tree, researcher, monkeypatch, caplog):
    other = person("autre-chercheur")
    saved_search(researcher, "q=coopérative")
    saved_search(other, "q=coopérative")
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")
    send = EmailMultiAlternatives.send

    def refuse_the_researcher(message, *args, **kwargs):
        if message.to == [researcher.email]:
            raise smtplib.SMTPRecipientsRefused({researcher.email: (550, b"mailbox unavailable")})
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse_the_researcher)
    output = send_alerts()

    assert digest_to(other.email) is not None
    assert "1 échec d’envoi" in output
    assert f"alert digest to user {researcher.pk}" in caplog.text
    monkeypatch.setattr(EmailMultiAlternatives, "send", send)
    mail.outbox.clear()
    send_alerts()
    assert digest_to(researcher.email) is not None
    assert digest_to(other.email) is None


def test_a_search_whose_pole_was_deleted_sends_nothing_rather_than_everything(tree, researcher):
    Pole.objects.create(name="Mobilité", slug="mobilite")
    saved_search(researcher, "pole=mobilite")
    Pole.objects.filter(slug="mobilite").delete()
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")

    send_alerts()

    assert not mail.outbox


def test_the_summary_line_says_in_french_what_was_done(tree, researcher):
    saved_search(researcher, "q=coopérative")
    publish(tree.practice_index, "La coopérative d’habitants de Rezé")

    output = send_alerts()

    assert "1 courriel envoyé (1 nouveauté), 1 recherche vérifiée pour 1 lecteur" in output
