"""Generate a large, realistic archive in bulk for benchmarks (`manage.py kb_demo --records N`).

Generated items are numbered 1..N and carry their number in their slug ("...-g000123").
A run creates the numbers that are missing: re-running with the same N adds nothing, and
a larger N tops the archive up with exactly the items a single run would have made.
"""

import base64
import datetime
import html
import io
import json
import multiprocessing
import os
import random
import re
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import connection, reset_queries, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from taggit.models import Tag
from wagtail.models import Collection, Page, Site
from wagtail.utils.file import hash_filelike

from kb.models import (
    ArchivePage,
    ArchivePageTag,
    ArchivePageTerritory,
    HomePage,
    Pole,
    PoleIndexPage,
    PoleNotePage,
    PoleSectionPage,
    PracticeExchangeIndexPage,
    PracticeExchangePage,
    Territory,
    TerritoryKind,
    Theme,
)
from kb.models.taxonomy import OFFICIAL_KINDS
from resources.models import ArchiveDocument, PaperType, ResearchPaperAuthor, ResearchPaperIndexPage, ResearchPaperPage
from resources.pdf import make_pdf
from resources.pdf_worker import extract_pages
from studydays.models import Speaker, StudyDayDocument, StudyDayIndexPage, StudyDayPage, StudyDayPartner

from .content.taxonomy import INDEX_PAGES, PAPER_COLLECTION, POLES, STUDY_DAY_COLLECTION, THEMES
from .curated import VIDEO_ARCHIVE
from .documents import french_date

TEXTS = Path(__file__).with_name("texts")
BATCH_SIZE = 2_000
SLUG_NUMBER = r"-g[0-9]{6}$"
FIRST_DAY, LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2026, 6, 30)
REAL_SHARE = 0.5  # of sentences taken from the real texts, the rest templated on the item's own words
PDF_PAGE_CHARS = 2_400  # make_pdf does not break pages: about 3,900 characters fit an A4 page
SPEAKERS = 300

PoleLink, ThemeLink = ArchivePage.poles.through, ArchivePage.themes.through
# The column of each related row that points at its page.
OWNER_COLUMN = {PoleLink: "archivepage_id", ThemeLink: "archivepage_id", ArchivePageTag: "content_object_id"}


@dataclass(frozen=True)
class Kind:
    weight: int  # share of the archive
    pdf_share: float  # share of items of this kind that come with a PDF
    label: str


KINDS = {
    PracticeExchangePage: Kind(40, 0.0, "échanges de pratiques"),
    ResearchPaperPage: Kind(30, 0.06, "travaux de recherche"),
    PoleNotePage: Kind(20, 0.0, "notes de pôle"),
    StudyDayPage: Kind(10, 0.10, "journées d'étude"),
}
INDEXES = {  # archive item type: (its index page type, its key in the curated INDEX_PAGES)
    PracticeExchangePage: (PracticeExchangeIndexPage, "exchanges"),
    ResearchPaperPage: (ResearchPaperIndexPage, "papers"),
    StudyDayPage: (StudyDayIndexPage, "studydays"),
}
COLLECTIONS = {ResearchPaperPage: PAPER_COLLECTION, StudyDayPage: STUDY_DAY_COLLECTION}

# Vocabulary. Sentence templates never put "à" or "de" before a slot, so that the
# articles in the slots ("le", "les", "l'") never need contracting.
SUBJECTS = {  # theme slug: (subject, pole slug), slugs of the curated taxonomy
    "richesse": [
        ("le commerce équitable", "commerce-equitable"),
        ("une monnaie locale complémentaire", "finances-solidaires"),
        ("l'épargne solidaire", "finances-solidaires"),
        ("une coopérative d'activité et d'emploi", "insertion-par-l-activite-economique"),
        ("une recyclerie", "consommation-responsable"),
        ("le réemploi des matériaux du bâtiment", "consommation-responsable"),
        ("une centrale villageoise photovoltaïque", "finances-solidaires"),
    ],
    "se-soigner": [
        ("un centre de santé associatif", "services-a-la-personne"),
        ("une mutuelle communale", "services-a-la-personne"),
        ("l'aide à domicile en coopérative", "services-a-la-personne"),
        ("la pair-aidance en santé mentale", "services-a-la-personne"),
        ("l'habitat inclusif pour personnes âgées", "habitat"),
    ],
    "se-loger": [
        ("l'habitat participatif", "habitat"),
        ("une coopérative d'habitants", "habitat"),
        ("un organisme de foncier solidaire", "habitat"),
        ("la rénovation énergétique solidaire", "habitat"),
        ("la colocation intergénérationnelle", "habitat"),
        ("l'auto-réhabilitation accompagnée", "habitat"),
    ],
    "se-deplacer": [
        ("un garage solidaire", "mobilite"),
        ("le covoiturage rural", "mobilite"),
        ("la location solidaire de voitures", "mobilite"),
        ("une vélo-école", "mobilite"),
        ("l'autopartage entre voisins", "mobilite"),
        ("une plateforme de mobilité", "mobilite"),
        ("un atelier vélo participatif", "consommation-responsable"),
    ],
    "creer-des-emplois": [
        ("un chantier d'insertion", "insertion-par-l-activite-economique"),
        ("une entreprise adaptée", "insertion-par-l-activite-economique"),
        ("un groupement d'employeurs", "insertion-par-l-activite-economique"),
        ("l'expérimentation Territoires zéro chômeur de longue durée", "insertion-par-l-activite-economique"),
        ("la reprise d'entreprise en SCOP", "finances-solidaires"),
        ("la garde d'enfants en SCIC", "services-a-la-personne"),
    ],
    "se-nourrir": [
        ("une AMAP", "consommation-responsable"),
        ("une épicerie solidaire", "consommation-responsable"),
        ("une légumerie d'insertion", "insertion-par-l-activite-economique"),
        ("un supermarché coopératif", "consommation-responsable"),
        ("les jardins partagés", "consommation-responsable"),
        ("un projet alimentaire territorial", "consommation-responsable"),
        ("le café équitable en restauration collective", "commerce-equitable"),
    ],
    "se-cultiver": [
        ("un café culturel associatif", "culture"),
        ("un festival de musiques en SCIC", "culture"),
        ("l'éducation populaire", "culture"),
        ("une bibliothèque de rue", "culture"),
        ("un lieu intermédiaire pour artistes", "culture"),
    ],
}
STRUCTURE_KINDS = [
    "l'association", "la SCOP", "la SCIC", "la coopérative d'activité et d'emploi", "la régie de quartier",
    "l'entreprise d'insertion", "l'atelier chantier d'insertion", "l'AMAP", "la mutuelle", "la fondation",
    "la ressourcerie", "le tiers-lieu", "l'épicerie solidaire", "le garage solidaire", "l'entreprise adaptée",
    "le groupement d'employeurs", "le café associatif", "le club CIGALES",
]  # fmt: skip
STRUCTURE_NAMES = [
    "Les Ateliers", "La Fabrique", "Le Relais", "Les Jardins", "La Ruche", "Le Chantier", "L'Escale", "La Marmite",
    "Le Grenier", "La Boussole", "Le Passage", "La Cordée", "Les Petits Pas", "Le Bocal", "La Clef", "Les Écluses",
    "Le Fil", "La Source",
]  # fmt: skip
STRUCTURE_PLACES = [
    "de l'Erdre", "de la Sèvre", "de l'Estuaire", "du Sillon", "de Brière", "du Pays de Retz", "des Mauges",
    "du Layon", "de la Loire", "du Marais", "de la Vilaine", "du Bocage", "des Coteaux", "de la Mayenne",
    "du Perche", "de l'Huisne", "du lac de Grand-Lieu", "de la Côte de Lumière",
]  # fmt: skip
PUBLICS = [
    "les personnes éloignées de l'emploi", "les jeunes de 16 à 25 ans", "les habitants des quartiers prioritaires",
    "les personnes âgées isolées", "les familles monoparentales", "les agriculteurs en reconversion",
    "les salariés en insertion", "les étudiants", "les personnes en situation de handicap",
    "les demandeurs d'asile", "les habitants des communes rurales", "les bénévoles",
]  # fmt: skip
FUNDERS = [
    "Nantes Métropole", "la Région Pays de la Loire", "le Département de Loire-Atlantique",
    "France Active Pays de la Loire", "la Banque des Territoires", "l'ADEME", "la Caisse d'allocations familiales",
    "le Fonds social européen", "la Nef", "le Crédit Coopératif", "la Fondation de France",
    "l'Agence régionale de santé", "la CARENE",
]  # fmt: skip
CONCEPTS = [
    "la gouvernance démocratique", "l'utilité sociale", "l'hybridation des ressources", "la lucrativité limitée",
    "la coopération territoriale", "l'innovation sociale", "l'engagement bénévole", "l'action publique locale",
    "la démocratie économique", "l'évaluation d'impact", "la transition écologique", "la mesure de la valeur",
]  # fmt: skip
ANGLES = [
    "une enquête en Pays de la Loire", "analyse de {n1} structures ligériennes", "regards croisés",
    "une approche par les communs", "vingt ans de pratiques en Loire-Atlantique", "le cas {de_commune}",
    "une monographie", "une comparaison entre métropole et espace rural",
]  # fmt: skip
SENTENCES = [
    "{Structure} accompagne depuis {annee} {public} avec {sujet}.",
    "{Lieu}, le projet est né d'un constat partagé par les habitants et les élus : rien n'existait pour {public}.",
    "{Sujet} repose sur une gouvernance partagée entre salariés, bénévoles, usagers et collectivités.",
    "{Financeur} a soutenu l'amorçage, complété par un prêt d'honneur et par l'épargne solidaire des habitants.",
    "Après {n1} mois d'expérimentation, {n2} personnes ont été accompagnées et {n3} emplois durables créés.",
    "L'évaluation de l'utilité sociale montre des effets sur le lien social, la confiance en soi et l'autonomie.",
    "Les difficultés tiennent d'abord au modèle économique : la dépendance aux subventions publiques reste forte.",
    "La transférabilité suppose un portage politique local et un réseau d'acteurs de l'économie sociale et solidaire.",
    "Le pôle {pole} a réuni plusieurs fois les structures du territoire pour comparer leurs pratiques.",
    "L'agrément ESUS obtenu par {structure} lui a ouvert l'accès aux financements solidaires.",
    "{Structure} emploie aujourd'hui {n2} salariés, dont une partie en contrat à durée déterminée d'insertion.",
    "{Lieu}, les élus ont introduit des clauses sociales dans leurs marchés publics pour soutenir {sujet}.",
    "Un tiers-lieu accueille désormais les permanences, une recyclerie et un atelier de réparation de vélos.",
    "Cette démarche d'innovation sociale associe l'université, les collectivités et les entreprises de l'ESS.",
    "Les adhérents de l'AMAP s'engagent sur une saison et partagent les aléas de la production avec les maraîchers.",
    "Un dispositif local d'accompagnement (DLA) a aidé {structure} à consolider son modèle économique.",
    "La mobilité reste un frein majeur à l'emploi pour {public}, surtout loin des lignes de transport.",
    "La démarche s'inscrit dans un pôle territorial de coopération économique (PTCE) réunissant {n3} structures.",
    "Coopératives, mutuelles, associations et fondations partagent lucrativité limitée et gestion démocratique.",
    "Les associés de la SCOP détiennent la majorité du capital et élisent leur dirigeant : une personne, une voix.",
    "L'habitat participatif permet aux futurs habitants de concevoir ensemble leurs logements et des espaces communs.",
    "{Financeur} a apporté {n1} 000 euros de fonds propres, relayé par un club d'investisseurs solidaires.",
    "Le commerce équitable garantit aux producteurs un prix rémunérateur et un engagement dans la durée.",
    "Les bénévoles assurent l'accueil, la logistique et une partie de l'animation des ateliers.",
    "{Lieu}, {sujet} a trouvé sa place grâce à une coopération étroite avec les bailleurs sociaux.",
    "Les salariés en insertion bénéficient d'un accompagnement socioprofessionnel et de formations qualifiantes.",
    "La question de {concept} traverse toutes les étapes du projet.",
    "En {annee}, {structure} a rejoint la chambre régionale de l'économie sociale et solidaire.",
    "{Sujet} contribue à la transition écologique tout en créant des emplois non délocalisables.",
    "Les usagers participent aux décisions lors d'une assemblée annuelle ouverte à tous.",
    "Le financement participatif a permis de réunir {n1} 000 euros auprès de {n2} contributeurs.",
    "Les finances solidaires complètent désormais les subventions, qui ne couvrent plus que le tiers du budget.",
]
TITLES = {
    PracticeExchangePage: [
        "{Sujet} {lieu} : retour d'expérience",
        "Lancer {sujet} {lieu}",
        "Pérenniser {sujet} : l'expérience « {nom} »",
        "Comment {structure} a développé {sujet} {lieu}",
        "{Sujet} pour {public}",
        "Mutualiser pour durer : {sujet} {lieu}",
    ],
    ResearchPaperPage: [
        "{Sujet} et {concept} : {angle}",
        "{Concept} dans l'économie sociale et solidaire : {angle}",
        "Entre militantisme et gestion : {sujet} {lieu}",
        "{Concept} à l'épreuve du terrain : {angle}",
        "Ce que {sujet} fait à {concept}",
    ],
    PoleNotePage: [
        "Compte rendu de la réunion du pôle du {jour}",
        "Fiche pratique : {fiche}",
        "Question du mois : {question}",
        "Note de veille : {sujet}",
        "Rencontre des acteurs {lieu} : {sujet}",
        "Point d'étape sur {sujet} {lieu}",
    ],
    StudyDayPage: [
        "{Sujet} et {concept}",
        "{Sujet} : quelles coopérations {lieu} ?",
        "Rencontres de l'ESS {lieu} : {concept}",
        "Séminaire : {concept} dans les territoires",
        "Journée d'étude : {sujet}, bilan et perspectives",
    ],
}
SESSION_TITLES = [
    "Ouverture : {concept}",
    "Table ronde : {sujet} {lieu}",
    "Ateliers d'échange de pratiques",
    "Regards de chercheurs",
    "Paroles d'acteurs : « {nom} »",
    "Synthèse et perspectives",
]
TALK_TITLES = [
    "{Sujet} : ce que nous avons appris",
    "{Concept}, une lecture critique",
    "Le point de vue {de_financeur}",
    "Financer {sujet}",
    "{Sujet} pour {public}",
]
SESSION_HOURS = [("09:30:00", "10:45:00"), ("11:00:00", "12:30:00"), ("14:00:00", "15:30:00"), ("15:45:00", "17:00:00")]
VENUE_PLACES = [
    "Maison des associations", "Salle polyvalente", "Médiathèque", "Maison de quartier", "Tiers-lieu coopératif",
    "Faculté de sciences économiques", "Hôtel de ville", "Centre socioculturel", "Salle des fêtes",
]  # fmt: skip
PARTNERS = [
    ("Nantes Métropole", "https://metropole.nantes.fr"),
    ("Région Pays de la Loire", "https://www.paysdelaloire.fr"),
    ("CRESS Pays de la Loire", "https://www.cress-pdl.org"),
    ("Nantes Université", "https://www.univ-nantes.fr"),
    ("France Active Pays de la Loire", "https://www.franceactive.org"),
    ("Département de Loire-Atlantique", "https://www.loire-atlantique.fr"),
    ("Saint-Nazaire Agglomération", ""),
    ("Crédit Coopératif", "https://www.credit-cooperatif.coop"),
    ("Fondation de France", "https://www.fondationdefrance.org"),
    ("Union régionale des SCOP de l'Ouest", ""),
]
AFFILIATIONS = [
    "Nantes Université", "Université d'Angers", "Le Mans Université", "CNRS, laboratoire LEMNA", "Audencia",
    "IMT Atlantique", "Université Rennes 2", "Institut Godin", "CRESS Pays de la Loire",
    "Université catholique de l'Ouest", "Sciences Po Rennes", "Université Paris-Est Créteil",
]  # fmt: skip
VENUES = [  # (venue, DOI prefix and journal code, or None)
    ("Revue internationale de l'économie sociale (RECMA)", "10.3917/recma"),
    ("Revue française de socio-économie", "10.3917/rfse"),
    ("Mouvements", "10.3917/mouv"),
    ("Revue Projet", "10.3917/pro"),
    ("Sociologie du travail", "10.4000/sdt"),
    ("Économie et Solidarités", None),
    ("Presses universitaires de Rennes", None),
    ("Rencontres interuniversitaires de l'ESS (RIUESS)", None),
    ("Les Cahiers du DU ESS", None),
]
PAPER_TYPES = [  # (type, weight)
    (PaperType.ARTICLE, 40), (PaperType.REPORT, 15), (PaperType.COMMUNICATION, 15), (PaperType.DISSERTATION, 10),
    (PaperType.WORKING_PAPER, 8), (PaperType.CHAPTER, 6), (PaperType.THESIS, 4), (PaperType.BOOK, 2),
]  # fmt: skip
FIRST_NAMES = [
    "Camille", "Claire", "Élise", "Manon", "Léa", "Chloé", "Inès", "Louise", "Juliette", "Sarah", "Anne", "Maëlle",
    "Océane", "Hélène", "Agathe", "Nathalie", "Sophie", "Françoise", "Lucas", "Hugo", "Louis", "Jules", "Arthur",
    "Gabriel", "Mathis", "Théo", "Nicolas", "Julien", "Thomas", "Yann", "Erwan", "Loïc", "Gaël", "François",
    "Étienne", "Pierre", "Jean", "Bernard", "Karim", "Mehdi", "Amadou",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
    "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
    "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Martinez", "Le Gall", "Le Goff", "Guérin", "Rousseau",
    "Blanchard", "Tessier", "Chevalier", "Gautier", "Perrin", "Robin", "Clément", "Morin", "Henry", "Rivière",
    "Brunet", "Poirier", "Renaud", "Josse", "Cordier", "Baudry", "Gicquel", "Hamon", "Jaouen", "Kerivel",
    "Bellanger", "Chauvin",
]  # fmt: skip
TAGS = [  # most used first: each item draws its tags with Zipf-like weights
    "économie sociale et solidaire", "association", "coopérative", "insertion", "bénévolat", "SCOP", "SCIC",
    "gouvernance", "utilité sociale", "financement", "emploi", "territoire", "circuits courts", "habitat participatif",
    "finances solidaires", "mobilité", "commerce équitable", "AMAP", "tiers-lieu", "réemploi", "économie circulaire",
    "innovation sociale", "ESUS", "IAE", "PTCE", "mutuelle", "fondation", "mécénat", "subventions", "marchés publics",
    "clauses sociales", "développement local", "éducation populaire", "jeunesse", "seniors", "ruralité",
    "quartiers prioritaires", "transition écologique", "énergie citoyenne", "alimentation", "santé", "formation",
    "numérique", "évaluation d'impact", "financement participatif", "épargne solidaire", "loi ESS 2014",
    "lucrativité limitée", "agrément", "service civique", "CAE", "entreprise adaptée", "recyclerie", "vélo",
    "covoiturage", "logement social", "foncier solidaire", "santé mentale", "aide à domicile", "précarité",
]  # fmt: skip
PREFECTURES = {"52": "44109", "44": "44109", "49": "49007", "53": "53130", "72": "72181", "85": "85191"}
NANTES_METROPOLE, CARENE, NANTES, SAINT_NAZAIRE = "244400404", "244400644", "44109", "44184"
HEAVY_COMMUNES = {NANTES: 12, SAINT_NAZAIRE: 4}  # weight of the central city within its agglomeration
EPCI_KINDS = [
    ("CA ", "la communauté d'agglomération "),
    ("CC ", "la communauté de communes "),
    ("CU ", "la communauté urbaine "),
]


def _n(number):
    return f"{number:,}".replace(",", "\u202f")


def _cap(text):
    return text[:1].upper() + text[1:]


def _p(text):
    return f"<p>{html.escape(text, quote=False)}</p>"


def _at(name):
    """French "à" before a commune's name, contracted with its article: à Nantes, au Mans, aux Sorinières."""
    for article, contracted in (("Le ", "au "), ("Les ", "aux ")):
        if name.startswith(article):
            return contracted + name[len(article) :]
    return f"à {name}"


def _of(name):
    """French "de" before a name, elided or contracted: de Nantes, d'Angers, du Mans, des Sorinières."""
    for article, contracted in (("Le ", "du "), ("Les ", "des "), ("le ", "du "), ("les ", "des ")):
        if name.startswith(article):
            return contracted + name[len(article) :]
    return f"d'{name}" if name[:1].lower() in "aeiouyéèâî" else f"de {name}"


def _place(territory):
    """Where an item happens, as a French complement: "à Rezé", "en Vendée", "dans la communauté..."."""
    if territory.kind == TerritoryKind.COMMUNE:
        return _at(territory.name)
    if territory.kind == TerritoryKind.EPCI:
        for prefix, spelled in EPCI_KINDS:
            if territory.name.startswith(prefix):
                return f"dans {spelled}{territory.name[len(prefix) :]}"
        return f"sur le territoire de {territory.name}"
    return f"en {territory.name}"


def _person(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _orcid(rng):
    """A well-formed ORCID (ISO 7064 mod 11-2 check digit)."""
    digits = "0000000" + "".join(rng.choice("0123456789") for _ in range(8))
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    digits += "X" if check == 10 else str(check)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def _video_url(rng):
    return f"{VIDEO_ARCHIVE}/{base64.urlsafe_b64encode(rng.randbytes(8)).decode()[:11]}"


def _uuid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _block(rng, block_type, value):
    """A StreamField child in its stored JSON form (kept lazy: no block conversion on save)."""
    return {"type": block_type, "value": value, "id": str(_uuid(rng))}


def _unique(values):
    return list(dict.fromkeys(values))


def _jsonl(filename):
    with (TEXTS / filename).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _sentences(text):
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ])", line.strip()):
            if 50 <= len(sentence) <= 260 and sentence[0].isupper() and sentence.endswith("."):
                yield sentence


class Corpus:
    """Sentences of the real ESS texts (2014 law, service-public.fr) mixed with templated ESS sentences."""

    def __init__(self):
        law, sheets = _jsonl("loi_ess_2014_articles.jsonl"), _jsonl("service_public_associations_ess.jsonl")
        texts = [r["text"] for r in law] + [r["body"] for r in sheets] + [r["description"] for r in sheets]
        self.sentences = sorted({sentence for text in texts for sentence in _sentences(text)})
        self.sheet_titles = [r["title"] for r in sheets if not r["title"].endswith("?")]
        questions = [q for r in sheets for q in r["related_questions"]] + [r["title"] for r in sheets]
        self.questions = sorted({q for q in questions if q.endswith("?")})

    def text(self, rng, words, size):
        """`size` sentences, about half real and half written on this item's own words."""
        return " ".join(
            rng.choice(self.sentences) if rng.random() < REAL_SHARE else _cap(rng.choice(SENTENCES).format_map(words))
            for _ in range(size)
        )

    def pdf_page(self, rng, words, heading=""):
        """About one A4 page of text, in paragraphs of four sentences."""
        paragraphs = [heading] if heading else []
        while sum(map(len, paragraphs)) < PDF_PAGE_CHARS:
            paragraphs.append(self.text(rng, words, 4))
        return "\n\n".join(paragraphs)


class TerritoryPicker:
    """Draws territories as the archive is skewed: Nantes Métropole and the CARENE first, yet any commune."""

    def __init__(self):
        territories = list(Territory.objects.filter(kind__in=OFFICIAL_KINDS).order_by("kind", "code"))
        self.by_code = {t.code: t for t in territories}
        if NANTES not in self.by_code:
            raise CommandError("Importez d'abord les territoires : manage.py kb_territories")
        of_kind = defaultdict(list)
        self.communes_of = defaultdict(list)
        for territory in territories:
            of_kind[territory.kind].append(territory)
            if territory.kind == TerritoryKind.COMMUNE:
                self.communes_of[territory.parent_id].append(territory)
        metropoles = [self.by_code[code] for code in (NANTES_METROPOLE, CARENE) if code in self.by_code]
        pools = [  # (weight, territories)
            (40, self.communes_of[metropoles[0].pk] if metropoles else []),
            (6, metropoles[:1]),
            (12, self.communes_of[metropoles[1].pk] if len(metropoles) > 1 else []),
            (3, metropoles[1:]),
            (25, of_kind["commune"]),
            (7, [t for t in of_kind["epci"] if t not in metropoles]),
            (6, of_kind["departement"]),
            (1, of_kind["region"]),
        ]
        self.pools = [(members, [HEAVY_COMMUNES.get(t.code, 1) for t in members]) for _, members in pools if members]
        self.pool_weights = [weight for weight, members in pools if members]

    def draw(self, rng, count):
        """`count` distinct territories (fewer if the draw repeats one)."""
        drawn = []
        for _ in range(count):
            members, weights = rng.choices(self.pools, weights=self.pool_weights)[0]
            drawn.append(rng.choices(members, weights=weights)[0])
        return _unique(drawn)

    def commune_near(self, rng, territory):
        """A commune of the territory (a préfecture for a département or the région), to name a venue."""
        if territory.kind == TerritoryKind.COMMUNE:
            return territory
        if territory.kind == TerritoryKind.EPCI and self.communes_of[territory.pk]:
            return rng.choice(self.communes_of[territory.pk])
        return self.by_code.get(PREFECTURES.get(territory.code), self.by_code[NANTES])


class ChildPaths:
    """Hands out the materialized paths of one page's new children, after its last child."""

    def __init__(self, page):
        self.page = page
        last = page.get_last_child()
        self.next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1

    def take(self):
        path = Page._get_path(self.page.path, self.page.depth + 1, self.next_step)
        self.next_step += 1
        return path


@dataclass
class Story:
    """What one item is about: the taxonomy it is classed in and the words its text is written with."""

    day: datetime.date
    poles: list
    themes: list
    territories: list
    tag_ids: list
    words: dict


@dataclass
class Item:
    """One generated item on its way to the database."""

    page: ArchivePage
    related: list  # unsaved rows that point at the page
    pdf: tuple | None = None  # (title, page texts, description)
    document: ArchiveDocument | None = None


def _home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    home = home if isinstance(home, HomePage) else HomePage.objects.first()
    if home is None:
        raise CommandError("Aucune page d'accueil : lancez d'abord manage.py migrate.")
    return home


def _add_child(parent, page):
    # Re-read the parent: treebeard places the new child from the parent's numchild.
    Page.objects.get(pk=parent.pk).add_child(instance=page)
    page.save_revision().publish()
    return page


def _index_page(home, model, key, log):
    """The index page of a content type under the home page, as the curated demo makes it when missing."""
    page = model.objects.child_of(home).first()
    if page is None:
        spec = INDEX_PAGES[key]
        page = model(title=spec["title"], slug=spec["slug"], introduction=spec["introduction"], show_in_menus=True)
        _add_child(home, page)
        log(f"Rubrique « {spec['title']} » créée.")
    return page


def _taxonomy(log):
    """Every pole and theme in the database, the curated ones created when missing (found by slug)."""
    created = [
        Pole.objects.get_or_create(slug=p["slug"], defaults={"name": p["name"], "description": p["description"]})[1]
        for p in POLES
    ]
    created += [Theme.objects.get_or_create(slug=t["slug"], defaults=t)[1] for t in THEMES]
    if any(created):
        log(f"{sum(created)} pôles et thèmes créés.")
    return list(Pole.objects.order_by("pk")), list(Theme.objects.order_by("pk"))


def _pole_sections(home, poles, log):
    """Each pole's section page (where its notes go), created under the pole index when missing."""
    index = _index_page(home, PoleIndexPage, "poles", log)
    sections = {section.pole_id: section for section in PoleSectionPage.objects.all()}
    specs = {spec["slug"]: spec for spec in POLES}
    for pole in poles:
        if pole.pk not in sections:
            spec = specs.get(pole.slug, {})
            section = PoleSectionPage(
                title=pole.name,
                slug=pole.slug,
                pole=pole,
                introduction=spec.get("description", ""),
                animators_text=spec.get("animators", ""),
            )
            sections[pole.pk] = _add_child(index, section)
            log(f"Section du pôle « {pole.name} » créée.")
    return sections


def _collections():
    """The curated demo's collections for the PDFs of papers and study days, created when missing."""
    root = Collection.get_first_root_node()
    found = {}
    for model, name in COLLECTIONS.items():
        found[model] = root.get_children().filter(name=name).first() or root.add_child(name=name)
    return found


def _tag_ids():
    """The ids of TAGS, in order, creating the missing tags."""
    Tag.objects.bulk_create([Tag(name=name, slug=Tag().slugify(name)) for name in TAGS], ignore_conflicts=True)
    ids = dict(Tag.objects.filter(name__in=TAGS).values_list("name", "pk"))
    return [ids[name] for name in TAGS if name in ids]


def _speaker_ids(rng):
    """A pool of speakers for the programmes, created when missing (unique on name and affiliation)."""
    pairs = sorted({(_person(rng), rng.choice(AFFILIATIONS)) for _ in range(SPEAKERS)})
    Speaker.objects.bulk_create([Speaker(name=name, affiliation=a) for name, a in pairs], ignore_conflicts=True)
    found = Speaker.objects.filter(name__in={name for name, _ in pairs})
    ids = {(speaker.name, speaker.affiliation): speaker.pk for speaker in found}
    return [ids[pair] for pair in pairs]


class ArchiveBuilder:
    """Writes the generated items: each page with its text, taxonomy, related rows and planned PDF."""

    def __init__(self, seed, log):
        self.seed = seed
        self.corpus = Corpus()
        self.territories = TerritoryPicker()
        home = _home_page()
        self.locale_id = home.locale_id
        self.poles, self.themes = _taxonomy(log)
        self.pole_by_slug = {pole.slug: pole for pole in self.poles}
        self.theme_by_slug = {theme.slug: theme for theme in self.themes}
        sections = _pole_sections(home, self.poles, log)
        self.sections = {pole_id: ChildPaths(section) for pole_id, section in sections.items()}
        self.indexes = {model: ChildPaths(_index_page(home, *INDEXES[model], log)) for model in INDEXES}
        self.collections = _collections()
        self.tag_ids = _tag_ids()
        self.tag_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.tag_ids))]
        self.speaker_ids = _speaker_ids(random.Random(seed))
        self.content_types = {model: ContentType.objects.get_for_model(model).pk for model in KINDS}
        self.writers = {
            PracticeExchangePage: self._exchange,
            ResearchPaperPage: self._paper,
            PoleNotePage: self._note,
            StudyDayPage: self._study_day,
        }

    def build(self, number):
        """Generated item `number`: its page, related rows and planned PDF, none saved yet."""
        # One generator per item, seeded from the run's seed and the number, so that a
        # top-up run writes item `number` exactly as a run that made them all at once.
        rng = random.Random(f"{self.seed}:{number}")
        model = rng.choices(list(KINDS), weights=[kind.weight for kind in KINDS.values()])[0]
        story = self._story(rng)
        title = _cap(rng.choice(TITLES[model]).format_map(story.words))[:255]
        fields, related = self.writers[model](rng, story)
        parent = self.sections[story.poles[0].pk] if model is PoleNotePage else self.indexes[model]
        item = Item(self._page(rng, model, number, title, story, parent, fields), related + self._taxonomy_rows(story))
        if rng.random() < KINDS[model].pdf_share:
            item.pdf = self._pdf(rng, story, title, model)
        return item

    def _story(self, rng):
        theme_slug = rng.choice(list(SUBJECTS))
        subject, pole_slug = rng.choice(SUBJECTS[theme_slug])
        pole = self.pole_by_slug.get(pole_slug) or rng.choice(self.poles)
        theme = self.theme_by_slug.get(theme_slug) or rng.choice(self.themes)
        poles = _unique([pole, *([rng.choice(self.poles)] if rng.random() < 0.3 else [])])
        themes = _unique([theme, *([rng.choice(self.themes)] if rng.random() < 0.25 else [])])
        territories = self.territories.draw(rng, rng.choices((1, 2, 3), weights=(6, 3, 1))[0])
        # Denser towards the present, as archives grow.
        day = FIRST_DAY + datetime.timedelta(days=int((LAST_DAY - FIRST_DAY).days * rng.random() ** 0.75))
        tag_ids = _unique(rng.choices(self.tag_ids, weights=self.tag_weights, k=rng.randint(2, 6)))
        words = self._words(rng, subject, pole, territories[0], day)
        return Story(day, poles, themes, territories, tag_ids, words)

    def _words(self, rng, subject, pole, territory, day):
        name = f"{rng.choice(STRUCTURE_NAMES)} {rng.choice(STRUCTURE_PLACES)}"
        commune = self.territories.commune_near(rng, territory)
        funder = rng.choice(FUNDERS)
        words = {
            "structure": f"{rng.choice(STRUCTURE_KINDS)} {name}",
            "nom": name,
            "sujet": subject,
            "lieu": _place(territory),
            "public": rng.choice(PUBLICS),
            "financeur": funder,
            "de_financeur": _of(funder),
            "pole": pole.name,
            "concept": rng.choice(CONCEPTS),
            "commune": commune.name,
            "de_commune": _of(commune.name),
            "annee": max(1985, day.year - rng.randint(1, 15)),
            "jour": french_date(day),
            "n1": rng.randint(6, 48),
            "n2": rng.randint(12, 250),
            "n3": rng.randint(3, 40),
            "fiche": rng.choice(self.corpus.sheet_titles),
            "question": rng.choice(self.corpus.questions),
        }
        words.update({_cap(key): _cap(words[key]) for key in ("structure", "sujet", "lieu", "financeur", "concept")})
        words["angle"] = rng.choice(ANGLES).format_map(words)
        return words

    def _page(self, rng, model, number, title, story, parent, fields):
        slug = f"{slugify(title)[:60].strip('-')}-g{number:06d}"
        published = datetime.datetime.combine(
            story.day, datetime.time(rng.randint(8, 18), rng.randint(0, 59)), tzinfo=datetime.UTC
        )
        return model(
            title=title,
            draft_title=title,
            slug=slug,
            path=parent.take(),
            depth=parent.page.depth + 1,
            numchild=0,
            url_path=f"{parent.page.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,  # what the admin lists and sorts as "updated"
            content_type_id=self.content_types[model],
            locale_id=self.locale_id,
            translation_key=_uuid(rng),
            date=story.day,
            **fields,
        )

    def _taxonomy_rows(self, story):
        return [
            *(PoleLink(pole_id=pole.pk) for pole in story.poles),
            *(ThemeLink(theme_id=theme.pk) for theme in story.themes),
            *(ArchivePageTerritory(territory_id=t.pk, sort_order=order) for order, t in enumerate(story.territories)),
            *(ArchivePageTag(tag_id=tag_id) for tag_id in story.tag_ids),
        ]

    def _exchange(self, rng, story):
        words, text = story.words, self.corpus.text
        actors = [words["Structure"], words["Financeur"], f"Le pôle {words['pole']}"]
        fields = {
            "summary": text(rng, words, 2),
            "context": _p(text(rng, words, 3)),
            "actors": "<ul>" + "".join(f"<li>{html.escape(actor, quote=False)}</li>" for actor in actors) + "</ul>",
            "actions": _p(text(rng, words, 3)) + _p(text(rng, words, 3)),
            "results": _p(text(rng, words, 2)),
            "lessons": _p(text(rng, words, 2)),
            "contacts": _p(f"{_person(rng)}, {words['structure']}"),
        }
        return fields, []

    def _paper(self, rng, story):
        words, text = story.words, self.corpus.text
        venue, doi_prefix = rng.choice(VENUES)
        hal_id = f"hal-{rng.randrange(10**7, 5 * 10**7):08d}" if rng.random() < 0.4 else ""
        doi = f"{doi_prefix}.{story.day.year}.{rng.randint(1, 4)}.{rng.randint(1, 240):04d}" if doi_prefix else ""
        types, type_weights = zip(*PAPER_TYPES, strict=True)
        fields = {
            "summary": text(rng, words, 2),
            "abstract": _p(text(rng, words, 3)) + _p(text(rng, words, 3)),
            "paper_type": rng.choices(types, weights=type_weights)[0],
            "venue": venue,
            "doi": doi if rng.random() < 0.7 else "",
            "hal_id": hal_id,
            "external_url": f"https://hal.science/{hal_id}" if hal_id else "",
            "language": "fr",
        }
        authors = [
            ResearchPaperAuthor(
                name=_person(rng),
                orcid=_orcid(rng) if rng.random() < 0.5 else "",
                affiliation=rng.choice(AFFILIATIONS),
                sort_order=order,
            )
            for order in range(rng.choices((1, 2, 3, 4, 5), weights=(30, 30, 20, 12, 8))[0])
        ]
        return fields, authors

    def _note(self, rng, story):
        words, text = story.words, self.corpus.text
        body = [_block(rng, "heading", {"text": words["Sujet"], "level": "h2"})]
        body += [_block(rng, "paragraph", _p(text(rng, words, 4))) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.3:
            quote = {"text": text(rng, words, 1), "attribution": f"{_person(rng)}, {words['nom']}"}
            body.append(_block(rng, "quote", quote))
        return {"summary": text(rng, words, 2), "body": body}, []

    def _study_day(self, rng, story):
        words, text = story.words, self.corpus.text
        end_date = story.day + datetime.timedelta(days=1) if rng.random() < 0.15 else None
        programme = self._programme(rng, words, [story.day, end_date] if end_date else [None])
        partners = [
            StudyDayPartner(name=name, url=url, sort_order=order)
            for order, (name, url) in enumerate(rng.sample(PARTNERS, rng.randint(1, 3)))
        ]
        proceedings = ""
        if rng.random() < 0.5:
            proceedings = "<h2>Synthèse des échanges</h2>" + _p(text(rng, words, 4)) + _p(text(rng, words, 4))
        fields = {
            "summary": text(rng, words, 2),
            "end_date": end_date,
            "venue": f"{rng.choice(VENUE_PLACES)}, {words['commune']}",
            "programme": programme,
            "proceedings": proceedings,
        }
        return fields, partners

    def _programme(self, rng, words, days):
        """Two to four sessions a day, in the order of SESSION_TITLES; a day is given only for multi-day events."""
        return [
            _block(rng, "session", self._session(rng, SESSION_TITLES[index].format_map(words), hours, day, words))
            for day in days
            for index, hours in zip(
                sorted(rng.sample(range(len(SESSION_TITLES)), rng.randint(2, 4))), SESSION_HOURS, strict=False
            )
        ]

    def _session(self, rng, title, hours, day, words):
        talks = [
            _block(
                rng,
                "item",
                {
                    "title": _cap(rng.choice(TALK_TITLES).format_map(words)),
                    "speakers": [_block(rng, "item", pk) for pk in rng.sample(self.speaker_ids, rng.randint(1, 2))],
                    "abstract": self.corpus.text(rng, words, 2),
                    "slides": None,
                    "video_url": _video_url(rng) if rng.random() < 0.2 else "",
                },
            )
            for _ in range(rng.randint(1, 3))
        ]
        return {
            "title": _cap(title),
            "day": day.isoformat() if day else None,
            "start_time": hours[0],
            "end_time": hours[1],
            "chair": rng.choice(self.speaker_ids) if rng.random() < 0.6 else None,
            "talks": talks,
        }

    def _pdf(self, rng, story, title, model):
        words = story.words
        title = f"Actes : {title}" if model is StudyDayPage else title
        heading = f"{title.upper()}\n\n{words['Structure']}, {words['jour']}"
        pages = [self.corpus.pdf_page(rng, words, heading)]
        pages += [self.corpus.pdf_page(rng, words) for _ in range(rng.randint(1, 3))]
        return title, pages, self.corpus.text(rng, words, 1)


def _existing_numbers():
    slugs = ArchivePage.objects.filter(slug__regex=SLUG_NUMBER).values_list("slug", flat=True)
    return {int(slug[-6:]) for slug in slugs}


def _pdf_pool():
    # fpdf2 spends about 0.1 s of pure Python per generated PDF: worker processes put
    # every core to it. They are forked, so they need no Django setup, and they only
    # ever run _render_pdf (no database access).
    return ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=multiprocessing.get_context("fork"))


def _render_pdf(plan):
    """The bytes of a planned PDF and their extraction (status, pages, message)."""
    title, pages = plan
    data = make_pdf(pages, title=title)
    # Our own freshly generated file: read directly, without the bounded child process uploads go through.
    return data, extract_pages(data)


def _render(items, pool):
    """Start rendering the batch's PDFs in the workers; the results come in the order of the items."""
    return pool.map(_render_pdf, [(title, pages) for title, pages, _ in (item.pdf for item in items if item.pdf)])


def _store_documents(items, rendered, collections):
    """Write the batch's rendered PDFs to storage and prepare their documents, text extracted."""
    planned = [item for item in items if item.pdf]
    storage = ArchiveDocument._meta.get_field("file").storage
    for item, (data, extraction) in zip(planned, rendered, strict=True):
        title, _pages, description = item.pdf
        name = f"documents/generated/{item.page.slug}.pdf"
        if storage.exists(name):  # left by a run on a database since reset: ours to replace
            storage.delete(name)
        item.document = ArchiveDocument(
            title=title,
            file=storage.save(name, ContentFile(data)),
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
            description=description,
            publication_date=item.page.date,
            collection=collections[type(item.page)],
            extracted_at=timezone.now(),
        )
        item.document.set_extraction(*extraction)


def _chunks(objs, fields):
    size = max(connection.ops.bulk_batch_size(fields, objs), 1)
    return (objs[start : start + size] for start in range(0, len(objs), size))


def _set_pk(page, pk):
    # Every table of the chain is keyed on the page's id: Page.id, then the parent links
    # ArchivePage.page_ptr and <concrete type>.archivepage_ptr.
    for model_field in type(page)._meta.concrete_fields:
        if model_field.primary_key or (model_field.remote_field and model_field.remote_field.parent_link):
            setattr(page, model_field.attname, pk)
    page._state.adding = False


def _insert_pages(pages):
    """Insert pages table by table: wagtailcore_page, kb_archivepage, then each concrete type's table.

    QuerySet.bulk_create refuses multi-table inheritance, and Page.save() through
    treebeard's add_child and a revision costs a dozen queries per page. So this does
    for a whole batch what Model.save_base does for one object: each table gets only its
    own columns, through Django's internal QuerySet._insert, which still prepares every
    value (JSON, dates, UUIDs) for whichever database is in use.
    """
    page_fields = [model_field for model_field in Page._meta.local_concrete_fields if not model_field.primary_key]
    for chunk in _chunks(pages, page_fields):
        rows = Page._base_manager._insert(chunk, fields=page_fields, returning_fields=Page._meta.db_returning_fields)
        for page, (pk,) in zip(chunk, rows, strict=True):
            _set_pk(page, pk)
    for model in [ArchivePage, *KINDS]:
        rows = [page for page in pages if isinstance(page, model)]
        for chunk in _chunks(rows, model._meta.local_concrete_fields):
            model._base_manager._insert(chunk, fields=model._meta.local_concrete_fields)


def _insert_related(items):
    rows = defaultdict(list)
    for item in items:
        for row in item.related:
            setattr(row, OWNER_COLUMN.get(type(row), "page_id"), item.page.pk)
            rows[type(row)].append(row)
    for model, objs in rows.items():
        model.objects.bulk_create(objs)


def _save_batch(items, rendered, collections):
    """Store the batch's PDFs, then save the batch in one transaction: the tree is consistent after each."""
    _store_documents(items, rendered, collections)
    with transaction.atomic():
        documented = [item for item in items if item.document]
        ArchiveDocument.objects.bulk_create([item.document for item in documented])
        for item in documented:
            if isinstance(item.page, ResearchPaperPage):
                item.page.pdf_id = item.document.pk
            else:
                item.related.append(StudyDayDocument(document_id=item.document.pk, sort_order=0))
        _insert_pages([item.page for item in items])
        _insert_related(items)
        for parent_path, added in Counter(item.page.path[: -Page.steplen] for item in items).items():
            Page.objects.filter(path=parent_path).update(numchild=F("numchild") + added)


def generate_records(n, seed, log):
    """Create the generated items 1..n that do not exist yet; return a summary in French."""
    started = time.perf_counter()
    existing = _existing_numbers()
    missing = [number for number in range(1, n + 1) if number not in existing]
    if not missing:
        return f"Les éléments générés 1 à {_n(n)} existent déjà : rien à ajouter"
    builder = ArchiveBuilder(seed, log)
    log(f"{_n(len(missing))} éléments à générer ({_n(n - len(missing))} déjà présents), graine {seed}.")
    kinds, documents, pending = Counter(), 0, None
    batches = [missing[start : start + BATCH_SIZE] for start in range(0, len(missing), BATCH_SIZE)]
    with _pdf_pool() as pool:
        for numbers in [*batches, None]:
            # Build a batch and start its PDFs, then save the previous batch while the workers render.
            items = [builder.build(number) for number in numbers or []]
            if pending:
                saved, rendered = pending
                _save_batch(saved, rendered, builder.collections)
                kinds.update(type(item.page) for item in saved)
                documents += sum(1 for item in saved if item.document)
                log(f"  {_n(kinds.total())} / {_n(len(missing))} ({time.perf_counter() - started:.0f} s)")
                reset_queries()  # with DEBUG on, every batch would otherwise stay in memory as SQL text
            pending = (items, _render(items, pool)) if items else None
    details = ", ".join(f"{_n(kinds[model])} {kind.label}" for model, kind in KINDS.items())
    log("Index de recherche non mis à jour (insertion en masse) : lancez « manage.py kb_index rebuild ».")
    return f"Archive générée : {_n(len(missing))} éléments ajoutés ({details}), dont {_n(documents)} avec un PDF"
