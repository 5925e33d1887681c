"""Snippets: the fields that matched, with the matched words marked; a PDF match gives its page and a link to it."""

import pytest

from resources.factories import ArchiveDocumentFactory, ResearchPaperPageFactory

from .support import committed, find, index_records, module_transaction, practice, site_tree

pytestmark = pytest.mark.django_db

PDF_PAGES = [
    "Sommaire et remerciements.",
    "Deuxième partie : la gouvernance partagée des tiers-lieux.",
    "Troisième partie : une conclusion sur le bénévolat.",
]


@pytest.fixture(scope="module", autouse=True)
def archive(engine, django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with committed():  # the PDF text is extracted on commit
            tree = site_tree()
            practice(
                tree.practice_index,
                "Bénévolat et gouvernance",
                summary="Une étude du bénévolat associatif.",
                body="Les coopératives de quartier comptent sur leurs bénévoles.",
            )
            practice(tree.practice_index, "Balises", summary="<b>Permaculture</b> & jardins <script>x</script>")
            pdf = ArchiveDocumentFactory(title="Texte intégral", pages=PDF_PAGES)
            # Attached nowhere, the same text is a hit of its own.
            proceedings = ArchiveDocumentFactory(title="Actes du colloque", pages=PDF_PAGES)
            paper = ResearchPaperPageFactory(
                parent=tree.research_index,
                title="Les tiers-lieux en Pays de la Loire",
                abstract="<p>Un inventaire régional.</p>",
                summary="",
                pdf=pdf,
            )
        index_records(engine)
        yield {"pdf": pdf, "proceedings": proceedings, "paper": paper}


def hit_titled(response, title):
    return next(hit for hit in response.hits if hit.title == title)


def snippet(hit, field):
    return next(s for s in hit.snippets if s.field == field)


def test_a_title_match_is_marked_in_a_title_snippet(engine):
    hit = hit_titled(find(engine, "gouvernance"), "Bénévolat et gouvernance")
    assert snippet(hit, "title").html == "Bénévolat et <mark>gouvernance</mark>"


def test_each_field_that_matched_gives_its_own_snippet(engine):
    hit = hit_titled(find(engine, "bénévolat"), "Bénévolat et gouvernance")
    assert "<mark>Bénévolat</mark>" in snippet(hit, "title").html
    assert "Une étude du <mark>bénévolat</mark> associatif." in snippet(hit, "abstract").html


def test_another_form_of_the_word_is_marked_too(engine):
    hit = hit_titled(find(engine, "coopérative"), "Bénévolat et gouvernance")
    assert "Les <mark>coopératives</mark> de quartier" in snippet(hit, "body").html
    assert "<mark>bénévoles</mark>" not in snippet(hit, "body").html


def test_a_snippet_never_carries_the_markup_of_the_source(engine):
    hit = hit_titled(find(engine, "permaculture"), "Balises")
    html = snippet(hit, "abstract").html
    assert "&lt;b&gt;<mark>Permaculture</mark>&lt;/b&gt; &amp; jardins &lt;script&gt;" in html
    assert "<script>" not in html and "<b>" not in html


def test_a_match_in_a_pdf_gives_its_page_and_a_link_that_opens_the_pdf_at_that_page(engine, archive):
    hit = hit_titled(find(engine, "gouvernance partagée"), "Les tiers-lieux en Pays de la Loire")
    attachment = snippet(hit, "attachment")
    assert attachment.page == 2
    assert attachment.url == f"{archive['pdf'].url}#page=2"
    assert "<mark>gouvernance</mark> <mark>partagée</mark>" in attachment.html


def test_the_document_itself_is_found_with_the_page_of_its_match(engine, archive):
    hit = hit_titled(find(engine, "conclusion"), "Actes du colloque")
    assert hit.kind == "document"
    attachment = snippet(hit, "attachment")
    assert (attachment.page, attachment.url) == (3, f"{archive['proceedings'].url}#page=3")
    assert "une <mark>conclusion</mark> sur le bénévolat" in attachment.html


def test_several_pdf_pages_that_match_give_one_snippet_each(engine):
    hit = hit_titled(find(engine, "partie"), "Actes du colloque")
    assert [s.page for s in hit.snippets if s.field == "attachment"] == [2, 3]


def test_a_hit_without_a_query_still_shows_its_abstract(engine):
    hit = hit_titled(find(engine), "Bénévolat et gouvernance")
    assert [(s.field, s.html) for s in hit.snippets] == [("abstract", "Une étude du bénévolat associatif.")]
