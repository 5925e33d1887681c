"""Two-factor authentication for staff: enrolment, the code asked before the admin, recovery codes, throttling.

Codes come from django-otp's own TOTP computation on the device's key, as an authenticator app would show them.
"""

import datetime
import logging
import time
from unittest import mock

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.two_factor import devices
from accounts.two_factor.wagtail_hooks import security_panel
from tests.people import documentalists, person

ADMIN = "/admin/"
ENABLE = "/compte/securite/activer/"
VERIFY = "/compte/securite/verification/"
CODES = "/compte/securite/codes-de-secours/"
DISABLE = "/compte/securite/desactiver/"
PASSWORD = "x" * 12


def app_code(device, steps_ahead=0):
    """The code the person's authenticator app shows now (or `steps_ahead` periods of 30 s later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enrolled(user):
    """A person who set up an app and received their recovery codes."""
    app = TOTPDevice.objects.create(user=user, name=devices.APP_DEVICE_NAME, confirmed=True)
    return app, devices.new_recovery_codes(user)


@pytest.fixture
def superuser(db):
    return person("admin", superuser=True)


@pytest.fixture
def documentalist(db):
    return person("documentaliste", documentalists())


@pytest.fixture
def animator(site_tree):
    site_tree.pole.refresh_from_db()
    return person("animatrice", site_tree.pole.animators)


def after_the_wait():
    """A minute from now: longer than django-otp's wait after the wrong codes of a test."""
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(minutes=1))


def signed_in(client, user):
    client.force_login(user)
    return client


# Enrolment


def test_enrolment_page_shows_a_qr_code_and_the_key_to_type_instead(client, animator):
    response = signed_in(client, animator).get(ENABLE)
    page = response.content.decode()
    device = TOTPDevice.objects.get(user=animator, confirmed=False)
    assert response.status_code == 200
    assert "<svg" in page and 'class="two-factor__qr-code"' in page
    assert devices.secret_for_manual_entry(device) in page
    assert client.get(ENABLE).content.decode().count(devices.secret_for_manual_entry(device)) == 1, "same key on reload"


def test_a_valid_first_code_confirms_the_app_and_shows_ten_recovery_codes_once(client, animator):
    signed_in(client, animator).get(ENABLE)
    device = TOTPDevice.objects.get(user=animator)
    response = client.post(ENABLE, {"code": app_code(device), "next": ADMIN})
    assert response.status_code == 302 and response.url.startswith(CODES)
    device.refresh_from_db()
    assert device.confirmed
    page = client.get(response.url).content.decode()
    codes = StaticToken.objects.filter(device__user=animator).values_list("token", flat=True)
    assert len(codes) == devices.RECOVERY_CODE_COUNT
    assert all(f"<code>{code}</code>" in page for code in codes)
    assert f'href="{ADMIN}"' in page, "continues where the person was going"
    assert not any(code in client.get(CODES).content.decode() for code in codes), "shown once only"
    assert client.get(ADMIN).status_code == 200, "the enrolment proved the device for this session"


def test_a_wrong_first_code_is_refused_with_a_french_error_and_a_log_line(client, animator, caplog):
    signed_in(client, animator).get(ENABLE)
    with caplog.at_level(logging.WARNING, logger="accounts.two_factor.forms"):
        response = client.post(ENABLE, {"code": "000000"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ce code n’est pas valide" in page and 'role="alert"' in page and 'aria-invalid="true"' in page
    assert not devices.is_active(animator)
    assert f"user {animator.pk}: wrong code" in caplog.text


@pytest.mark.parametrize("page", [ENABLE, VERIFY, CODES, DISABLE])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, page):
    response = client.get(page)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_readers_cannot_set_up_a_second_factor(client, db):
    reader = person("lectrice")
    assert signed_in(client, reader).get(ENABLE).status_code == 403
    assert not TOTPDevice.objects.filter(user=reader).exists()
    assert security_panel(panel_request(reader)) is None


def test_a_new_app_replaces_the_old_one_and_keeps_the_recovery_codes(client, animator):
    old_app, codes = enrolled(animator)
    signed_in(client, animator)
    client.post(VERIFY, {"code": app_code(old_app)})
    client.get(ENABLE)
    new_app = TOTPDevice.objects.get(user=animator, confirmed=False)
    response = client.post(ENABLE, {"code": app_code(new_app)})
    assert response.status_code == 302 and response.url == reverse("accounts:two_factor")
    assert list(TOTPDevice.objects.filter(user=animator)) == [new_app]
    assert devices.recovery_codes_left(animator) == len(codes)
    assert client.get(ADMIN).status_code == 200


def test_setting_up_a_new_app_first_asks_the_code_of_the_current_one(client, animator):
    enrolled(animator)
    response = signed_in(client, animator).get(ENABLE)
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert not TOTPDevice.objects.filter(user=animator, confirmed=False).exists()


# The code before the admin


def test_the_admin_asks_a_person_with_an_app_for_the_code_until_given(client, animator):
    app, _ = enrolled(animator)
    response = signed_in(client, animator).get(ADMIN + "pages/")
    assert response.status_code == 302 and response.url == f"{VERIFY}?next=/admin/pages/"
    response = client.post(response.url, {"code": app_code(app), "next": "/admin/pages/"})
    assert response.status_code == 302 and response.url == "/admin/pages/"
    assert client.get(ADMIN).status_code == 200


def test_signing_in_on_the_admin_login_page_leads_to_the_code_page(client, animator):
    enrolled(animator)
    response = client.post(reverse("wagtailadmin_login"), {"username": "animatrice", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert "Vérification en deux étapes" in response.content.decode()


def test_a_wrong_code_leaves_the_admin_closed(client, animator, caplog):
    enrolled(animator)
    with caplog.at_level(logging.WARNING, logger="accounts.two_factor.forms"):
        response = signed_in(client, animator).post(VERIFY, {"code": "123456"})
    assert "Ce code n’est pas valide" in response.content.decode()
    assert "wrong code" in caplog.text
    assert client.get(ADMIN).status_code == 302


def test_a_recovery_code_opens_the_admin_once_only(client, animator):
    _, codes = enrolled(animator)
    response = signed_in(client, animator).post(VERIFY, {"code": codes[0].upper(), "next": ADMIN})
    assert response.status_code == 302 and response.url == ADMIN
    assert devices.recovery_codes_left(animator) == len(codes) - 1
    client.logout()
    response = signed_in(client, animator).post(VERIFY, {"code": codes[0]})
    assert "Ce code n’est pas valide" in response.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_the_code_page_never_sends_people_to_another_site(client, animator):
    app, _ = enrolled(animator)
    response = signed_in(client, animator).post(VERIFY, {"code": app_code(app), "next": "https://ailleurs.example/"})
    assert response.url == reverse("wagtailadmin_home")


def test_a_burst_of_wrong_codes_refuses_even_the_right_one_until_the_wait_is_over(client, animator):
    app, codes = enrolled(animator)
    assert app.throttling_enabled, "django-otp's throttling must stay on"
    signed_in(client, animator)
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        answers = [client.post(VERIFY, {"code": f"{n:06d}"}).content.decode() for n in range(5)]
        right_code = client.post(VERIFY, {"code": app_code(app)}).content.decode()
        recovery_code = client.post(VERIFY, {"code": codes[0]}).content.decode()
    assert all("patientez" in answer for answer in answers[1:])
    assert "patientez" in right_code and "patientez" in recovery_code
    assert client.get(ADMIN).status_code == 302
    with after_the_wait():
        assert client.post(VERIFY, {"code": app_code(app)}).status_code == 302
    assert client.get(ADMIN).status_code == 200


# Who must have a second factor


@pytest.mark.parametrize("role", ["superuser", "documentalist"])
@override_settings(KB_REQUIRE_STAFF_2FA=True)
def test_superusers_and_documentalists_must_enrol_before_the_admin_when_required(client, role, request):
    user = request.getfixturevalue(role)
    response = signed_in(client, user).get(ADMIN)
    assert response.status_code == 302 and response.url == f"{ENABLE}?next=/admin/"
    page = client.get(response.url).content.decode()
    assert "La double authentification est obligatoire pour les administrateurs et les documentalistes" in page


@override_settings(KB_REQUIRE_STAFF_2FA=True)
def test_animators_open_the_admin_without_a_second_factor_even_when_staff_must(client, animator):
    assert signed_in(client, animator).get(ADMIN).status_code == 200


def test_nobody_must_enrol_when_the_setting_is_off(client, superuser, documentalist):
    assert signed_in(client, superuser).get(ADMIN).status_code == 200
    assert signed_in(client, documentalist).get(ADMIN).status_code == 200


@override_settings(KB_REQUIRE_STAFF_2FA=True)
def test_public_pages_and_sign_out_stay_open_to_staff_who_owe_a_second_factor(client, superuser, site_tree):
    signed_in(client, superuser)
    assert client.get(site_tree.home.url).status_code == 200
    assert client.get(reverse("accounts:two_factor")).status_code == 200
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


# Recovery codes and disabling


def test_new_recovery_codes_replace_the_old_ones(client, animator):
    app, old_codes = enrolled(animator)
    signed_in(client, animator).post(VERIFY, {"code": app_code(app)})
    response = client.post(CODES)
    assert response.status_code == 302
    new_codes = set(StaticToken.objects.filter(device__user=animator).values_list("token", flat=True))
    assert len(new_codes) == devices.RECOVERY_CODE_COUNT and not new_codes & set(old_codes)
    page = client.get(CODES).content.decode()
    assert all(code in page for code in new_codes)
    assert devices.check_code(animator, old_codes[0]) is None


def test_new_recovery_codes_need_the_code_of_this_session_first(client, animator):
    _, codes = enrolled(animator)
    response = signed_in(client, animator).post(CODES)
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert sorted(StaticToken.objects.filter(device__user=animator).values_list("token", flat=True)) == sorted(codes)


@override_settings(KB_REQUIRE_STAFF_2FA=True)
def test_disabling_is_refused_to_those_who_must_keep_it(client, documentalist):
    app, _ = enrolled(documentalist)
    signed_in(client, documentalist)
    assert "ne peut pas être désactivée" in client.get(DISABLE).content.decode()
    response = client.post(DISABLE, {"password": PASSWORD, "code": app_code(app)})
    assert response.status_code == 403
    assert devices.is_active(documentalist)


def test_disabling_needs_the_password_and_a_code(client, animator):
    _, codes = enrolled(animator)
    signed_in(client, animator)
    response = client.post(DISABLE, {"password": "pas le bon", "code": codes[0]})
    assert "Ce mot de passe n’est pas le bon." in response.content.decode()
    assert devices.recovery_codes_left(animator) == len(codes), "a wrong password spends no code"
    response = client.post(DISABLE, {"password": PASSWORD, "code": "000000"})
    assert "Ce code n’est pas valide" in response.content.decode()
    with after_the_wait():
        response = client.post(DISABLE, {"password": PASSWORD, "code": codes[0]})
    assert response.status_code == 302
    assert not devices.is_active(animator) and devices.recovery_codes_left(animator) == 0
    assert client.get(ADMIN).status_code == 200


# « Mon espace »


def panel_request(user):
    request = RequestFactory().get("/compte/")
    request.user = user or AnonymousUser()
    return request


def test_mon_espace_shows_the_second_factor_state_and_the_way_to_change_it(animator):
    panel = security_panel(panel_request(animator))
    page = render_to_string(panel.template, panel.context)
    assert "Double authentification désactivée" in page and ENABLE in page
    enrolled(animator)
    panel = security_panel(panel_request(animator))
    page = render_to_string(panel.template, panel.context)
    assert "Double authentification activée" in page
    assert f"Il vous reste {devices.RECOVERY_CODE_COUNT} codes de secours." in page
    assert CODES in page and DISABLE in page


def test_the_admins_account_page_leads_to_the_second_factor_pages(client, animator):
    page = signed_in(client, animator).get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("accounts:two_factor") in page
