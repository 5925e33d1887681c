"""Each person can do exactly what their role allows: every role against every action, one expected outcome per cell.

Outcomes: « oui » (done, or shown), « non » (refused, or not shown), « connexion » (sent to the
login page), « 403 » (refused with an explanation). Run with `-s` to see the table.

Animators A and B animate two poles: each proposes practice exchanges and research papers for their own pole
(or edits those they created), and sees the other pole's only read-only in the admin. A « révision créée » row
counts the item's revisions whatever the answer, so no endpoint may save a draft a refused animator sent.

The restricted item is a DU course open to the cohorts and the documentalists, with a private
document and a private image; the same course is classed, tagged, placed and cited everywhere
a listing could show it.
"""

import datetime
from types import SimpleNamespace

import pytest
import wagtail_factories

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse

from wagtail.models import Collection, Page

from imports.models import ImportBatch
from kb.factories import (
    PoleFactory,
    PoleNotePageFactory,
    PoleSectionPageFactory,
    PracticeExchangePageFactory,
    ThematicAnswerPageFactory,
)
from kb.models import PoleNotePage, PracticeExchangePage
from resources.factories import ArchiveDocumentFactory, CoursePageFactory, ResearchPaperPageFactory
from resources.models import ResearchPaperPage
from tests.people import (
    add_url,
    cohort,
    documentalists,
    edit_url,
    exchange_form,
    note_form,
    paper_form,
    person,
    private_collection,
    restrict_page,
    rolled_back,
)

ROLES = [
    "anonyme",
    "inscrit",
    "DU en cours",
    "DU terminé",
    "animateur A",
    "animateur B",
    "documentaliste",
    "superutilisateur",
]

COURSE = "Cours réservé aux étudiants du DU"
DOCUMENT = "Support confidentiel de la séance"
SEARCH_WORD = "xylophone"

# One row per action, one column per role (in the order of ROLES).
EXPECTED = {
    "voir une page publique": "oui oui oui oui oui oui oui oui",
    "voir un cours du DU": "connexion connexion oui 403 connexion connexion oui oui",
    "télécharger un document privé": "connexion connexion oui 403 connexion connexion oui oui",
    "voir une image privée (rendu)": "403 403 oui 403 403 403 oui oui",
    "cours listé : accueil": "non non oui non non non oui oui",
    "cours listé : index du DU": "non non oui non non non oui oui",
    "cours listé : section du pôle A": "non non oui non non non oui oui",
    "cours listé : pôle sans section": "non non oui non non non oui oui",
    "cours listé : territoire": "non non oui non non non oui oui",
    "cours listé : thème": "non non oui non non non oui oui",
    "cours listé : mot-clé": "non non oui non non non oui oui",
    "cours cité : éléments liés": "non non oui non non non oui oui",
    "cours cité : preuves d'une réponse": "non non oui non non non oui oui",
    "cours cité : bibliographie": "non non oui non non non oui oui",
    "document privé : bibliographie": "non non oui non non non oui oui",
    "document privé : PDF d'un travail public": "non non oui non non non oui oui",
    "cours trouvé : recherche": "non non oui non non non oui oui",
    "cours listé : plan du site": "non non non non non non non non",
    "API Wagtail": "non non non non non non non non",
    "créer une note (pôle A)": "non non non non oui non oui oui",
    "modifier une note (pôle A)": "non non non non oui non oui oui",
    "publier une note (pôle A)": "non non non non oui non oui oui",
    "créer une note (pôle B)": "non non non non non oui oui oui",
    "modifier une note (pôle B)": "non non non non non oui oui oui",
    "publier une note (pôle B)": "non non non non non oui oui oui",
    "proposer un travail de recherche": "non non non non oui oui oui oui",
    "approuver un travail de recherche": "non non non non non non oui oui",
    "proposer un travail de recherche sans pôle": "non non non non non non oui oui",
    "créer un échange (pôle A)": "non non non non oui non oui oui",
    "créer un échange sans pôle": "non non non non non non oui oui",
    "modifier un échange (pôle A)": "non non non non oui non oui oui",
    "modifier un échange (pôle B)": "non non non non non oui oui oui",
    "soumettre un échange (pôle B)": "non non non non non oui oui oui",
    "révision créée sur un échange (pôle B)": "non non non non non oui oui oui",
    "révision créée par l'enregistrement automatique (pôle B)": "non non non non non oui oui oui",
    "modifier son propre échange sans pôle": "non non non non oui oui oui oui",
    "voir un échange (pôle B) dans l'explorateur": "non non non non oui oui oui oui",
    "ouvrir l'éditeur d'un échange (pôle B)": "non non non non non oui oui oui",
    "modifier un travail de recherche (pôle B)": "non non non non non oui oui oui",
    "soumettre un travail de recherche (pôle B)": "non non non non non oui oui oui",
    "révision créée sur un travail de recherche (pôle B)": "non non non non non oui oui oui",
    "ouvrir l'import de références": "non non non non non non oui oui",
    "envoyer un fichier de références": "non non non non non non oui oui",
}


@pytest.fixture
def world(site_tree, territory):
    # The search records are written after commit: run those callbacks, as the site would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return build_world(site_tree, territory("44109"))


def build_world(site_tree, nantes):
    pole_b = PoleFactory(name="Mobilité solidaire", slug="mobilite-solidaire")
    section_b = PoleSectionPageFactory(parent=site_tree.pole_index, pole=pole_b)
    pole_without_section = PoleFactory(name="Santé", slug="sante")
    current, ended = cohort("promotion 2025-2026", 30), cohort("promotion 2024-2025", -1)
    readers = (current.group, ended.group, documentalists())
    private = private_collection("DU ESS (privé)", *readers)
    document = ArchiveDocumentFactory(title=DOCUMENT, collection=private)
    image = wagtail_factories.ImageFactory(title="Schéma confidentiel", collection=private)

    course = CoursePageFactory(
        parent=site_tree.course_index,
        title=COURSE,
        date=datetime.date(2025, 9, 15),
        summary=f"Séminaire confidentiel {SEARCH_WORD}.",
        poles=[site_tree.pole, pole_without_section],
        themes=[site_tree.theme],
        territories=[nantes],
        tags=["du-ess"],
    )
    restrict_page(course, *readers)
    public = PracticeExchangePageFactory(parent=site_tree.practice_index, title="Une épicerie solidaire à Rezé")
    presentation = CoursePageFactory(
        parent=site_tree.course_index,
        title="Présentation du DU",
        reading_list=[("item", course), ("document", document)],
    )
    answer = ThematicAnswerPageFactory(
        parent=site_tree.answer_index,
        theme=site_tree.theme,
        synthesis=[("claim", {"claim": "<p>Le DU forme les acteurs.</p>", "evidence": [course, public]})],
    )
    further_reading = ThematicAnswerPageFactory(parent=site_tree.answer_index, related_pages=[("item", course)])
    public_paper = ResearchPaperPageFactory(
        parent=site_tree.research_index, title="Travail public au texte réservé", pdf=document
    )

    people = SimpleNamespace(
        registered=person("lectrice"),
        current=person("etudiante", current.group),
        ended=person("ancien-etudiant", ended.group),
        animator_a=person("animatrice-a", site_tree.pole.animators),
        animator_b=person("animateur-b", pole_b.animators),
        documentalist=person("documentaliste", documentalists()),
        superuser=person("admin", superuser=True),
    )
    pending = ResearchPaperPageFactory(parent=site_tree.research_index, title="Travail en relecture", live=False)
    # What the documentalists published for each pole: neither animator created it.
    contributions = {"parent": site_tree.practice_index, "owner": people.documentalist}
    exchange_a = PracticeExchangePageFactory(title="Échange du pôle A", poles=[site_tree.pole], **contributions)
    exchange_b = PracticeExchangePageFactory(title="Échange du pôle B", poles=[pole_b], **contributions)
    contributions["parent"] = site_tree.research_index
    paper_b = ResearchPaperPageFactory(title="Travail du pôle B", poles=[pole_b], **contributions)
    pending.save_revision(user=people.animator_a)
    pending.get_workflow().start(pending, people.animator_a)

    return SimpleNamespace(
        site_tree=site_tree,
        people=people,
        section_b=section_b,
        course=course,
        public=public,
        answer=answer,
        further_reading=further_reading,
        presentation=presentation,
        public_paper=public_paper,
        document=document,
        rendition=image.get_rendition("max-200x200"),
        nantes=nantes,
        note_a=PoleNotePageFactory(parent=site_tree.pole_section, title="Note du pôle A"),
        note_b=PoleNotePageFactory(parent=section_b, title="Note du pôle B"),
        pending=pending,
        pole_b=pole_b,
        exchange_a=exchange_a,
        exchange_b=exchange_b,
        paper_b=paper_b,
    )


def clients(world):
    """One browser per role, in the order of ROLES."""
    people = world.people
    users = [None, people.registered, people.current, people.ended]
    users += [people.animator_a, people.animator_b, people.documentalist, people.superuser]
    browsers = []
    for user in users:
        browser = Client()
        if user is not None:
            browser.force_login(user)
        browsers.append(browser)
    return browsers


def opened(response):
    if response.status_code == 200:
        return "oui"
    if response.status_code == 302 and settings.WAGTAIL_FRONTEND_LOGIN_URL in response["Location"]:
        return "connexion"
    return str(response.status_code)


def shows(text):
    def check(browser, world, url):
        response = browser.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return "oui" if text in response.content.decode() else "non"

    return check


def listing(url_of, text_of=lambda world: COURSE):
    return lambda browser, world: shows(text_of(world))(browser, world, url_of(world))


def note_saved(section_of, action):
    """Create a note in a section (action "create"), or edit or publish its existing note."""

    def attempt(browser, world):
        with rolled_back():
            note = section_of(world)
            if action == "create":
                browser.post(add_url(PoleNotePage, note.get_parent()), note_form("Nouvelle note", "nouvelle-note"))
                return yes(PoleNotePage.objects.filter(slug="nouvelle-note").exists())
            title = f"{note.title}, {action}"
            browser.post(edit_url(note), note_form(title, note.slug, "publish" if action == "publication" else None))
            note = Page.objects.get(pk=note.pk)
            if action == "publication":
                return yes(note.title == title and note.live)
            return yes(note.draft_title == title)

    return attempt


def submit_paper(poles_of):
    """Propose a new paper in the poles `poles_of(world)`: both animators', or none."""

    def attempt(browser, world):
        with rolled_back():
            form = paper_form("Proposé", "propose", "submit", poles=poles_of(world))
            browser.post(add_url(ResearchPaperPage, world.site_tree.research_index), form)
            paper = ResearchPaperPage.objects.filter(slug="propose").first()
            return yes(paper is not None and paper.workflow_in_progress and not paper.live)

    return attempt


def approve_paper(browser, world):
    with rolled_back():
        task_state = world.pending.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=(world.pending.pk, "approve", task_state.pk))
        browser.post(url, {"comment": "Bien documenté, merci."})
        return yes(Page.objects.get(pk=world.pending.pk).live)


def exchange_created(poles_of):
    def attempt(browser, world):
        with rolled_back():
            form = exchange_form("Nouvel échange", "nouvel-echange", poles=poles_of(world))
            browser.post(add_url(PracticeExchangePage, world.site_tree.practice_index), form)
            return yes(PracticeExchangePage.objects.filter(slug="nouvel-echange").exists())

    return attempt


def item_saved(item_of, form, outcome="draft", poles_of=lambda world: [world.site_tree.pole, world.pole_b], **post):
    """Post an item's edit form: a draft, a submission, or the revisions it leaves whatever the answer (outcome
    "revision"; `post` adds the headers of Wagtail's autosave). The form ticks both animators' poles by default,
    as an animator would to take an item over: only the right to edit the item as it stands may refuse."""

    def attempt(browser, world):
        with rolled_back():
            item = item_of(browser, world)
            title, revisions = f"{item.title}, modifié", item.revisions.count()
            action = "submit" if outcome == "submission" else None
            data = form(title, item.slug, action, poles=poles_of(world))
            browser.post(edit_url(item), data, **post)
            saved = Page.objects.get(pk=item.pk)
            if outcome == "submission":
                return yes(saved.workflow_in_progress)
            if outcome == "revision":
                return yes(saved.revisions.count() > revisions)
            return yes(saved.draft_title == title)

    return attempt


def item(name):
    return lambda browser, world: getattr(world, name)


def own_exchange(browser, world):
    """An exchange without a pole that the browser's user created (owned by nobody for the anonymous visitor)."""
    owner = User.objects.filter(pk=browser.session.get(SESSION_KEY)).first()
    return PracticeExchangePageFactory(parent=world.site_tree.practice_index, title="Mon échange", owner=owner)


def listed_in_explorer(browser, world):
    response = browser.get(reverse("wagtailadmin_explore", args=(world.site_tree.practice_index.pk,)))
    return yes(response.status_code == 200 and world.exchange_b.title in response.content.decode())


def yes(condition):
    return "oui" if condition else "non"


def import_page_opened(browser, world):
    return yes(browser.get(reverse("imports:start")).status_code == 200)


def references_sent(browser, world):
    """An upload reaches the preview: a batch is stored (and rolled back), whatever the answer."""
    upload = SimpleUploadedFile("refs.bib", b"@book{a, title={Un livre}, author={Durand, Anne}, year={2020}}")
    collection = Collection.get_first_root_node().pk
    with rolled_back():
        browser.post(
            reverse("imports:start"), {"source": upload, "duplicates": "skip", "publish": "0", "collection": collection}
        )
        return yes(ImportBatch.objects.exists())


ACTIONS = {
    "voir une page publique": lambda browser, world: opened(browser.get(world.public.url)),
    "voir un cours du DU": lambda browser, world: opened(browser.get(world.course.url)),
    "télécharger un document privé": lambda browser, world: opened(browser.get(world.document.url)),
    "voir une image privée (rendu)": lambda browser, world: opened(browser.get(world.rendition.url)),
    "cours listé : accueil": listing(lambda world: world.site_tree.home.url),
    "cours listé : index du DU": listing(lambda world: world.site_tree.course_index.url),
    "cours listé : section du pôle A": listing(lambda world: world.site_tree.pole_section.url),
    "cours listé : pôle sans section": listing(lambda world: reverse("kb:pole", args=["sante"])),
    "cours listé : territoire": listing(lambda world: world.nantes.get_absolute_url()),
    "cours listé : thème": listing(lambda world: world.site_tree.theme.get_absolute_url()),
    "cours listé : mot-clé": listing(lambda world: reverse("kb:tag", args=["du-ess"])),
    "cours cité : éléments liés": listing(lambda world: world.further_reading.url),
    "cours cité : preuves d'une réponse": listing(lambda world: world.answer.url),
    "cours cité : bibliographie": listing(lambda world: world.presentation.url),
    "document privé : bibliographie": listing(lambda world: world.presentation.url, lambda world: DOCUMENT),
    "document privé : PDF d'un travail public": listing(lambda world: world.public_paper.url, lambda world: DOCUMENT),
    "cours trouvé : recherche": listing(lambda world: f"{reverse('search:page')}?q={SEARCH_WORD}"),
    "cours listé : plan du site": listing(lambda world: "/sitemap.xml", lambda world: world.course.url),
    "API Wagtail": lambda browser, world: yes(browser.get("/api/v2/pages/").status_code == 200),
    "créer une note (pôle A)": note_saved(lambda world: world.note_a, "create"),
    "modifier une note (pôle A)": note_saved(lambda world: world.note_a, "modification"),
    "publier une note (pôle A)": note_saved(lambda world: world.note_a, "publication"),
    "créer une note (pôle B)": note_saved(lambda world: world.note_b, "create"),
    "modifier une note (pôle B)": note_saved(lambda world: world.note_b, "modification"),
    "publier une note (pôle B)": note_saved(lambda world: world.note_b, "publication"),
    "proposer un travail de recherche": submit_paper(lambda world: [world.site_tree.pole, world.pole_b]),
    "approuver un travail de recherche": approve_paper,
    "proposer un travail de recherche sans pôle": submit_paper(lambda world: []),
    "créer un échange (pôle A)": exchange_created(lambda world: [world.site_tree.pole]),
    "créer un échange sans pôle": exchange_created(lambda world: []),
    "modifier un échange (pôle A)": item_saved(item("exchange_a"), exchange_form),
    "modifier un échange (pôle B)": item_saved(item("exchange_b"), exchange_form),
    "soumettre un échange (pôle B)": item_saved(item("exchange_b"), exchange_form, "submission"),
    "révision créée sur un échange (pôle B)": item_saved(item("exchange_b"), exchange_form, "revision"),
    "révision créée par l'enregistrement automatique (pôle B)": item_saved(
        item("exchange_b"), exchange_form, "revision", headers={"Accept": "application/json"}
    ),
    "modifier son propre échange sans pôle": item_saved(own_exchange, exchange_form, poles_of=lambda world: []),
    "voir un échange (pôle B) dans l'explorateur": listed_in_explorer,
    "ouvrir l'éditeur d'un échange (pôle B)": lambda browser, world: yes(
        browser.get(edit_url(world.exchange_b)).status_code == 200
    ),
    "modifier un travail de recherche (pôle B)": item_saved(item("paper_b"), paper_form),
    "soumettre un travail de recherche (pôle B)": item_saved(item("paper_b"), paper_form, "submission"),
    "révision créée sur un travail de recherche (pôle B)": item_saved(item("paper_b"), paper_form, "revision"),
    "ouvrir l'import de références": lambda browser, world: yes(
        browser.get(reverse("imports:start")).status_code == 200
    ),
    "envoyer un fichier de références": references_sent,
}


def table(outcomes):
    width = max(len(action) for action in outcomes) + 2
    columns = [max(len(role), 9) + 2 for role in ROLES]
    lines = ["".ljust(width) + "".join(role.ljust(size) for role, size in zip(ROLES, columns, strict=True))]
    for action, cells in outcomes.items():
        lines.append(action.ljust(width) + "".join(cell.ljust(size) for cell, size in zip(cells, columns, strict=True)))
    return "\n".join(lines)


def test_each_role_can_do_exactly_what_it_allows(world):
    assert ACTIONS.keys() == EXPECTED.keys()
    browsers = clients(world)
    outcomes = {action: [attempt(browser, world) for browser in browsers] for action, attempt in ACTIONS.items()}

    print("\n" + table(outcomes))
    wrong = [
        f"{action} / {role}: attendu {expected}, obtenu {got}"
        for action, cells in outcomes.items()
        for role, expected, got in zip(ROLES, EXPECTED[action].split(), cells, strict=True)
        if expected != got
    ]
    assert not wrong, "\n".join(wrong)
