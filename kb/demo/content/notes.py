"""Notes published by the poles' animators in their sections, keyed by pole slug.

Body items: ("heading", text), ("paragraph", text), ("quote", text, attribution),
("law", article, [paragraph indexes]) and ("fiche", service-public page id).
"""

from datetime import date

NOTES = {
    "consommation-responsable": [
        {
            "slug": "reunion-du-pole-12-fevrier-2004",
            "title": "Compte rendu de la réunion du pôle du 12 février 2004",
            "date": date(2004, 2, 12),
            "themes": ["se-nourrir"],
            "territories": ["Malakoff"],
            "tags": ["compte rendu", "épicerie solidaire"],
            "summary": "Visite de l'épicerie solidaire de Malakoff, préparation de la journée sur les circuits "
            "courts et accueil de deux nouveaux membres.",
            "body": [
                (
                    "paragraph",
                    "Douze structures étaient représentées. La réunion s'est tenue à l'épicerie solidaire de "
                    "Malakoff, que plusieurs membres découvraient ; l'équipe a présenté son comité d'usagers et ses "
                    "ateliers budget.",
                ),
                ("heading", "Journée d'étude de novembre"),
                (
                    "paragraph",
                    "Le pôle propose de consacrer sa journée d'automne aux circuits courts, en Pays d'Ancenis, avec "
                    "le réseau des AMAP et la chambre d'agriculture. Un groupe de préparation de quatre personnes "
                    "s'est constitué.",
                ),
            ],
        },
        {
            "slug": "charte-produits-locaux-et-equitables",
            "title": "Une charte commune pour les produits locaux et équitables",
            "date": date(2009, 6, 4),
            "themes": ["se-nourrir", "richesse"],
            "territories": ["44"],
            "tags": ["charte", "circuits courts", "commerce équitable"],
            "summary": "Après cinq ans de travail avec le pôle commerce équitable, une charte commune fixe les "
            "engagements des producteurs et des points de vente.",
            "body": [
                (
                    "paragraph",
                    "La charte reprend les principes du commerce équitable (prix couvrant les coûts de production, "
                    "relation durable, transparence) et les applique aux producteurs du département.",
                ),
                (
                    "quote",
                    "Un prix juste, ici comme ailleurs, c'est un prix qui permet de vivre de son travail.",
                    "Un paysan du Pays d'Ancenis, signataire de la charte",
                ),
            ],
        },
        {
            "slug": "paniers-solidaires-dix-ans",
            "title": "Paniers solidaires : bilan de dix ans",
            "date": date(2016, 3, 17),
            "themes": ["se-nourrir"],
            "territories": ["Les Dervallières", "Malakoff"],
            "tags": ["AMAP", "panier solidaire", "bilan"],
            "summary": "Dix ans après les premiers paniers solidaires des Dervallières, six AMAP de l'agglomération "
            "proposent des paniers à prix réduit.",
            "body": [
                (
                    "paragraph",
                    "Le dispositif s'est étendu à six AMAP et à deux épiceries solidaires. Près de deux cents "
                    "familles en bénéficient chaque saison ; le paiement mensuel est devenu la règle.",
                ),
                (
                    "paragraph",
                    "La cotisation solidaire des adhérents couvre désormais la moitié du coût ; le reste vient des "
                    "villes et d'une fondation.",
                ),
            ],
        },
    ],
    "habitat": [
        {
            "slug": "statuts-cooperative-habitants",
            "title": "Quels statuts pour une coopérative d'habitants ? Note du pôle",
            "date": date(2003, 9, 25),
            "themes": ["se-loger"],
            "territories": ["44143"],
            "tags": ["coopérative d'habitants", "statuts", "note juridique"],
            "summary": "Société civile, SCI à capital variable, association, société coopérative : les montages "
            "possibles en l'absence de statut dédié, comparés pour les collectifs du département.",
            "body": [
                (
                    "paragraph",
                    "Faute de statut de coopérative d'habitants, les collectifs doivent combiner des formes "
                    "existantes. La note compare quatre montages selon trois critères : propriété collective, "
                    "non-spéculation, gouvernance démocratique.",
                ),
                (
                    "paragraph",
                    "La société civile à capital variable, adossée à une association d'habitants, est le montage "
                    "qui concilie le mieux les trois critères ; c'est celui que retient le collectif de Rezé.",
                ),
            ],
        },
        {
            "slug": "loi-alur-cooperatives-habitants",
            "title": "La loi ALUR reconnaît les coopératives d'habitants",
            "date": date(2014, 4, 10),
            "themes": ["se-loger"],
            "territories": ["44"],
            "tags": ["loi ALUR", "coopérative d'habitants", "habitat participatif"],
            "summary": "Dix ans après les premiers projets, la loi du 24 mars 2014 crée un statut de coopérative "
            "d'habitants : ce qui change pour les collectifs.",
            "body": [
                (
                    "paragraph",
                    "La loi pour l'accès au logement et un urbanisme rénové crée les sociétés d'habitat "
                    "participatif, sous deux formes : coopératives d'habitants et sociétés d'attribution et "
                    "d'autopromotion.",
                ),
                (
                    "paragraph",
                    "Pour les collectifs du département, c'est la fin des montages bricolés que le pôle décrivait en "
                    "2003. Le pôle réunira les collectifs pour étudier la transformation de leurs statuts.",
                ),
            ],
        },
    ],
    "mobilite": [
        {
            "slug": "lancement-du-pole-mobilite",
            "title": "Le pôle mobilité est lancé",
            "date": date(2003, 9, 11),
            "themes": ["se-deplacer"],
            "territories": ["Pays de Retz", "244400644"],
            "tags": ["lancement", "mobilité"],
            "summary": "Issu de la journée de Machecoul, le pôle mobilité réunit sept structures du Pays de Retz "
            "et de l'agglomération nazairienne.",
            "body": [
                (
                    "paragraph",
                    "Le pôle s'est donné trois objectifs pour sa première année : recenser les dispositifs de "
                    "mobilité solidaire du département, les faire connaître aux prescripteurs et préparer une "
                    "journée d'étude dans l'estuaire.",
                ),
            ],
        },
        {
            "slug": "plateforme-mobilite-agglomeration-nazairienne",
            "title": "Vers une plateforme de mobilité dans l'agglomération nazairienne",
            "date": date(2008, 1, 24),
            "themes": ["se-deplacer", "creer-des-emplois"],
            "territories": ["244400644"],
            "tags": ["plateforme mobilité", "garage solidaire", "CARENE"],
            "summary": "Suite à la journée de mars 2007, la CARENE, le garage solidaire et les structures "
            "d'insertion préparent un guichet unique de la mobilité.",
            "body": [
                (
                    "paragraph",
                    "La plateforme réunira diagnostic mobilité, location de véhicules, auto-école sociale et "
                    "microcrédit. Les industriels de l'estuaire ont accepté d'en cofinancer l'étude.",
                ),
            ],
        },
    ],
    "finances-solidaires": [
        {
            "slug": "creez-votre-club-cigales",
            "title": "Appel : créez votre club Cigales",
            "date": date(2005, 11, 3),
            "themes": ["richesse"],
            "territories": ["44"],
            "tags": ["Cigales", "appel", "épargne de proximité"],
            "summary": "Cinq personnes, quelques dizaines d'euros par mois et l'envie de soutenir des entreprises "
            "locales : les soirées d'information de l'automne.",
            "body": [
                (
                    "paragraph",
                    "L'association régionale organise trois soirées d'information à Nantes, Saint-Nazaire et "
                    "Châteaubriant. Elle forme les nouveaux clubs à l'analyse des projets et au suivi des "
                    "entreprises.",
                ),
            ],
        },
        {
            "slug": "fonds-territorial-premiers-resultats",
            "title": "Étude de faisabilité d'un fonds territorial : premiers résultats",
            "date": date(2008, 2, 28),
            "themes": ["richesse", "creer-des-emplois"],
            "territories": ["244400404"],
            "tags": ["fonds territorial", "épargne solidaire", "étude"],
            "summary": "Un fonds d'épargne solidaire pour l'agglomération nantaise est faisable, à condition d'en "
            "mutualiser la gestion avec un financeur solidaire existant.",
            "body": [
                (
                    "paragraph",
                    "L'étude estime le besoin à deux millions d'euros sur cinq ans pour une quarantaine "
                    "d'entreprises. Elle recommande un comité d'engagement ouvert aux cigaliers et aux réseaux.",
                ),
            ],
        },
        {
            "slug": "agrement-esus-loi-2014",
            "title": "L'agrément ESUS : ce que la loi de 2014 change pour les entreprises solidaires",
            "date": date(2015, 1, 22),
            "themes": ["richesse"],
            "territories": ["44"],
            "tags": ["ESUS", "loi ESS 2014", "agrément", "épargne salariale solidaire"],
            "summary": "Le nouvel agrément « entreprise solidaire d'utilité sociale » ouvre l'accès à l'épargne "
            "salariale solidaire : conditions et démarches.",
            "body": [
                ("fiche", "F32275"),
                (
                    "paragraph",
                    "Le pôle accompagne les structures membres dans leur demande d'agrément ; une permanence est "
                    "ouverte chaque premier jeudi du mois.",
                ),
            ],
        },
    ],
    "commerce-equitable": [
        {
            "slug": "quinzaine-commerce-equitable-2004",
            "title": "Quinzaine du commerce équitable 2004 : le programme du pôle",
            "date": date(2004, 4, 29),
            "themes": ["richesse", "se-nourrir"],
            "territories": ["44109", "44162"],
            "tags": ["quinzaine du commerce équitable", "programme"],
            "summary": "Dégustations, rencontres avec des producteurs et ateliers dans les quartiers : le "
            "programme commun des boutiques et des AMAP.",
            "body": [
                (
                    "paragraph",
                    "Pour la première fois, le pôle commerce équitable et le pôle consommation responsable "
                    "préparent ensemble la quinzaine. Un producteur de café du Pérou et deux paysans du Pays "
                    "d'Ancenis témoigneront côte à côte.",
                ),
            ],
        },
        {
            "slug": "nantes-territoire-commerce-equitable",
            "title": "Nantes, territoire de commerce équitable ?",
            "date": date(2010, 10, 7),
            "themes": ["richesse"],
            "territories": ["44109"],
            "tags": ["territoire de commerce équitable", "achats publics"],
            "summary": "Le pôle propose à la ville de s'engager dans la démarche des territoires de commerce "
            "équitable : achats publics, sensibilisation, soutien aux boutiques.",
            "body": [
                (
                    "paragraph",
                    "La démarche engage la collectivité à introduire des produits équitables dans ses achats et à "
                    "soutenir les acteurs locaux. Le pôle a transmis ses propositions aux élus.",
                ),
            ],
        },
    ],
    "culture": [
        {
            "slug": "groupement-employeurs-culturel",
            "title": "Un groupement d'employeurs pour les associations culturelles du nord du département",
            "date": date(2004, 9, 16),
            "themes": ["se-cultiver", "creer-des-emplois"],
            "territories": ["Pays de Châteaubriant"],
            "tags": ["groupement d'employeurs", "emplois-jeunes", "mutualisation"],
            "summary": "Cinq associations étudient la mutualisation d'un administrateur et d'un régisseur pour "
            "préparer la sortie des emplois-jeunes.",
            "body": [
                (
                    "paragraph",
                    "Le groupement permettrait de transformer des emplois aidés en emplois durables partagés. Les "
                    "statuts sont en cours de rédaction ; la création est prévue début 2005.",
                ),
            ],
        },
        {
            "slug": "recensement-lieux-culturels-proximite",
            "title": "Recensement des lieux culturels de proximité : appel à contributions",
            "date": date(2011, 6, 9),
            "themes": ["se-cultiver"],
            "territories": ["44"],
            "tags": ["recensement", "café associatif", "appel"],
            "summary": "Cafés associatifs, salles de quartier, lieux intermédiaires : aidez le pôle à dresser la "
            "carte des lieux culturels de proximité du département.",
            "body": [
                (
                    "paragraph",
                    "Le recensement servira à préparer une rencontre départementale et à défendre auprès des "
                    "collectivités le rôle de ces lieux.",
                ),
            ],
        },
    ],
    "insertion-par-l-activite-economique": [
        {
            "slug": "guide-clauses-sociales-version-de-travail",
            "title": "Guide des clauses sociales : la version de travail est disponible",
            "date": date(2004, 10, 21),
            "themes": ["creer-des-emplois"],
            "territories": ["244400404"],
            "tags": ["clauses sociales", "marchés publics", "guide"],
            "summary": "Rédigé avec Nantes Métropole après la journée de la Bottière, le guide explique aux "
            "acheteurs publics comment réserver des heures de travail aux personnes en insertion.",
            "body": [
                (
                    "paragraph",
                    "Le guide présente les clauses d'exécution, les marchés réservés et les marchés de services "
                    "de qualification et d'insertion, avec des exemples de rédaction.",
                ),
            ],
        },
        {
            "slug": "evaluer-utilite-sociale-groupe-de-travail",
            "title": "Évaluer l'utilité sociale : le pôle lance un groupe de travail",
            "date": date(2007, 12, 13),
            "themes": ["creer-des-emplois", "richesse"],
            "territories": ["244400404"],
            "tags": ["utilité sociale", "évaluation", "groupe de travail"],
            "summary": "Après la journée de novembre, dix structures d'insertion construisent ensemble leurs "
            "indicateurs d'utilité sociale.",
            "body": [
                (
                    "paragraph",
                    "Le groupe s'appuie sur la démarche présentée dans la thèse soutenue à l'Université de Nantes "
                    "en 2006. Il se réunira tous les deux mois pendant un an.",
                ),
            ],
        },
        {
            "slug": "iae-en-pratique",
            "title": "L'insertion par l'activité économique en pratique",
            "date": date(2018, 11, 15),
            "themes": ["creer-des-emplois"],
            "territories": ["44"],
            "tags": ["IAE", "fiche pratique", "CDDI"],
            "summary": "Qui peut en bénéficier, quelles structures, quels contrats : la fiche pratique de "
            "service-public.fr, à partager avec les prescripteurs.",
            "body": [
                ("fiche", "F2284"),
                (
                    "paragraph",
                    "Le pôle tient à jour la liste des structures conventionnées du département ; elle est "
                    "disponible sur demande.",
                ),
            ],
        },
    ],
    "services-a-la-personne": [
        {
            "slug": "garde-enfants-horaires-atypiques",
            "title": "Garde d'enfants à horaires atypiques : le groupe de travail est lancé",
            "date": date(2004, 4, 15),
            "themes": ["creer-des-emplois"],
            "territories": ["Les Dervallières"],
            "tags": ["garde d'enfants", "horaires atypiques", "groupe de travail"],
            "summary": "La CAF, la Ville de Nantes et trois associations de parents étudient un service de garde "
            "au domicile tôt le matin et tard le soir.",
            "body": [
                (
                    "paragraph",
                    "Le groupe étudiera les besoins dans trois quartiers et le modèle économique du service. Les "
                    "premières conclusions sont attendues à l'automne.",
                ),
            ],
        },
        {
            "slug": "scic-aide-domicile-sud-retz",
            "title": "Une SCIC d'aide à domicile dans le sud Retz : point d'étape",
            "date": date(2008, 5, 22),
            "themes": ["se-soigner", "creer-des-emplois"],
            "territories": ["Pays de Retz", "44087"],
            "tags": ["SCIC", "aide à domicile", "gouvernance"],
            "summary": "Salariées, usagers, familles et communes préparent ensemble les statuts d'une société "
            "coopérative d'intérêt collectif.",
            "body": [
                (
                    "paragraph",
                    "Quatre collèges sont prévus. Les communes entreront au capital ; la SCIC reprendra l'activité "
                    "de deux associations locales d'aide à domicile.",
                ),
            ],
        },
    ],
}
