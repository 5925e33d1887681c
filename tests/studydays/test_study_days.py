"""Study days: the programme with its talks and speakers, the proceedings, the dates."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from resources.factories import ArchiveDocumentFactory
from studydays.factories import SpeakerFactory, StudyDayPageFactory
from studydays.models import StudyDayDocument, StudyDayPartner


def talk(title, speakers, **extra):
    return {"title": title, "speakers": speakers, "abstract": "", "slides": None, "video_url": "", **extra}


def session(title, talks, **extra):
    return (
        "session",
        {"title": title, "day": None, "start_time": None, "end_time": None, "chair": None, "talks": talks, **extra},
    )


@pytest.fixture
def speakers(db):
    return (
        SpeakerFactory(name="Claire Lebrun", affiliation="Nantes Université"),
        SpeakerFactory(name="Yannick Guérin", affiliation="CRESS Pays de la Loire"),
    )


@pytest.fixture
def study_day(site_tree, territory, speakers):
    claire, yannick = speakers
    page = StudyDayPageFactory(
        parent=site_tree.study_day_index,
        title="Habiter autrement : l'habitat coopératif",
        date=datetime.date(2003, 11, 20),
        end_date=datetime.date(2003, 11, 21),
        venue="Maison des associations, Nantes",
        programme=[
            session(
                "Matinée : les coopératives d'habitants",
                [
                    talk(
                        "Les coopératives d'habitants en Loire-Atlantique",
                        [claire],
                        abstract="Un panorama des projets.",
                        video_url="https://video.example/cooperatives",
                    ),
                    talk("Financer l'habitat participatif", [yannick, claire]),
                ],
                start_time=datetime.time(9, 30),
                end_time=datetime.time(12, 0),
                chair=yannick,
            )
        ],
        proceedings="<h2>Synthèse</h2><p>Les actes de la journée.</p>",
        poles=[site_tree.pole],
        territories=[territory("44109")],
    )
    page.partners.add(StudyDayPartner(name="Nantes Université", url="https://www.univ-nantes.fr/"))
    page.proceedings_documents.add(StudyDayDocument(document=ArchiveDocumentFactory(title="Actes complets")))
    page.save()
    return page


def test_a_study_day_lists_its_speakers_once_in_order_of_appearance(study_day, speakers):
    assert study_day.speakers() == list(speakers)


def test_a_study_day_page_shows_its_programme_talks_and_speakers(client, study_day):
    response = client.get(study_day.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Programme" in content
    assert "Matinée : les coopératives d" in content
    assert "Les coopératives d" in content and "habitants en Loire-Atlantique" in content
    assert "Financer l" in content
    assert "Claire Lebrun" in content and "Yannick Guérin" in content
    assert "Animation :" in content
    assert 'href="https://video.example/cooperatives"' in content


def test_a_study_day_page_shows_where_when_partners_and_proceedings(client, study_day, site_tree):
    content = client.get(study_day.url).content.decode()
    assert "Maison des associations, Nantes" in content
    assert "Lieu" in content and "Dates" in content
    assert "Partenaires" in content and 'href="https://www.univ-nantes.fr/"' in content
    assert "Actes" in content and "Les actes de la journée." in content
    assert "Actes complets" in content
    assert 'href="/territoires/44109/"' in content
    assert f'href="{site_tree.pole_section.url}"' in content


def test_a_study_day_attaches_its_proceedings_then_its_slides_in_programme_order_once_each(site_tree):
    proceedings, first, second = (ArchiveDocumentFactory(title=title) for title in ("Actes", "Support 1", "Support 2"))
    day = StudyDayPageFactory(
        parent=site_tree.study_day_index,
        programme=[
            session("Matinée", [talk("Ouverture", [], slides=second), talk("Sans support", [])]),
            session("Après-midi", [talk("Atelier", [], slides=first), talk("Reprise", [], slides=second)]),
        ],
    )
    day.proceedings_documents.add(StudyDayDocument(document=proceedings))
    day.save()

    assert day.attached_documents() == [proceedings, second, first]
    assert day.proceedings_files() == [proceedings]


def test_the_slides_show_with_their_talk_not_again_among_the_proceedings(client, site_tree):
    slides = ArchiveDocumentFactory(title="Diaporama de l'atelier")
    day = StudyDayPageFactory(
        parent=site_tree.study_day_index, programme=[session("Matinée", [talk("Atelier", [], slides=slides)])]
    )
    content = client.get(day.url).content.decode()
    assert content.count("Diaporama de l") == 1
    assert "Actes" not in content


def test_the_study_day_index_lists_the_study_days(client, site_tree, study_day):
    response = client.get(site_tree.study_day_index.url)
    assert response.status_code == 200
    assert f'href="{study_day.url}"' in response.content.decode()


def test_a_study_day_needs_a_date(site_tree):
    page = StudyDayPageFactory.build(date=None, venue="Angers")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict["date"] == ["Indiquez la date de la journée."]


def test_a_study_day_cannot_end_before_it_starts(db):
    page = StudyDayPageFactory.build(date=datetime.date(2024, 5, 2), end_date=datetime.date(2024, 5, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict["end_date"] == ["La date de fin ne peut précéder la date de début."]
