"""Research papers and the DU course material: rendering, identifiers, access."""

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from wagtail.models import PageViewRestriction

from resources.factories import (
    ArchiveDocumentFactory,
    CoursePageFactory,
    LessonPageFactory,
    ResearchPaperPageFactory,
)
from resources.models import LessonDocument, ResearchPaperAuthor


@pytest.fixture
def paper(site_tree, territory):
    return ResearchPaperPageFactory(
        parent=site_tree.research_index,
        title="Les coopératives d'habitants en Loire-Atlantique",
        authors=["Camille Martin", "Jean Dupont", "Awa Diallo"],
        venue="Revue internationale de l'économie sociale",
        doi="10.7202/1234567ar",
        hal_id="hal-01234567",
        pdf=ArchiveDocumentFactory(title="Texte intégral"),
        poles=[site_tree.pole],
        territories=[territory("44")],
    )


@pytest.fixture
def du_students(db):
    return Group.objects.create(name="Étudiants du DU ESS")


@pytest.fixture
def course(site_tree, du_students):
    restriction = PageViewRestriction.objects.create(
        page=site_tree.course_index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([du_students])
    course = CoursePageFactory(
        parent=site_tree.course_index,
        title="Histoire de l'économie sociale",
        code="DU-01",
        teachers="Marie Leroy",
        description="<p>Des associations ouvrières aux coopératives d'aujourd'hui.</p>",
    )
    LessonPageFactory(parent=course, title="Les associations ouvrières", number=1)
    return course


def test_a_research_paper_shows_its_authors_in_order(client, paper):
    response = client.get(paper.url)
    assert response.status_code == 200
    content = response.content.decode()
    positions = [content.index(name) for name in ("Camille Martin", "Jean Dupont", "Awa Diallo")]
    assert positions == sorted(positions)
    assert '<meta name="citation_author" content="Martin, Camille">' in content


def test_a_research_paper_shows_its_identifiers_type_and_pdf(client, paper, site_tree):
    content = client.get(paper.url).content.decode()
    assert "Article" in content
    assert "Résumé" in content and "Une étude des coopératives d" in content
    assert 'href="https://doi.org/10.7202/1234567ar"' in content
    assert 'href="https://hal.science/hal-01234567"' in content
    assert "Texte intégral" in content and paper.pdf.url in content
    assert "Citer" in content
    assert 'href="/territoires/44/"' in content
    assert f'href="{site_tree.pole_section.url}"' in content


def test_the_research_index_lists_the_papers(client, site_tree, paper):
    response = client.get(site_tree.research_index.url)
    assert response.status_code == 200
    assert f'href="{paper.url}"' in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("doi", "doi.org/10.1234/x", "Un DOI commence par 10."),
        ("hal_id", "HAL 1234", "Un identifiant HAL s'écrit comme hal-01234567."),
    ],
)
def test_a_malformed_identifier_is_refused_in_french(db, field, value, message):
    paper = ResearchPaperPageFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        paper.full_clean(exclude=["path", "depth", "slug", "content_type", "locale", "translation_key"])
    assert any(message in text for text in error.value.message_dict[field])


def test_an_orcid_must_have_the_official_shape(db):
    ResearchPaperAuthor(name="Camille Martin", orcid="0000-0002-1825-0097").clean_fields(exclude=["page"])
    with pytest.raises(ValidationError) as error:
        ResearchPaperAuthor(name="Camille Martin", orcid="1825-0097").clean_fields(exclude=["page"])
    assert error.value.message_dict["orcid"] == ["Un ORCID s'écrit 0000-0002-1825-0097."]


def test_the_du_course_page_renders_for_a_logged_in_superuser(admin_client, course):
    response = admin_client.get(course.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Histoire de l" in content and "DU-01" in content and "Marie Leroy" in content
    assert "Présentation" in content and "Séances" in content
    assert "Les associations ouvrières" in content


def test_the_du_course_page_renders_for_a_du_student(client, course, du_students, django_user_model):
    student = django_user_model.objects.create_user("etudiante", password="motdepasse")
    student.groups.add(du_students)
    client.force_login(student)
    assert client.get(course.url).status_code == 200


def test_the_du_course_material_is_closed_to_anonymous_visitors(client, course):
    response = client.get(course.url)
    assert response.status_code == 302
    assert "Histoire de l" not in response.content.decode()


def test_a_lesson_page_shows_its_documents_and_its_course(admin_client, course):
    lesson = course.get_children().get().specific
    lesson.documents.add(LessonDocument(document=ArchiveDocumentFactory(title="Support de la séance")))
    lesson.save()
    response = admin_client.get(lesson.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Séance 1 du DU" in content
    assert "Support de la séance" in content
    assert f'href="{course.url}"' in content


def test_a_lesson_is_numbered_from_one(db):
    with pytest.raises(ValidationError) as error:
        LessonPageFactory.build(number=0).clean()
    assert error.value.message_dict["number"] == ["Les séances sont numérotées à partir de 1."]
