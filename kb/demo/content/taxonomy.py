"""Poles, themes, local territories, the site's sections and the private DU space."""

NETWORK = "Pôle de l'économie sociale et solidaire de la région nantaise"

POLES = [
    {
        "slug": "consommation-responsable",
        "name": "Consommation responsable",
        "description": "Épiceries solidaires, AMAP, circuits courts et éducation à une consommation qui "
        "respecte les producteurs, les habitants et l'environnement.",
        "animators": "Animé par trois structures membres : une épicerie solidaire nantaise, le réseau des "
        "AMAP de Loire-Atlantique et une association d'éducation populaire.",
    },
    {
        "slug": "habitat",
        "name": "Habitat",
        "description": "Coopératives d'habitants, auto-réhabilitation accompagnée, habitat adapté et "
        "associations de locataires : se loger dignement sans spéculer.",
        "animators": "Animé par une association d'insertion par le logement et un collectif "
        "d'habitat participatif de Rezé.",
    },
    {
        "slug": "mobilite",
        "name": "Mobilité",
        "description": "Garages solidaires, auto-partage, transport à la demande, location de deux-roues : "
        "la mobilité comme condition de l'accès à l'emploi et aux services.",
        "animators": "Animé par une plateforme de mobilité de l'agglomération nazairienne et une "
        "association rurale du Pays de Retz.",
    },
    {
        "slug": "finances-solidaires",
        "name": "Finances solidaires",
        "description": "Cigales, épargne solidaire, microcrédit, garanties et fonds territoriaux : "
        "l'argent des habitants au service des projets de leur territoire.",
        "animators": "Animé par l'association régionale des Cigales et un fonds territorial de garantie.",
    },
    {
        "slug": "commerce-equitable",
        "name": "Commerce équitable",
        "description": "Boutiques, importateurs et producteurs : des échanges justes avec les producteurs "
        "du Sud comme du Nord, et l'éducation au développement.",
        "animators": "Animé par une boutique associative de commerce équitable du centre de Nantes.",
    },
    {
        "slug": "culture",
        "name": "Culture",
        "description": "Lieux intermédiaires, cafés culturels, éducation populaire et droits culturels : "
        "la culture comme bien commun des territoires.",
        "animators": "Animé par un café culturel associatif et une fédération d'éducation populaire.",
    },
    {
        "slug": "insertion-par-l-activite-economique",
        "name": "Insertion par l'activité économique",
        "description": "Chantiers et ateliers d'insertion, entreprises d'insertion, associations "
        "intermédiaires : un emploi et un accompagnement pour les personnes qui en sont les plus "
        "éloignées.",
        "animators": "Animé par l'inter-réseau départemental des structures d'insertion.",
    },
    {
        "slug": "services-a-la-personne",
        "name": "Services à la personne",
        "description": "Aide à domicile, garde d'enfants, accompagnement du vieillissement : des services "
        "de proximité de qualité et des emplois qui ne soient pas des emplois au rabais.",
        "animators": "Animé par une fédération d'aide à domicile et une SCIC de services aux familles.",
    },
]

THEMES = [
    {
        "slug": "richesse",
        "name": "Produire et répartir la richesse",
        "sort_order": 1,
        "question": "Comment produire et répartir la richesse autrement ?",
    },
    {
        "slug": "se-soigner",
        "name": "Se soigner",
        "sort_order": 2,
        "question": "Comment permettre à chacun de se soigner, à tous les âges de la vie ?",
    },
    {
        "slug": "se-loger",
        "name": "Se loger",
        "sort_order": 3,
        "question": "Comment se loger dignement sans alimenter la spéculation ?",
    },
    {
        "slug": "se-deplacer",
        "name": "Se déplacer",
        "sort_order": 4,
        "question": "Comment se déplacer quand on n'a pas de voiture, ou plus les moyens de s'en servir ?",
    },
    {
        "slug": "creer-des-emplois",
        "name": "Créer des emplois",
        "sort_order": 5,
        "question": "Comment créer des emplois utiles, durables et ouverts à tous ?",
    },
    {
        "slug": "se-nourrir",
        "name": "Se nourrir",
        "sort_order": 6,
        "question": "Comment bien se nourrir tout en faisant vivre les paysans du territoire ?",
    },
    {
        "slug": "se-cultiver",
        "name": "Se cultiver",
        "sort_order": 7,
        "question": "Comment faire de la culture l'affaire de tous les habitants ?",
    },
]

# Territories without an official code: (name, kind, parent's official code or name).
LOCAL_TERRITORIES = [
    ("Malakoff", "quartier", "44109"),
    ("Bellevue", "quartier", "44109"),
    ("Les Dervallières", "quartier", "44109"),
    ("La Bottière", "quartier", "44109"),
    ("Nantes Nord", "quartier", "44109"),
    ("Île de Nantes", "quartier", "44109"),
    ("La Bouletterie", "quartier", "44184"),
    ("Pays de Retz", "pays", "44"),
    ("Pays de Châteaubriant", "pays", "44"),
    ("Pays d'Ancenis", "pays", "44"),
]

INDEX_PAGES = {
    "studydays": {
        "title": "Journées d'étude",
        "slug": "journees-d-etude",
        "introduction": "De 2003 à 2007, le pôle a tenu ses journées d'étude dans les quartiers de Nantes, les "
        "communes de la métropole, l'agglomération nazairienne et les pays ruraux de Loire-Atlantique : "
        "programmes, interventions, supports et actes.",
    },
    "exchanges": {
        "title": "Échanges de pratiques",
        "slug": "echanges-de-pratiques",
        "introduction": "Ce que des acteurs ont fait, là où ils sont, ce qui en est sorti et ce que d'autres "
        "peuvent en reprendre.",
    },
    "papers": {
        "title": "Travaux de recherche",
        "slug": "travaux-de-recherche",
        "introduction": "Thèses, mémoires, articles et rapports sur l'économie sociale et solidaire du "
        "territoire, avec leurs identifiants (DOI, HAL) et, quand c'est possible, leur texte intégral.",
    },
    "answers": {
        "title": "Réponses thématiques",
        "slug": "reponses-thematiques",
        "introduction": "Les grandes questions de société, et ce que l'archive permet d'y répondre : chaque "
        "affirmation renvoie à ses sources.",
    },
    "poles": {
        "title": "Pôles",
        "slug": "poles",
        "introduction": "Les pôles thématiques réunissent les structures membres d'une même filière ; "
        "leurs animateurs publient ici leurs notes, comptes rendus et appels.",
    },
    "course": {
        "title": "DU ESS",
        "slug": "du-ess",
        "introduction": "Le diplôme d'université « Économie sociale et solidaire », construit avec "
        "l'université : supports de cours et lectures réservés aux étudiants inscrits.",
    },
}

# The cohort's group is « Étudiants DU — promotion 2025-2026 »; editors set its access end date in the admin.
STUDENTS_PROMOTION = "promotion 2025-2026"
COURSE_COLLECTION = "DU ESS (privé)"
STUDY_DAY_COLLECTION = "Journées d'étude"
PAPER_COLLECTION = "Travaux de recherche"
