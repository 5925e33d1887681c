"""The DU ESS course and its lessons, for the 2025-2026 class.

Reading lists: ("item", archive slug), ("document", archive slug: its first PDF) or
("reference", citation, url). A lesson's `files` are reading files made of real texts
(("loi", article) or ("sp", service-public page)), kept in the private collection.
"""

from datetime import date

DRAPERI = (
    "Draperi J.-F., Comprendre l'économie sociale. Fondements et enjeux, Paris, Dunod, 2007.",
    "",
)
DEMOUSTIER = (
    "Demoustier D., L'économie sociale et solidaire. S'associer pour entreprendre autrement, Paris, Syros, 2001.",
    "",
)
LAVILLE = (
    "Laville J.-L., Cattani A. D. (dir.), Dictionnaire de l'autre économie, Paris, Gallimard, coll. Folio, 2006.",
    "",
)
LEGIFRANCE_LAW = (
    "Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire, Légifrance.",
    "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296",
)

COURSE = {
    "slug": "module-1-fondements-acteurs-territoires",
    "title": "Module 1 — Fondements, acteurs et territoires de l'économie sociale et solidaire",
    "code": "DU-ESS-M1",
    "teachers": "Claire Moreau, Jean-Paul Rivière, Anne Le Goff",
    "date": date(2025, 9, 19),
    "themes": ["richesse", "creer-des-emplois"],
    "territories": ["52"],
    "tags": ["DU ESS", "cours", "promotion 2025-2026"],
    "summary": "Le module d'ouverture du DU : histoire, définitions, statuts, utilité sociale, insertion et "
    "politiques territoriales, en cinq séances appuyées sur l'archive du pôle.",
    "description": "Ce module donne les repères communs du diplôme : d'où vient l'économie sociale et "
    "solidaire, comment la loi la définit depuis 2014, quels statuts et quelles règles de gouvernance elle "
    "mobilise, comment elle finance ses projets et comment elle s'inscrit dans les politiques des "
    "territoires.\n\n- Cinq séances de trois heures, le vendredi après-midi\n- Un dossier de lecture par "
    "séance\n- Évaluation : une note de synthèse sur une initiative du territoire, appuyée sur l'archive",
    "reading": [
        ("reference", *LEGIFRANCE_LAW),
        ("reference", *DRAPERI),
        ("reference", *LAVILLE),
        ("item", "loi-ess-2014-definition-legale"),
        ("item", "2006-10-forum-economie-sociale-solidaire"),
    ],
}

LESSONS = [
    {
        "number": 1,
        "slug": "seance-1-histoire-et-definitions",
        "title": "Séance 1 — Histoire et définitions de l'économie sociale et solidaire",
        "date": date(2025, 10, 3),
        "summary": "Des sociétés de secours mutuels à la loi de 2014 : comment l'économie sociale et "
        "l'économie solidaire se sont rencontrées, et ce que change une définition légale.",
        "body": [
            ("heading", "Deux histoires qui se rejoignent"),
            (
                "paragraph",
                "L'économie sociale naît au XIXe siècle des associations ouvrières, des coopératives et des "
                "sociétés de secours mutuels. L'économie solidaire se nomme à la fin du XXe siècle, autour "
                "d'initiatives qui répondent à des besoins non satisfaits : services de proximité, commerce "
                "équitable, finances solidaires.",
            ),
            ("heading", "La définition de 2014"),
            ("law", 1, [0, 1, 2]),
            (
                "paragraph",
                "À préparer : relire les articles 1 à 3 dans le dossier de lecture et repérer ce qui distingue "
                "une définition par les statuts d'une définition par les principes.",
            ),
        ],
        "files": [("Loi du 31 juillet 2014 — articles 1 à 3", [("loi", 1), ("loi", 2), ("loi", 3)])],
        "reading": [
            ("item", "loi-ess-2014-definition-legale"),
            ("document", "loi-ess-2014-definition-legale"),
            ("reference", *DEMOUSTIER),
        ],
    },
    {
        "number": 2,
        "slug": "seance-2-statuts-et-gouvernance",
        "title": "Séance 2 — Statuts et gouvernance : associations, coopératives, mutuelles",
        "date": date(2025, 11, 7),
        "summary": "Une personne, une voix : comment les statuts organisent le pouvoir et le partage des "
        "excédents dans les associations, les Scop, les SCIC et les mutuelles.",
        "body": [
            ("heading", "Le statut ne fait pas tout"),
            (
                "paragraph",
                "Les statuts fixent les règles : gouvernance démocratique, réserves impartageables, lucrativité "
                "limitée. La séance confronte ces règles aux pratiques observées dans l'archive : coopérative "
                "d'habitants de Rezé, Cigales, SCIC de santé de Saint-Nazaire.",
            ),
            ("fiche", "F31328"),
        ],
        "files": [
            (
                "Dossier — statuts des associations et des Scop",
                [("sp", "F1120"), ("sp", "F1121"), ("sp", "F31328")],
            )
        ],
        "reading": [
            ("item", "cooperative-habitants-reze"),
            ("item", "scic-centre-de-sante-saint-nazaire"),
            ("document", "cooperatives-habitants-loire-atlantique"),
            ("reference", *DRAPERI),
        ],
    },
    {
        "number": 3,
        "slug": "seance-3-utilite-sociale-et-financement",
        "title": "Séance 3 — Utilité sociale, agrément ESUS et financement",
        "date": date(2025, 12, 5),
        "summary": "Ce que recouvre l'utilité sociale, comment l'évaluer, et comment elle ouvre l'accès à des "
        "financements solidaires.",
        "body": [
            ("heading", "Une notion construite"),
            (
                "paragraph",
                "Débattue depuis le début des années 2000, l'utilité sociale est définie par la loi depuis 2014. "
                "Elle conditionne l'agrément ESUS, qui ouvre l'accès à l'épargne salariale solidaire.",
            ),
            ("law", 2, [0, 1, 2, 3]),
            ("heading", "Évaluer"),
            (
                "paragraph",
                "Étude de cas : la démarche d'évaluation construite avec quinze structures d'insertion de "
                "l'agglomération nantaise (thèse de 2006) et la journée d'étude de novembre 2007.",
            ),
        ],
        "files": [
            (
                "Dossier — utilité sociale et agrément ESUS",
                [("loi", 2), ("sp", "F32275"), ("sp", "F3180")],
            )
        ],
        "reading": [
            ("item", "2007-11-22-mesurer-la-richesse-autrement"),
            ("document", "utilite-sociale-insertion-agglomeration-nantaise"),
            ("item", "vingt-ans-de-cigales-loire-atlantique"),
        ],
    },
    {
        "number": 4,
        "slug": "seance-4-insertion-et-emploi",
        "title": "Séance 4 — Insertion par l'activité économique et emploi",
        "date": date(2026, 1, 16),
        "summary": "Les structures d'insertion, leurs contrats et leurs résultats ; les clauses sociales des "
        "marchés publics ; les emplois des services à la personne.",
        "body": [
            ("fiche", "F2284"),
            (
                "paragraph",
                "La séance s'appuie sur les journées de la Bottière (2004) et de Nantes Nord (2007) pour étudier "
                "les clauses sociales, et sur le chantier des Jardins de la Mée pour l'accompagnement.",
            ),
        ],
        "files": [
            (
                "Dossier — l'insertion par l'activité économique",
                [("sp", "F2284"), ("sp", "F32248"), ("sp", "F766")],
            )
        ],
        "reading": [
            ("item", "chantier-insertion-maraichage-chateaubriant"),
            ("document", "2004-06-24-insertion-developpement-local-bottiere"),
            ("item", "creer-des-emplois-utiles"),
        ],
    },
    {
        "number": 5,
        "slug": "seance-5-territoires-et-politiques-locales",
        "title": "Séance 5 — Territoires : CRESS, PTCE et politiques locales",
        "date": date(2026, 2, 13),
        "summary": "Chambres régionales, stratégies régionales, pôles territoriaux de coopération économique et "
        "innovation sociale : l'économie sociale et solidaire dans l'action publique locale.",
        "body": [
            ("heading", "Les pôles territoriaux de coopération économique"),
            ("law", 9, [0]),
            (
                "paragraph",
                "Étude de cas : les quatre pôles de Loire-Atlantique étudiés en 2016, et l'histoire du pôle "
                "nantais lui-même, de ses journées d'étude au forum de 2006.",
            ),
        ],
        "files": [
            (
                "Dossier — politiques territoriales et innovation sociale",
                [("loi", 6), ("loi", 7), ("loi", 9), ("loi", 15)],
            )
        ],
        "reading": [
            ("item", "ptce-loire-atlantique-apres-2014"),
            ("document", "ptce-loire-atlantique-apres-2014"),
            ("item", "2006-10-forum-economie-sociale-solidaire"),
            ("item", "produire-et-repartir-la-richesse-autrement"),
        ],
    },
]
