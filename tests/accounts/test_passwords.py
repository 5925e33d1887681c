"""Passwords: a forgotten one is replaced through a French email linking to the site's own address; or changed."""

import re

from django.core import mail
from django.urls import reverse

LINK = re.compile(r"https?://\S+")
NEW = "Un-Nouveau-Depart-44"


def ask_for_a_link(client, email):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def test_a_forgotten_password_is_replaced_through_the_emailed_link(client, site_tree, reader):
    response = ask_for_a_link(client, "LECTEUR@ess-nantes.example")
    assert response.url == reverse("accounts:password_reset_done")
    [email] = mail.outbox
    assert email.to == ["lecteur@ess-nantes.example"]
    assert "Votre mot de passe" in email.subject and "pour le compte « lecteur »" in email.body
    [link] = LINK.findall(email.body)
    assert link.startswith("http://testserver/compte/mot-de-passe/nouveau/")
    form_page = client.get(link, follow=True)
    assert "Choisir un nouveau mot de passe" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "Un-Nouveau-Depart-44", "new_password2": "Un-Nouveau-Depart-44"})
    assert done.url == reverse("accounts:password_reset_complete")
    reader.refresh_from_db()
    assert reader.check_password("Un-Nouveau-Depart-44")


def test_the_link_builds_on_the_address_the_site_was_reached_at(client, site_tree, reader, settings):
    settings.ALLOWED_HOSTS = ["ressources.ess-nantes.example"]
    client.post(
        reverse("accounts:password_reset"),
        {"email": reader.email},
        HTTP_HOST="ressources.ess-nantes.example",
        secure=True,
    )
    assert "https://ressources.ess-nantes.example/compte/mot-de-passe/nouveau/" in mail.outbox[0].body


def test_a_used_link_is_refused_with_a_french_page(client, site_tree, reader):
    ask_for_a_link(client, reader.email)
    [link] = LINK.findall(mail.outbox[0].body)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "Un-Nouveau-Depart-44", "new_password2": "Un-Nouveau-Depart-44"})
    assert "Ce lien ne vaut plus" in client.get(link, follow=True).content.decode()


def test_a_garbage_link_is_refused_with_a_french_page(client, site_tree):
    content = client.get("/compte/mot-de-passe/nouveau/Mg/pas-un-jeton/").content.decode()
    assert "Ce lien ne vaut plus" in content


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, site_tree):
    response = ask_for_a_link(client, "personne@nulle-part.example")
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_a_weak_new_password_is_refused_in_french(client, site_tree, reader):
    ask_for_a_link(client, reader.email)
    [link] = LINK.findall(mail.outbox[0].body)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    content = client.post(set_url, {"new_password1": "azerty", "new_password2": "azerty"}).content.decode()
    assert 'role="alert"' in content and "trop courant" in content


def test_a_signed_in_person_changes_their_password_from_mon_espace(client, site_tree, reader):
    client.force_login(reader)
    assert reverse("accounts:password_change") in client.get(reverse("accounts:home")).content.decode()
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "x" * 12, "new_password1": "Un-Nouveau-Depart-44", "new_password2": "Un-Nouveau-Depart-44"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:home")
    assert "Votre mot de passe est changé." in response.content.decode()
    assert client.session["_auth_user_id"] == str(reader.pk)


def test_changing_the_password_needs_the_current_one(client, site_tree, reader):
    client.force_login(reader)
    content = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "pas-le-bon",
            "new_password1": "Un-Nouveau-Depart-44",
            "new_password2": "Un-Nouveau-Depart-44",
        },
    ).content.decode()
    assert 'aria-invalid="true"' in content
    reader.refresh_from_db()
    assert reader.check_password("x" * 12)
