"""A document only restricted pages use is found only by who may open them: hits, facet counts and suggestions.

Its collection (here the public root) says nothing against it: the pages that use it, as Wagtail's
reference index records them (a PDF field, a link in rich text), do. A document a public page also
uses, or that no page uses, stays public. Records follow the pages' restrictions and uses as they change.
"""

from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Group, User

from wagtail.models import PageViewRestriction

from kb.factories import PoleFactory, PracticeExchangePageFactory
from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory
from search.access import Viewer

from .support import committed, facet_counts, find, index_records, module_transaction, site_tree, titles

pytestmark = pytest.mark.django_db

PASSWORD_DOCUMENT = "Délibérations sociocratiques du bureau"
LOGIN_PAPER = "Thèse réservée aux membres"
GROUP_PAPER = "Mémoire réservé au DU"
SHARED_DOCUMENT = "Charte sociocratique commune"
FREE_DOCUMENT = "Guide sociocratique libre"
PUBLIC_PAGE = "Habitat partagé à Rezé"
TEXT = "La sociocratie en pratique."


def restrict(page, kind, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password=password)
    restriction.groups.set(groups)
    return restriction


def linking(parent, title, body, *documents):
    """A live practice exchange whose text is `body` and links to `documents`."""
    links = "".join(f'<p><a linktype="document" id="{d.pk}">pièce jointe</a></p>' for d in documents)
    return PracticeExchangePageFactory(
        parent=parent, title=title, summary="", context=f"<p>{body}</p>{links}", actions="<p>Actions.</p>"
    )


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        students = Group.objects.create(name="Étudiants du DU")
        member = User.objects.create_user("etudiante")
        member.groups.add(students)
        with committed():  # the PDF text is extracted on commit
            tree = site_tree()
            document = ArchiveDocumentFactory(
                title=PASSWORD_DOCUMENT, pages=[TEXT], poles=[PoleFactory(name="Gouvernance", slug="gouvernance")]
            )
            shared = ArchiveDocumentFactory(title=SHARED_DOCUMENT, pages=[TEXT])
            ArchiveDocumentFactory(title=FREE_DOCUMENT, pages=[TEXT])
            protected = linking(tree.practice_index, "Bureau protégé", "Compte rendu.", document, shared)
            password = restrict(protected, PageViewRestriction.PASSWORD, password="sesame")
            public = linking(tree.practice_index, PUBLIC_PAGE, "Les délibérations du quartier.", shared)
            for title, kind, groups in ((LOGIN_PAPER, "login", ()), (GROUP_PAPER, "groups", [students])):
                paper = ResearchPaperPageFactory(
                    parent=tree.research_index, title=title, abstract="", pdf=ArchiveDocumentFactory(pages=[TEXT])
                )
                restrict(paper, kind, groups=groups)
        index_records(engine)
        yield SimpleNamespace(
            tree=tree,
            member=member,
            reader=User.objects.create_user("lectrice"),
            password=password,
            protected=protected,
            public=public,
        )


@pytest.fixture
def viewers(archive):
    return {
        "anonymous": Viewer(),
        "password": Viewer(passed_restrictions=[f"page:{archive.password.pk}"]),
        "reader": Viewer(archive.reader),
        "member": Viewer(archive.member),
    }


PUBLIC = {SHARED_DOCUMENT, FREE_DOCUMENT}
EXPECTED = {
    "anonymous": PUBLIC,
    "password": {*PUBLIC, PASSWORD_DOCUMENT},
    "reader": {*PUBLIC, LOGIN_PAPER},
    "member": {*PUBLIC, LOGIN_PAPER, GROUP_PAPER},
}


@pytest.mark.parametrize("who", EXPECTED)
def test_each_viewer_finds_the_documents_of_the_pages_they_may_open_and_the_public_ones(engine, viewers, who):
    response = find(engine, "sociocratie", viewer=viewers[who])
    assert set(titles(response)) == EXPECTED[who]
    assert response.total == len(EXPECTED[who])


@pytest.mark.parametrize("who", ["anonymous", "password"])
def test_facet_counts_count_a_document_of_a_password_page_only_once_the_password_is_given(engine, viewers, who):
    response = find(engine, viewer=viewers[who])
    assert ("gouvernance" in facet_counts(response, "pole")) is (who == "password")
    assert sum(facet_counts(response, "kind").values()) == response.total


def test_a_word_only_a_restricted_title_holds_is_never_suggested_even_if_a_public_text_holds_it(engine, viewers):
    assert find(engine, "délibérasions", viewer=viewers["anonymous"]).suggestion == ""
    assert find(engine, "délibérasions", viewer=viewers["password"]).suggestion == "délibérations"


def test_a_page_restricted_after_the_fact_takes_a_document_only_it_uses_out_of_public_search(engine, archive):
    index_records(engine)  # a search server keeps what an earlier test indexed
    assert SHARED_DOCUMENT in titles(find(engine, "sociocratie"))
    with committed():
        restriction = restrict(archive.public, PageViewRestriction.LOGIN)
    assert SHARED_DOCUMENT not in titles(find(engine, "sociocratie"))
    with committed():
        restriction.delete()
    assert SHARED_DOCUMENT in titles(find(engine, "sociocratie"))


def test_a_public_page_that_stops_using_a_document_leaves_it_to_the_restricted_page_that_still_does(engine, archive):
    index_records(engine)
    with committed():
        archive.public.context = "<p>Plus de lien.</p>"
        archive.public.save_revision().publish()
    assert SHARED_DOCUMENT not in titles(find(engine, "sociocratie"))
    passed = Viewer(passed_restrictions=[f"page:{archive.password.pk}"])
    assert SHARED_DOCUMENT in titles(find(engine, "sociocratie", viewer=passed))


def test_a_document_whose_only_page_is_unpublished_follows_its_collection_again(engine, archive):
    index_records(engine)
    with committed():
        archive.protected.unpublish()
    assert PASSWORD_DOCUMENT in titles(find(engine, "sociocratie"))
