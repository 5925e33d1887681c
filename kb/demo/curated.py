"""The curated demo archive loaded by `manage.py kb_demo`: realistic French content, idempotent.

Pages are found by slug under their parent and kept when they exist, taxonomy is
get-or-create, so running it again changes nothing and never loses an editor's work.
"""

import random
from datetime import datetime, time, timedelta
from itertools import chain

from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Collection, CollectionViewRestriction, Page, PageLogEntry, PageViewRestriction, Revision

from kb.factories import (
    PoleFactory,
    PoleIndexPageFactory,
    PoleNotePageFactory,
    PoleSectionPageFactory,
    PracticeExchangeIndexPageFactory,
    PracticeExchangePageFactory,
    ThematicAnswerIndexPageFactory,
    ThematicAnswerPageFactory,
    ThemeFactory,
)
from kb.models import HomePage, Territory
from kb.roles import DOCUMENTALISTS
from resources.factories import (
    ArchiveDocumentFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ResearchPaperIndexPageFactory,
    ResearchPaperPageFactory,
)
from resources.models import DUCohort, LessonDocument
from studydays.factories import SpeakerFactory, StudyDayIndexPageFactory, StudyDayPageFactory
from studydays.models import StudyDayDocument, StudyDayPartner

from .content.answers import ANSWERS
from .content.course import COURSE, LESSONS
from .content.exchanges import EXCHANGES
from .content.notes import NOTES
from .content.papers import PAPERS
from .content.studydays import FORUM, SPEAKERS, STUDY_DAYS
from .content.taxonomy import (
    COURSE_COLLECTION,
    INDEX_PAGES,
    LOCAL_TERRITORIES,
    PAPER_COLLECTION,
    POLES,
    STUDENTS_PROMOTION,
    STUDY_DAY_COLLECTION,
    THEMES,
)
from .documents import paper_pages, reading_file_pages, slides_pages, study_day_pages
from .markup import REAL_TEXTS, body_item, proceedings_html, quoted_paragraph, rich

INDEX_FACTORIES = {
    "studydays": StudyDayIndexPageFactory,
    "exchanges": PracticeExchangeIndexPageFactory,
    "papers": ResearchPaperIndexPageFactory,
    "answers": ThematicAnswerIndexPageFactory,
    "poles": PoleIndexPageFactory,
    "course": CourseIndexPageFactory,
}
EXCHANGE_FIELDS = ["context", "actors", "actions", "results", "lessons", "contacts"]
SLIDES_SHARE = 0.15
VIDEO_SHARE = 0.5
# No real recordings exist: video links point to a reserved example domain.
VIDEO_ARCHIVE = "https://videos.ess-nantes.example"


def build_demo_archive(seed, log):
    """Load the curated demo archive and return a one-line French summary."""
    with transaction.atomic():
        return DemoArchive(seed, log).build()


def referenced_codes():
    """Every official territory code the content uses."""
    notes = chain.from_iterable(NOTES.values())
    items = chain(STUDY_DAYS, [FORUM], EXCHANGES, PAPERS, ANSWERS, [COURSE], notes)
    refs = {ref for item in items for ref in item.get("territories", [])}
    refs |= {parent for _name, _kind, parent in LOCAL_TERRITORIES}
    return {ref for ref in refs if ref.isdigit()}


class DemoArchive:
    """Builds the archive step by step; each step keeps what already exists."""

    def __init__(self, seed, log):
        self.rng = random.Random(seed)
        self.log = log
        self.created = self.kept = self.documents = 0
        self.items = {}  # archive pages by slug, for evidence, related items and readings
        self.speakers = {}

    def build(self):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("Page d'accueil introuvable : lancez d'abord « python manage.py migrate ».")
        self.territories = self.load_territories()
        self.poles = {
            p["slug"]: PoleFactory(slug=p["slug"], name=p["name"], description=p["description"]) for p in POLES
        }
        self.themes = {t["slug"]: ThemeFactory(**t) for t in THEMES}
        self.collections = {name: self.collection(name) for name in (STUDY_DAY_COLLECTION, PAPER_COLLECTION)}
        indexes = self.step("Rubriques", self.index_pages, home)
        self.step("Pôles et notes de pôle", self.pole_sections, indexes["poles"])
        self.step("Journées d'étude", self.study_days, indexes["studydays"])
        self.step("Échanges de pratiques", self.exchanges, indexes["exchanges"])
        self.step("Travaux de recherche", self.papers, indexes["papers"])
        self.step("Réponses thématiques", self.answers, indexes["answers"])
        self.step("DU ESS", self.course, indexes["course"])
        return (
            f"Archive de démonstration : {self.created} pages créées, {self.kept} déjà présentes, "
            f"{self.documents} documents ajoutés"
        )

    def step(self, label, build, *args):
        created, kept = self.created, self.kept
        result = build(*args)
        self.log(f"  {label} : {self.created - created} pages créées, {self.kept - kept} déjà présentes.")
        return result

    def load_territories(self):
        """Official territories by code and local ones by name; the official ones must be imported."""
        codes = referenced_codes()
        places = {t.code: t for t in Territory.objects.filter(code__in=codes)}
        missing = sorted(codes - places.keys())
        if missing:
            raise CommandError(
                f"Territoires officiels introuvables ({', '.join(missing)}) : "
                "lancez d'abord « python manage.py kb_territories »."
            )
        for name, kind, parent in LOCAL_TERRITORIES:
            places[name], _ = Territory.objects.get_or_create(name=name, kind=kind, defaults={"parent": places[parent]})
        return places

    def collection(self, name):
        root = Collection.get_first_root_node()
        return root.get_children().filter(name=name).first() or root.add_child(name=name)

    def ensure_page(self, parent, factory, slug, build, *args, lookup=None):
        """The child of `parent` with this slug; made from `build(*args)` only when missing."""
        model = factory._meta.model
        if lookup is None:
            # An index that may exist only once is found by type, so an editor may rename its slug.
            lookup = {} if model.max_count == 1 else {"slug": slug}
        page = model.objects.child_of(parent).filter(**lookup).first()
        if page is not None:
            self.kept += 1
            return page
        fields = build(*args)
        page = factory(parent=parent, slug=slug, **fields)
        self.publish(page, fields.get("date"))
        self.created += 1
        return page

    def ensure_item(self, parent, factory, item, build, *args):
        page = self.ensure_page(parent, factory, item["slug"], build, item, *args)
        self.items[item["slug"]] = page
        return page

    def publish(self, page, day):
        revision = page.save_revision()
        revision.publish()
        if day:
            # Items went online within a month of their date; the admin history should say so.
            moment = timezone.make_aware(datetime.combine(day + timedelta(days=self.rng.randint(0, 30)), time(10)))
            moment = min(moment, timezone.now())
            Page.objects.filter(pk=page.pk).update(
                first_published_at=moment, last_published_at=moment, latest_revision_created_at=moment
            )
            Revision.objects.filter(pk=revision.pk).update(created_at=moment)
            PageLogEntry.objects.filter(page=page).update(timestamp=moment)

    def classification(self, item):
        return {
            "poles": [self.poles[slug] for slug in item.get("poles", [])],
            "themes": [self.themes[slug] for slug in item.get("themes", [])],
            "territories": [self.territories[ref] for ref in item.get("territories", [])],
            "tags": item.get("tags", []),
        }

    def document(self, title, pages, collection, day, description=""):
        """A PDF published on `day`, unclassed: a page attaches each one, and its record carries the PDF's text."""
        self.documents += 1
        filename = f"{slugify(title)[:80]}.pdf"
        return ArchiveDocumentFactory(
            title=title,
            pages=pages,
            filename=filename,
            collection=collection,
            description=description,
            publication_date=day,
        )

    def index_pages(self, home):
        return {
            key: self.ensure_page(home, INDEX_FACTORIES[key], spec["slug"], self.index_fields, spec)
            for key, spec in INDEX_PAGES.items()
        }

    @staticmethod
    def index_fields(spec):
        return {"title": spec["title"], "introduction": spec["introduction"], "show_in_menus": True}

    def pole_sections(self, pole_index):
        for spec in POLES:
            pole = self.poles[spec["slug"]]
            section = self.ensure_page(
                pole_index, PoleSectionPageFactory, spec["slug"], self.section_fields, spec, lookup={"pole": pole}
            )
            for note in NOTES[spec["slug"]]:
                self.ensure_item(section, PoleNotePageFactory, note, self.note_fields)

    def section_fields(self, spec):
        return {
            "pole": self.poles[spec["slug"]],
            "title": spec["name"],
            "introduction": spec["description"],
            "animators_text": spec["animators"],
        }

    def note_fields(self, note):
        return {
            **self.classification(note),
            "title": note["title"],
            "date": note["date"],
            "summary": note["summary"],
            "body": [body_item(*item) for item in note["body"]],
        }

    def study_days(self, index):
        for day in sorted([*STUDY_DAYS, FORUM], key=lambda day: day["date"]):
            self.ensure_item(index, StudyDayPageFactory, day, self.study_day_fields)

    def study_day_fields(self, day):
        collection = self.collections[STUDY_DAY_COLLECTION]
        actes = self.document(
            f"Actes — {day['title']}", study_day_pages(day, SPEAKERS), collection, day["date"], day["summary"]
        )
        return {
            **self.classification(day),
            "title": day["title"],
            "date": day["date"],
            "end_date": day.get("end_date"),
            "venue": day["venue"],
            "summary": day["summary"],
            "partners": [StudyDayPartner(name=name, url=url) for name, url in day["partners"]],
            "programme": [("session", self.session(session, day)) for session in day["sessions"]],
            "proceedings": proceedings_html(day["proceedings"], actes),
            "proceedings_documents": [StudyDayDocument(document=actes)],
        }

    def session(self, session, day):
        return {
            "title": session["title"],
            "day": session.get("day"),
            "start_time": time.fromisoformat(session["start"]),
            "end_time": time.fromisoformat(session["end"]),
            "chair": self.speaker(session["chair"]),
            "talks": [self.talk(talk, day, session.get("day") or day["date"]) for talk in session["talks"]],
        }

    def talk(self, talk, day, when):
        slides = None
        if self.rng.random() < SLIDES_SHARE:
            pages = slides_pages(talk, day, SPEAKERS)
            slides = self.document(f"Support — {talk['title']}", pages, self.collections[STUDY_DAY_COLLECTION], when)
        # The pole filmed its events from the 2006 forum on.
        filmed = day["date"].year >= 2006 and self.rng.random() < VIDEO_SHARE
        return {
            "title": talk["title"],
            "speakers": [self.speaker(name) for name in talk["speakers"]],
            "abstract": talk["abstract"],
            "slides": slides,
            "video_url": f"{VIDEO_ARCHIVE}/{day['slug']}/{slugify(talk['title'])[:60]}" if filmed else "",
        }

    def speaker(self, name):
        if name not in self.speakers:
            self.speakers[name] = SpeakerFactory(name=name, affiliation=SPEAKERS[name])
        return self.speakers[name]

    def exchanges(self, index):
        for exchange in EXCHANGES:
            self.ensure_item(index, PracticeExchangePageFactory, exchange, self.exchange_fields)

    def exchange_fields(self, exchange):
        return {
            **self.classification(exchange),
            "title": exchange["title"],
            "date": exchange["date"],
            "summary": exchange["summary"],
            **{field: rich(exchange[field]) for field in EXCHANGE_FIELDS},
        }

    def papers(self, index):
        for paper in PAPERS:
            self.ensure_item(index, ResearchPaperPageFactory, paper, self.paper_fields)

    def paper_fields(self, paper):
        pdf = None
        if paper.get("pdf", True):
            pdf = self.document(
                paper["title"], paper_pages(paper), self.collections[PAPER_COLLECTION], paper["date"], paper["summary"]
            )
        return {
            **self.classification(paper),
            "title": paper["title"],
            "authors": paper["authors"],
            "paper_type": paper["paper_type"],
            "date": paper["date"],
            "venue": paper["venue"],
            **{field: paper.get(field, "") for field in ("publisher", "place", "volume", "issue", "pages")},
            "language": paper.get("language", "fr"),
            "summary": paper["summary"],
            "abstract": rich(paper["abstract"]),
            "doi": paper.get("doi", ""),
            "hal_id": paper.get("hal_id", ""),
            "pdf": pdf,
        }

    def answers(self, index):
        for answer in ANSWERS:
            self.ensure_item(index, ThematicAnswerPageFactory, answer, self.answer_fields)

    def answer_fields(self, answer):
        return {
            **self.classification(answer),
            "title": answer["title"],
            "question": answer["question"],
            "theme": self.themes[answer["theme"]],
            "date": answer["date"],
            "last_reviewed": answer["last_reviewed"],
            "summary": answer["summary"],
            "synthesis": [self.synthesis_item(*item) for item in answer["synthesis"]],
            "related_pages": [("item", self.items[slug]) for slug in answer["related"]],
        }

    def synthesis_item(self, kind, *args):
        if kind == "claim":
            text, evidence = args
            return ("claim", {"claim": f"<p>{text}</p>", "evidence": [self.items[slug] for slug in evidence]})
        if kind in REAL_TEXTS:
            return quoted_paragraph(kind, *args)
        return body_item(kind, *args)

    def course(self, index):
        """The DU course, open to the cohort's students and the documentalists, its files in a private collection."""
        cohort = DUCohort.objects.get_or_create(promotion=STUDENTS_PROMOTION)[0]
        readers = [cohort.group, Group.objects.get_or_create(name=DOCUMENTALISTS)[0]]
        private = self.collection(COURSE_COLLECTION)
        if not private.get_view_restrictions().exists():
            restriction = CollectionViewRestriction.objects.create(
                collection=private, restriction_type=CollectionViewRestriction.GROUPS
            )
            restriction.groups.set(readers)
        course = self.ensure_item(index, CoursePageFactory, COURSE, self.course_fields)
        if not course.get_view_restrictions().exists():
            restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set(readers)
        for lesson in LESSONS:
            self.ensure_item(course, LessonPageFactory, lesson, self.lesson_fields, private)

    def course_fields(self, course):
        return {
            **self.classification(course),
            "title": course["title"],
            "code": course["code"],
            "teachers": course["teachers"],
            "date": course["date"],
            "summary": course["summary"],
            "description": rich(course["description"]),
            "reading_list": self.reading_list(course["reading"]),
        }

    def lesson_fields(self, lesson, collection):
        files = [
            self.document(
                title, reading_file_pages(title, COURSE["code"], refs), collection, lesson["date"], lesson["summary"]
            )
            for title, refs in lesson["files"]
        ]
        return {
            **self.classification({"themes": COURSE["themes"], "tags": ["DU ESS"]}),
            "title": lesson["title"],
            "number": lesson["number"],
            "date": lesson["date"],
            "summary": lesson["summary"],
            "body": [body_item(*item) for item in lesson["body"]],
            "reading_list": self.reading_list(lesson["reading"]),
            "documents": [LessonDocument(document=document) for document in files],
        }

    def reading_list(self, entries):
        """Reading entries: an archive item, the first PDF of an archive item, or an outside reference."""
        stream = []
        for kind, *args in entries:
            if kind == "item":
                stream.append(("item", self.items[args[0]]))
            elif kind == "document":
                stream.append(("document", self.items[args[0]].attached_documents()[0]))
            else:
                citation, url = args
                stream.append(("reference", {"citation": citation, "url": url}))
        return stream
