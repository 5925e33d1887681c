"""The way in: the sign-in page in the site's layout, the header's account links, sign-out, and where people land."""

import pytest

from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from resources.factories import ArchiveDocumentFactory
from tests.people import documentalists, person, private_collection

LOGIN = "/compte/connexion/"


def sign_in(client, username="lecteur", password="x" * 12, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_the_sign_in_page_is_french_and_accessible_in_the_site_layout(client, site_tree):
    content = client.get(LOGIN).content.decode()
    assert '<main id="contenu"' in content
    assert "<h1>Se connecter</h1>" in content
    assert '<label for="id_username">Adresse e-mail ou identifiant</label>' in content
    assert 'autocomplete="username"' in content and 'autocomplete="current-password"' in content
    assert "Mot de passe oublié ?" in content and reverse("accounts:password_reset") in content


def test_a_wrong_password_is_announced_on_the_fields(client, site_tree, reader):
    content = sign_in(client, password="pas-le-bon").content.decode()
    assert 'role="alert"' in content
    assert "Identifiant ou mot de passe incorrect" in content
    assert "_auth_user_id" not in client.session


def test_a_missing_field_is_marked_invalid_and_described(client, site_tree):
    content = client.post(LOGIN, {"username": "", "password": "x"}).content.decode()
    assert 'aria-invalid="true"' in content
    assert 'aria-describedby="id_username_helptext id_username_error"' in content
    assert 'id="id_username_error"' in content


def test_signing_in_leads_to_mon_espace_and_signing_out_back_home(client, site_tree, reader):
    response = sign_in(client)
    assert response.status_code == 302 and response.url == reverse("accounts:home")
    assert client.session["_auth_user_id"] == str(reader.pk)
    response = client.post(reverse("accounts:logout"), follow=True)
    assert "_auth_user_id" not in client.session
    assert response.redirect_chain[-1][0] == "/"
    assert "Déconnexion effectuée" in response.content.decode()


def test_sign_in_brings_the_reader_back_to_the_page_they_came_from(client, site_tree, reader):
    response = sign_in(client, next=site_tree.research_index.url)
    assert response.url == site_tree.research_index.url


@pytest.mark.parametrize("outside", ["https://pirate.example/", "//pirate.example/x", "https:/pirate.example"])
def test_an_outside_next_is_ignored(client, site_tree, reader, outside):
    assert f'value="{outside}"' not in client.get(LOGIN, {"next": outside}).content.decode()
    assert sign_in(client, next=outside).url == reverse("accounts:home")


def test_an_email_address_signs_in_whatever_its_case(client, site_tree):
    person("marie.dupont@univ-nantes.example")
    assert sign_in(client, username="  Marie.Dupont@Univ-Nantes.example ").status_code == 302


def test_an_unconfirmed_account_is_told_to_open_its_link_only_with_the_right_password(client, site_tree, reader):
    reader.is_active = False
    reader.save()
    assert "attend encore sa confirmation" in sign_in(client).content.decode()
    assert "attend encore sa confirmation" not in sign_in(client, password="pas-le-bon").content.decode()


def test_signing_out_takes_a_post_with_its_csrf_token(site_tree, reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    assert client.post(reverse("accounts:logout")).status_code == 403
    page = client.get(reverse("accounts:logout"))
    assert page.status_code == 200 and "Se déconnecter" in page.content.decode()
    assert "_auth_user_id" in client.session


def test_the_header_invites_anonymous_visitors_to_sign_in_and_come_back(client, site_tree):
    content = client.get(site_tree.research_index.url).content.decode()
    assert f'href="{LOGIN}?{urlencode({"next": site_tree.research_index.url})}"' in content
    assert "Se déconnecter" not in content


def test_the_header_names_the_signed_in_person_with_mon_espace_and_a_sign_out_button(client, site_tree):
    awa = person("awa")
    awa.first_name, awa.last_name = "Awa", "Diallo"
    awa.save()
    client.force_login(awa)
    content = client.get(site_tree.home.url).content.decode()
    assert "Awa Diallo" in content and 'href="/compte/"' in content
    assert f'action="{reverse("accounts:logout")}"' in content and 'name="csrfmiddlewaretoken"' in content
    assert f"{LOGIN}?next=" not in content


def test_the_header_falls_back_on_the_username_without_a_name(client, site_tree, reader):
    client.force_login(reader)
    assert '<span class="account-bar__name">lecteur</span>' in client.get(site_tree.home.url).content.decode()


def test_an_anonymous_visit_to_a_du_course_lands_on_the_sign_in_page_saying_why(client, du):
    response = client.get(du.course.url)
    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={du.course.url}"
    content = client.get(response.url).content.decode()
    assert "Cette page est réservée aux personnes connectées" in content
    assert f'name="next" value="{du.course.url}"' in content


def test_the_sign_in_page_says_nothing_of_restrictions_for_a_public_page(client, site_tree):
    content = client.get(LOGIN, {"next": site_tree.research_index.url}).content.decode()
    assert "réservée aux personnes connectées" not in content


def test_a_student_signing_in_from_a_course_reaches_it(client, du):
    response = sign_in(client, username="etudiante", next=du.course.url)
    assert response.url == du.course.url
    assert client.get(du.course.url).status_code == 200


def test_a_signed_in_reader_sent_back_from_a_course_is_told_it_is_for_others(client, du, reader):
    client.force_login(reader)
    login = client.get(du.course.url)
    assert login.url.startswith(LOGIN)
    assert "réservée à d’autres personnes" in client.get(login.url).content.decode()


def test_wagtails_bare_sign_in_address_leads_to_ours(client, site_tree):
    response = client.get("/_util/login/?next=/du-ess/")
    assert response.status_code == 302 and response.url == f"{LOGIN}?next=/du-ess/"


def test_self_registration_is_offered_only_when_open(client, site_tree, settings):
    assert reverse("accounts:register") in client.get(LOGIN).content.decode()
    settings.KB_SELF_REGISTRATION = False
    assert reverse("accounts:register") not in client.get(LOGIN).content.decode()


def test_case_variants_of_an_address_share_one_lockout_count(client, site_tree, settings):
    person("marie@univ-nantes.example")
    variants = ["MARIE@univ-nantes.example", "Marie@Univ-Nantes.example", "marie@UNIV-NANTES.EXAMPLE"]
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, username=variants[attempt % len(variants)], password="pas-le-bon")
    response = sign_in(client, username="marie@univ-nantes.example")
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_private_document_sends_anonymous_visitors_to_the_sign_in_page_saying_why(client, site_tree):
    document = ArchiveDocumentFactory(title="Support de cours", collection=private_collection("DU", documentalists()))
    response = client.get(document.url)
    assert response.status_code == 302 and response.url.startswith(f"{LOGIN}?next=/documents/{document.pk}/")
    assert "Cette page est réservée aux personnes connectées" in client.get(response.url).content.decode()


@pytest.mark.parametrize("target", ["/documents/999999/absent.pdf", "/pas-une-page/", "/du-ess/%ff/", "/compte/"])
def test_a_next_leading_nowhere_known_just_signs_in(client, site_tree, target):
    response = client.get(LOGIN, {"next": target})
    assert response.status_code == 200
    assert "réservée aux personnes connectées" not in response.content.decode()
