"""Moderation: animators submit, documentalists approve or reject with a comment, everyone concerned is emailed."""

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import Page

from kb.factories import PracticeExchangePageFactory, ThematicAnswerPageFactory
from resources.models import ResearchPaperPage
from tests.people import add_url, documentalists, paper_form, person


@pytest.fixture
def team(site_tree):
    return {
        "animator": person("animatrice", site_tree.pole.animators),
        "documentalist": person("documentaliste", documentalists()),
    }


@pytest.fixture
def submitted(client, site_tree, team):
    """A research paper an animator submitted for review through the admin."""
    client.force_login(team["animator"])
    response = client.post(
        add_url(ResearchPaperPage, site_tree.research_index),
        paper_form("Coopératives d'habitants", "coops", "submit", poles=[site_tree.pole]),
    )
    assert response.status_code == 302
    return ResearchPaperPage.objects.get(slug="coops")


def act(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def test_an_animator_cannot_publish_a_paper_directly(client, site_tree, team):
    client.force_login(team["animator"])
    form = paper_form("Coopératives", "coops", "publish", poles=[site_tree.pole])
    client.post(add_url(ResearchPaperPage, site_tree.research_index), form)
    page = ResearchPaperPage.objects.filter(slug="coops").first()
    assert page is None or not page.live


def test_a_submitted_paper_waits_unpublished_for_the_documentalists(submitted):
    assert not submitted.live
    assert submitted.workflow_in_progress
    assert submitted.current_workflow_task.name == "Validation par les documentalistes"


def test_the_documentalists_are_emailed_when_an_animator_submits(submitted, team):
    assert [message.to for message in mail.outbox] == [[team["documentalist"].email]]
    assert "Coopératives d'habitants" in mail.outbox[0].subject


def test_the_dashboard_of_a_documentalist_shows_what_waits_for_review(client, submitted, team):
    client.force_login(team["documentalist"])
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Coopératives d" in content
    assert (
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(submitted.pk, "approve", submitted.current_workflow_task_state.pk),
        )
        in content
    )


def test_the_dashboard_of_an_animator_shows_their_submission_but_nothing_to_review(client, submitted, team):
    client.force_login(team["animator"])
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Coopératives d" in content
    assert "/workflow/action/" not in content


def test_an_approved_paper_is_published_and_its_author_emailed(client, submitted, team):
    mail.outbox.clear()
    client.force_login(team["documentalist"])
    act(client, submitted, "approve", "Bien documenté, merci.")
    assert Page.objects.get(pk=submitted.pk).live
    assert [message.to for message in mail.outbox] == [[team["animator"].email]]
    assert "Coopératives d'habitants" in mail.outbox[0].subject


def test_a_rejected_paper_stays_unpublished_and_its_author_reads_the_comment(client, submitted, team):
    mail.outbox.clear()
    client.force_login(team["documentalist"])
    act(client, submitted, "reject", "Ajoutez la référence HAL.")
    submitted.refresh_from_db()
    assert not submitted.live
    assert not submitted.workflow_in_progress
    assert [message.to for message in mail.outbox] == [[team["animator"].email]]
    assert "Ajoutez la référence HAL." in mail.outbox[0].body


def test_an_animator_cannot_approve(client, submitted, team):
    client.force_login(person("animateur", team["animator"].groups.get()))
    act(client, submitted, "approve")
    assert not Page.objects.get(pk=submitted.pk).live


@pytest.mark.parametrize("index", ["practice_index", "research_index", "answer_index"])
def test_practice_exchanges_papers_and_answers_go_through_the_documentalists(site_tree, index):
    factory = {"practice_index": PracticeExchangePageFactory, "answer_index": ThematicAnswerPageFactory}
    parent = getattr(site_tree, index)
    page = factory[index](parent=parent) if index in factory else parent
    [task] = page.get_workflow().tasks
    assert list(task.specific.groups.all()) == [documentalists()]
