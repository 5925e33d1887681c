"""« Mon espace »: what each person may reach (DU courses and end date, pole section and pages in progress), the
other apps' panels, and the account's settings."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail import hooks

from accounts.panels import AccountPanel
from kb.factories import PoleNotePageFactory
from kb.models import PoleNotePage
from resources.models import ResearchPaperPage
from tests.people import add_url, paper_form, person

HOME = "/compte/"


def home(client, user):
    client.force_login(user)
    return client.get(HOME).content.decode()


def account_panel(content):
    """The « Votre compte » panel alone (the footer links to the admin for everyone)."""
    return content.split('id="espace-compte"')[1].split("</section>")[0]


@pytest.fixture
def animator(site_tree):
    return person("animatrice", site_tree.pole.animators)


def test_mon_espace_needs_an_account(client, site_tree):
    response = client.get(HOME)
    assert response.status_code == 302 and response.url == f"/compte/connexion/?next={HOME}"


def test_a_du_student_sees_their_courses_and_the_end_of_their_access(client, du):
    content = home(client, du.student)
    assert "Vos cours du DU ESS" in content
    assert du.course.url in content and "Gouvernance des coopératives" in content
    assert date_format(du.cohort.access_end, "j F Y") in content


def test_a_student_whose_access_ended_is_told_whom_to_write_to(client, du, settings):
    du.cohort.access_end = timezone.localdate() - datetime.timedelta(days=1)
    du.cohort.save()
    content = home(client, du.student)
    assert "a pris fin" in content and f"mailto:{settings.KB_ACCESS_CONTACT_EMAIL}" in content
    assert du.course.url not in content


def test_an_animator_sees_their_pole_section_and_where_to_add_a_note(client, site_tree, animator):
    content = home(client, animator)
    assert "Votre pôle" in content and site_tree.pole_section.url in content
    assert add_url(PoleNotePage, site_tree.pole_section) in content


def test_an_animator_sees_their_drafts_and_what_awaits_review(client, site_tree, animator):
    PoleNotePageFactory(
        parent=site_tree.pole_section, title="Bilan du pôle", live=False, has_unpublished_changes=True, owner=animator
    )
    client.force_login(animator)
    paper = paper_form("Coops", "coops", "submit", poles=[site_tree.pole])
    client.post(add_url(ResearchPaperPage, site_tree.research_index), paper)
    content = client.get(HOME).content.decode()
    assert "Vos pages en cours" in content
    assert "Bilan du pôle" in content and "Brouillon" in content
    assert "Coops" in content and "En relecture" in content
    submitted = ResearchPaperPage.objects.get(slug="coops")
    assert reverse("wagtailadmin_pages:edit", args=[submitted.pk]) in content
    assert reverse("wagtailadmin_home") in account_panel(content)


def test_a_plain_reader_sees_neither_courses_nor_pole_nor_admin(client, du, reader):
    content = home(client, reader)
    assert "Vos cours du DU ESS" not in content and du.course.url not in content
    assert "Votre pôle" not in content and "Vos pages en cours" not in content
    settings_links = account_panel(content)
    assert reverse("wagtailadmin_home") not in settings_links
    assert reverse("accounts:password_change") in settings_links and reverse("accounts:delete") in settings_links


def test_other_apps_panels_come_in_their_order(client, site_tree, reader, settings, tmp_path):
    (tmp_path / "panel.html").write_text("<section>{{ label }} pour {{ request.user.username }}</section>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]

    def later(request):
        return AccountPanel(20, "panel.html", {"label": "Listes"})

    def sooner(request):
        return AccountPanel(10, "panel.html", {"label": "Recherches"})

    with hooks.register_temporarily("account_panels", later), hooks.register_temporarily("account_panels", sooner):
        content = home(client, reader)
    assert content.index("Recherches pour lecteur") < content.index("Listes pour lecteur")


def delete(client, password="x" * 12):
    return client.post(reverse("accounts:delete"), {"password": password}, follow=True)


def test_deleting_the_account_removes_the_user_and_signs_out(client, site_tree, reader):
    client.force_login(reader)
    response = delete(client)
    assert not type(reader).objects.filter(pk=reader.pk).exists()
    assert "_auth_user_id" not in client.session
    assert "Votre compte et ce qu’il gardait pour vous sont supprimés." in response.content.decode()


def test_deleting_needs_the_accounts_password(client, site_tree, reader):
    client.force_login(reader)
    content = delete(client, "pas-le-bon").content.decode()
    assert "Ce n’est pas le mot de passe de ce compte." in content and 'aria-invalid="true"' in content
    assert type(reader).objects.filter(pk=reader.pk).exists()


def test_an_animators_pages_stay_when_their_account_goes(client, site_tree, animator):
    note = PoleNotePageFactory(parent=site_tree.pole_section, title="Bilan du pôle", owner=animator)
    client.force_login(animator)
    delete(client)
    note.refresh_from_db()
    assert note.owner is None and note.live


def test_a_superuser_cannot_delete_their_own_account_here(client, site_tree):
    admin = person("admin", superuser=True)
    client.force_login(admin)
    page = client.get(reverse("accounts:delete")).content.decode()
    assert "Un compte d’administrateur ne se supprime pas d’ici" in page
    assert client.post(reverse("accounts:delete"), {"password": "x" * 12}).status_code == 403
    assert type(admin).objects.filter(pk=admin.pk).exists()


def test_deleting_is_refused_to_anonymous_visitors(client, site_tree):
    response = client.post(reverse("accounts:delete"), {"password": "x"})
    assert response.status_code == 302 and response.url.startswith("/compte/connexion/")
