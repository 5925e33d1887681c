"""Self-registration: an inactive account until the emailed link confirms it; one account per address, never told."""

import re

import pytest

from django.contrib.auth.models import User
from django.core import mail, signing
from django.urls import reverse

from accounts.activation import activation_token
from tests.people import person

LINK = re.compile(r"https?://\S+")
PASSWORD = "Lire-les-archives-44"


def register(client, email="marie.dupont@univ-nantes.example", **fields):
    data = {"email": email, "first_name": "Marie", "last_name": "Dupont", "password1": PASSWORD, "password2": PASSWORD}
    return client.post(reverse("accounts:register"), {**data, **fields})


def emailed_link(client):
    return LINK.findall(mail.outbox[-1].body)[0]


def test_registering_creates_an_inactive_account_in_no_group_and_emails_its_link(client, site_tree):
    response = register(client, email="Marie.Dupont@Univ-Nantes.example")
    assert response.url == reverse("accounts:registration_sent")
    user = User.objects.get(email="marie.dupont@univ-nantes.example")
    assert user.username == "marie.dupont@univ-nantes.example"
    assert not user.is_active and not user.groups.exists() and not user.is_staff
    [email] = mail.outbox
    assert email.to == ["marie.dupont@univ-nantes.example"] and "Confirmez votre compte" in email.subject
    assert emailed_link(client).startswith("http://testserver/compte/activation/")


def test_the_emailed_link_activates_the_account_and_signs_it_in(client, site_tree):
    register(client)
    link = emailed_link(client)
    page = client.get(link)
    assert "Activer mon compte" in page.content.decode()
    assert not User.objects.get(email="marie.dupont@univ-nantes.example").is_active  # a GET changes nothing
    response = client.post(link, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:home")
    assert "Votre compte est activé" in response.content.decode()
    user = User.objects.get(email="marie.dupont@univ-nantes.example")
    assert user.is_active and client.session["_auth_user_id"] == str(user.pk)


def test_the_new_account_signs_in_with_its_address(client, site_tree):
    register(client)
    client.post(emailed_link(client))
    client.post(reverse("accounts:logout"))
    credentials = {"username": "marie.dupont@univ-nantes.example", "password": PASSWORD}
    response = client.post(reverse("accounts:login"), credentials)
    assert response.status_code == 302


def test_a_used_link_says_the_account_is_already_active(client, site_tree):
    register(client)
    link = emailed_link(client)
    client.post(link)
    content = client.get(link).content.decode()
    assert "Ce compte est déjà actif" in content


def test_an_expired_link_is_refused_with_a_way_to_get_another(client, site_tree, settings):
    register(client)
    link = emailed_link(client)
    settings.PASSWORD_RESET_TIMEOUT = -1
    response = client.post(link)
    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()
    assert not User.objects.get(email="marie.dupont@univ-nantes.example").is_active


@pytest.mark.parametrize("token", ["n-importe-quoi", "eyJ1c2VyIjoxfQ:1vAbCd:Zm9yZ2Vk"])
def test_a_garbage_or_forged_link_is_refused_in_french(client, site_tree, token):
    response = client.get(reverse("accounts:activate", args=[token]))
    assert response.status_code == 400
    assert "Ce lien ne fonctionne pas" in response.content.decode()


def test_a_link_cannot_reopen_an_account_the_team_closed(client, site_tree):
    user = person("ancien@univ-nantes.example")
    closed = User.objects.filter(pk=user.pk)
    closed.update(is_active=False, last_login="2025-01-01T00:00Z", email="ancien@univ-nantes.example")
    response = client.post(reverse("accounts:activate", args=[activation_token(closed.get())]))
    assert response.status_code == 400
    assert not closed.get().is_active


def test_a_link_for_another_address_of_the_account_is_refused(client, site_tree):
    register(client)
    token = signing.dumps({"user": User.objects.get().pk, "email": "autre@pirate.example"}, salt="accounts.activation")
    assert client.post(reverse("accounts:activate", args=[token])).status_code == 400


def test_the_same_address_cannot_register_twice_and_the_form_does_not_tell(client, site_tree):
    person("marie.dupont")
    User.objects.filter(username="marie.dupont").update(email="Marie.Dupont@univ-nantes.example")
    first_answer = register(client)
    assert first_answer.url == reverse("accounts:registration_sent")
    assert User.objects.filter(email__iexact="marie.dupont@univ-nantes.example").count() == 1
    [email] = mail.outbox
    assert "Vous avez déjà un compte" in email.subject
    assert "/compte/mot-de-passe/oublie/" in email.body


def test_registering_again_before_confirming_sends_a_new_link_to_the_same_account(client, site_tree):
    register(client)
    register(client, email="MARIE.DUPONT@univ-nantes.example")
    assert User.objects.count() == 1
    assert len(mail.outbox) == 2 and "Confirmez votre compte" in mail.outbox[1].subject


def test_passwords_go_through_djangos_validators_in_french(client, site_tree):
    content = register(client, password1="dupont2024", password2="dupont2024").content.decode()
    assert 'role="alert"' in content
    assert "trop semblable" in content or "trop courant" in content
    assert not User.objects.exists() and mail.outbox == []


def test_two_different_passwords_are_refused(client, site_tree):
    content = register(client, password2="Autre-chose-44").content.decode()
    assert 'aria-invalid="true"' in content and not User.objects.exists()


def test_an_invalid_address_is_refused(client, site_tree):
    content = register(client, email="pas-une-adresse").content.decode()
    assert 'id="id_email_error"' in content and not User.objects.exists()


def test_the_email_server_down_gives_a_french_message_not_an_error(client, site_tree, settings):
    settings.EMAIL_BACKEND = "tests.accounts.test_registration.RefusingBackend"
    response = register(client)
    assert response.status_code == 200
    assert "n’a pas pu partir" in response.content.decode()


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_closed_registration_says_so_in_french_and_creates_nothing(client, site_tree, settings):
    settings.KB_SELF_REGISTRATION = False
    page = client.get(reverse("accounts:register"))
    assert page.status_code == 403
    assert "Les inscriptions sont fermées" in page.content.decode()
    assert register(client).status_code == 403
    assert not User.objects.exists() and mail.outbox == []
