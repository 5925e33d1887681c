"""Account security: login throttling, password rules, CSRF, the content-security policy, the deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.urls import reverse

from kb.security import client_ip
from tests.people import person

BASE_DIR = Path(__file__).resolve().parents[2]
LOGIN_URLS = {"public": "accounts:login", "admin": "wagtailadmin_login"}


def fail_to_log_in(client, url, times, username="documentaliste"):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "pas-le-bon"})
    return response


@pytest.mark.parametrize("login", LOGIN_URLS.values(), ids=LOGIN_URLS.keys())
def test_too_many_failed_logins_lock_the_account_out_with_a_french_message(client, db, login):
    person("documentaliste")
    url = reverse(login)
    assert fail_to_log_in(client, url, settings.AXES_FAILURE_LIMIT - 1).status_code == 200
    response = fail_to_log_in(client, url, 1)
    assert response.status_code == 429
    content = response.content.decode()
    assert "Connexion temporairement bloquée" in content
    assert "Réessayez dans 15\xa0minutes" in content  # a no-break space, as Django writes durations


@pytest.mark.parametrize("login", LOGIN_URLS.values(), ids=LOGIN_URLS.keys())
def test_a_locked_out_account_is_refused_even_with_the_right_password(client, db, login):
    person("documentaliste")
    url = reverse(login)
    fail_to_log_in(client, url, settings.AXES_FAILURE_LIMIT)
    response = client.post(url, {"username": "documentaliste", "password": "x" * 12})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_holds_one_account_from_one_address_only(db):
    person("documentaliste")
    person("animatrice")
    url = reverse("wagtailadmin_login")
    fail_to_log_in(Client(REMOTE_ADDR="10.0.0.1"), url, settings.AXES_FAILURE_LIMIT)
    colleague = Client(REMOTE_ADDR="10.0.0.1")
    assert colleague.post(url, {"username": "animatrice", "password": "x" * 12}).status_code == 302
    elsewhere = Client(REMOTE_ADDR="10.0.0.2")
    assert elsewhere.post(url, {"username": "documentaliste", "password": "x" * 12}).status_code == 302


def test_the_client_address_is_read_behind_the_trusted_proxies_only(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.KB_TRUSTED_PROXIES = 0
    assert client_ip(request) == "10.0.0.9"
    settings.KB_TRUSTED_PROXIES = 1
    assert client_ip(request) == "203.0.113.7"


def test_weak_passwords_are_refused():
    for weak in ("12345678", "motdepasse", "azerty"):
        with pytest.raises(ValidationError):
            validate_password(weak)


@pytest.mark.parametrize("login", LOGIN_URLS.values(), ids=LOGIN_URLS.keys())
def test_a_login_form_without_its_csrf_token_is_refused(db, login):
    person("documentaliste")
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse(login), {"username": "documentaliste", "password": "x" * 12})
    assert response.status_code == 403


def test_the_public_site_sends_a_strict_content_security_policy(client, site_tree):
    policy = client.get(site_tree.home.url)["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_admin_gets_the_relaxed_policy_wagtail_needs(admin_client, db):
    policy = admin_client.get(reverse("wagtailadmin_home"))["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline' 'unsafe-eval'" in policy
    assert "frame-ancestors 'self'" in policy


def test_production_settings_pass_the_deployment_checks_without_a_warning(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "kb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "ressources.ess-nantes.example",
        "CSRF_TRUSTED_ORIGINS": "https://ressources.ess-nantes.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "WARNING",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
