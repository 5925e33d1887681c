"""`kb_demo_people`: one account per role on the demo archive, for trying the site — and never outside development."""

import io

import pytest

from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from kb.demo.content.taxonomy import STUDENTS_PROMOTION
from kb.management.commands.kb_ensure_admin import DEV_PASSWORD
from kb.roles import DOCUMENTALISTS
from tests.people import cohort


@pytest.fixture
def demo_groups(site_tree):
    students = cohort(STUDENTS_PROMOTION, 200)
    return {"etudiante": students.group, "animatrice": site_tree.pole.animators}


def test_each_role_gets_an_account_in_its_group(demo_groups, settings, client):
    settings.DEBUG = True
    call_command("kb_demo_people", stdout=io.StringIO())

    assert set(User.objects.get(username="etudiante").groups.all()) == {demo_groups["etudiante"]}
    assert set(User.objects.get(username="animatrice").groups.all()) == {demo_groups["animatrice"]}
    assert User.objects.get(username="documentaliste").groups.get().name == DOCUMENTALISTS
    assert not User.objects.get(username="lectrice").groups.exists()
    response = client.post(reverse("accounts:login"), {"username": "etudiante", "password": DEV_PASSWORD})
    assert response.status_code == 302


def test_existing_accounts_are_left_alone(demo_groups, settings):
    settings.DEBUG = True
    User.objects.create_user("lectrice", password="mon-propre-mot-de-passe")
    call_command("kb_demo_people", stdout=io.StringIO())

    assert User.objects.get(username="lectrice").check_password("mon-propre-mot-de-passe")


def test_none_outside_development(demo_groups, settings):
    settings.DEBUG = False
    output = io.StringIO()
    call_command("kb_demo_people", stdout=output)

    assert "non créés hors développement" in output.getvalue()
    assert not User.objects.filter(username__in=["etudiante", "animatrice", "documentaliste", "lectrice"]).exists()
