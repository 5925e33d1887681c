"""Every page type of the core renders for the public with its key content."""

import pytest

from django.urls import reverse

from kb.factories import PoleNotePageFactory, PracticeExchangePageFactory, ThematicAnswerPageFactory


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def exchange(site_tree, territory):
    return PracticeExchangePageFactory(
        parent=site_tree.practice_index,
        title="Une épicerie solidaire à Bellevue",
        summary="Les habitants ouvrent une épicerie associative.",
        context="<p>Un quartier sans commerce de proximité.</p>",
        actors="<p>Le centre social et une association d'habitants.</p>",
        actions="<p>Ouverture d'une épicerie à prix choisis.</p>",
        results="<p>Quatre cents foyers adhérents.</p>",
        lessons="<p>Transférable à d'autres quartiers prioritaires.</p>",
        contacts="<p>epicerie@bellevue.example</p>",
        poles=[site_tree.pole],
        themes=[site_tree.theme],
        territories=[territory("44109")],
        tags=["épicerie"],
    )


def test_the_home_page_shows_the_big_questions_the_poles_and_the_latest_items(client, site_tree, exchange):
    content = html(client.get(site_tree.home.url))
    assert "Centre de ressources" in content
    assert "Les grandes questions" in content
    assert "Se loger" in content
    assert "Une épicerie solidaire à Bellevue" in content
    assert f'href="{site_tree.pole_section.url}"' in content
    assert reverse("kb:territories") in content


def test_a_practice_exchange_shows_every_section_with_its_french_heading(client, exchange):
    content = html(client.get(exchange.url))
    assert "Une épicerie solidaire à Bellevue" in content
    for heading, text in [
        ("Contexte", "Un quartier sans commerce de proximité."),
        ("Acteurs", "Le centre social"),
        ("Ce qui a été fait", "une épicerie à prix choisis."),
        ("Résultats", "Quatre cents foyers adhérents."),
        ("Enseignements et transférabilité", "Transférable"),
        ("Contacts", "epicerie@bellevue.example"),
    ]:
        assert heading in content
        assert text in content


def test_an_item_links_its_pole_territory_theme_and_tags(client, exchange, site_tree, territory):
    content = html(client.get(exchange.url))
    assert f'href="{site_tree.pole_section.url}"' in content
    assert f'href="{territory("44109").get_absolute_url()}"' in content
    assert 'href="/territoires/44109/"' in content
    assert f'href="{site_tree.theme.get_absolute_url()}"' in content
    assert f'href="{reverse("kb:tag", args=[exchange.tags.get().slug])}"' in content
    assert "Pôles" in content and "Territoires" in content and "Mots-clés" in content


def test_a_thematic_answer_links_each_claim_to_its_evidence(client, site_tree, exchange):
    answer = ThematicAnswerPageFactory(
        parent=site_tree.answer_index,
        theme=site_tree.theme,
        question="Comment l'ESS aide-t-elle à se loger ?",
        synthesis=[
            (
                "claim",
                {"claim": "<p>Les épiceries solidaires tiennent le quartier.</p>", "evidence": [exchange]},
            )
        ],
    )
    content = html(client.get(answer.url))
    assert "Les épiceries solidaires tiennent le quartier." in content
    assert "Appui dans l’archive" in content
    assert f'href="{exchange.url}"' in content
    assert "Dernière relecture" in content
    assert f'href="{site_tree.theme.get_absolute_url()}"' in content


def test_a_thematic_answer_hides_evidence_that_is_not_public(client, site_tree, exchange):
    exchange.unpublish()
    answer = ThematicAnswerPageFactory(
        parent=site_tree.answer_index,
        synthesis=[("claim", {"claim": "<p>Affirmation.</p>", "evidence": [exchange]})],
    )
    content = html(client.get(answer.url))
    assert "Une épicerie solidaire à Bellevue" not in content


def test_a_pole_note_renders_in_its_section(client, site_tree):
    note = PoleNotePageFactory(
        parent=site_tree.pole_section,
        title="Compte rendu de la plénière",
        body=[("paragraph", "<p>Le pôle lance un groupe de travail sur l'habitat.</p>")],
    )
    content = html(client.get(note.url))
    assert "Compte rendu de la plénière" in content
    assert "groupe de travail" in content
    assert f'href="{site_tree.pole_section.url}"' in content


def test_the_pole_section_lists_the_notes_and_items_of_its_pole(client, site_tree, exchange):
    note = PoleNotePageFactory(parent=site_tree.pole_section, title="Compte rendu de la plénière")
    content = html(client.get(site_tree.pole_section.url))
    assert "Habitat coopératif" in content
    assert note.title in content
    assert "Une épicerie solidaire à Bellevue" in content


def test_the_pole_index_lists_the_sections(client, site_tree):
    content = html(client.get(site_tree.pole_index.url))
    assert f'href="{site_tree.pole_section.url}"' in content


def test_the_practice_exchange_index_lists_its_items(client, site_tree, exchange):
    content = html(client.get(site_tree.practice_index.url))
    assert "Échanges de pratiques" in content
    assert f'href="{exchange.url}"' in content


def test_the_thematic_answer_index_lists_its_answers(client, site_tree):
    answer = ThematicAnswerPageFactory(parent=site_tree.answer_index, title="Se loger grâce à l'ESS")
    content = html(client.get(site_tree.answer_index.url))
    assert f'href="{answer.url}"' in content


def test_an_index_page_filters_by_territory_and_reports_unknown_values(client, site_tree, exchange):
    index = site_tree.practice_index
    assert "Une épicerie solidaire à Bellevue" in html(client.get(index.url, {"territory": "44"}))
    assert "Une épicerie solidaire à Bellevue" not in html(client.get(index.url, {"territory": "49"}))
    assert "Territoire inconnu" in html(client.get(index.url, {"territory": "00000"}))


def test_an_out_of_range_listing_page_shows_the_last_page(client, site_tree, exchange):
    content = html(client.get(site_tree.practice_index.url, {"page": "999"}))
    assert "Une épicerie solidaire à Bellevue" in content
