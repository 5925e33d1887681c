"""Speakers, the study days of 2003-2004 and 2007, and the 2006 forum.

Territories are official codes (INSEE, SIREN) or the names of LOCAL_TERRITORIES;
poles and themes are slugs; speakers are keys of SPEAKERS.
"""

from datetime import date

SPEAKERS = {
    "Alain Courtois": "Ville de Saint-Herblain, développement économique",
    "Anne Le Goff": "Université de Nantes, LEMNA",
    "Aurélie Bouvier": "Audencia Nantes",
    "Bernard Guihéneuf": "Union régionale des Scop de l'Ouest",
    "Brigitte Poirier": "Chambre régionale de l'économie sociale des Pays de la Loire",
    "Catherine Huchet": "Ville de Nantes, mission quartiers",
    "Christophe Durand": "Plateforme mobilité du Pays de Retz",
    "Claire Moreau": "Université de Nantes, Centre nantais de sociologie",
    "Denis Landais": "Syndicat intercommunal de restauration scolaire du Pays d'Ancenis",
    "Didier Rousseau": "Nantes Métropole, mission économie sociale et solidaire",
    "Élodie Perrin": "Épicerie solidaire Le Panier de Malakoff",
    "Émilie Garnier": "Compagnie Les Arts en chantier",
    "Fatou Diallo": "Association des femmes relais des Dervallières",
    "François Le Bihan": "Conseil général de Loire-Atlantique, direction de l'insertion",
    "Gaëlle Tessier": "Association régionale des Cigales des Pays de la Loire",
    "Gilles Robin": "Paysan, AMAP du Pays d'Ancenis",
    "Hélène Marchand": "Centre de santé mutualiste de Saint-Nazaire",
    "Hervé Jamet": "Garage solidaire de l'estuaire",
    "Hugues Perraud": "Direction départementale du travail, de l'emploi et de la formation professionnelle",
    "Isabelle Caillaud": "Fédération des centres sociaux de Loire-Atlantique",
    "Jacques Bréhier": "Ville de Rezé, service habitat",
    "Jean-Paul Rivière": "Université de Nantes, faculté des sciences économiques et de gestion",
    "Jeanne Kervella": "Association régionale des organismes HLM des Pays de la Loire",
    "Julien Fradin": "Ressourcerie de l'Ouest nantais",
    "Karine Ménard": "Coopérative d'habitants La Maison commune, Rezé",
    "Laurent Gautier": "CNRS, UMR Espaces et sociétés",
    "Leïla Mokrani": "Centre socioculturel de Bellevue",
    "Loïc Guérin": "Communauté de communes du Castelbriantais",
    "Marie-Hélène Drouet": "Pôle de l'économie sociale et solidaire de la région nantaise",
    "Martine Orain": "Boutique de commerce équitable Terre d'échanges",
    "Nadia Haddad": "Association intermédiaire Solidarité Emploi Nantes Nord",
    "Nicolas Baudry": "CARENE, direction du développement économique",
    "Odile Renaud": "Mutualité française Loire-Atlantique",
    "Pascal Hervouet": "Chantier d'insertion Les Jardins de la Mée, Châteaubriant",
    "Patrick Lemaître": "Crédit coopératif, délégation de Nantes",
    "Rachida Mansouri": "Entreprise d'insertion Bottière Services",
    "Régine Lebreton": "Mairie de Machecoul, affaires sociales",
    "Sophie Leray": "Réseau des AMAP de Loire-Atlantique",
    "Stéphane Thomas": "Université de Nantes, IGARUN",
    "Sylvie Pineau": "Café associatif La Cambuse, Derval",
    "Thierry Cadiou": "France Active Pays de la Loire",
    "Valérie Chesneau": "Fédération départementale d'aide à domicile",
    "Yann Le Floch": "École nationale supérieure d'architecture de Nantes",
}

NANTES = ("Ville de Nantes", "https://www.nantes.fr")
METROPOLE = ("Nantes Métropole", "https://metropole.nantes.fr")
DEPARTEMENT = ("Conseil général de Loire-Atlantique", "https://www.loire-atlantique.fr")
CARENE = ("CARENE Saint-Nazaire agglomération", "https://www.agglo-carene.fr")
CREDIT_COOP = ("Crédit coopératif", "https://www.credit-cooperatif.coop")
CRES = ("Chambre régionale de l'économie sociale des Pays de la Loire", "")
UNIVERSITY = ("Université de Nantes", "https://www.univ-nantes.fr")
DDTEFP = ("Direction départementale du travail, de l'emploi et de la formation professionnelle", "")


def talk(title, speakers, abstract):
    return {"title": title, "speakers": speakers, "abstract": abstract}


STUDY_DAYS = [
    {
        "slug": "2003-03-20-ess-quartier-malakoff",
        "title": "L'économie solidaire dans les quartiers : l'exemple de Malakoff",
        "date": date(2003, 3, 20),
        "venue": "Maison de quartier de Malakoff, Nantes",
        "territories": ["Malakoff"],
        "poles": ["consommation-responsable", "insertion-par-l-activite-economique"],
        "themes": ["se-nourrir", "creer-des-emplois"],
        "partners": [NANTES, ("Fédération des centres sociaux de Loire-Atlantique", "")],
        "tags": ["quartiers prioritaires", "épicerie solidaire", "régie de quartier", "politique de la ville"],
        "summary": "Première journée d'étude du pôle, consacrée à ce que les habitants et les associations d'un "
        "quartier d'habitat social construisent pour se nourrir, travailler et vivre ensemble, au moment où "
        "démarre le grand projet de ville de Malakoff.",
        "sessions": [
            {
                "title": "Ce que le quartier fait déjà",
                "start": "09:30",
                "end": "12:30",
                "chair": "Marie-Hélène Drouet",
                "talks": [
                    talk(
                        "Une épicerie solidaire au pied des tours",
                        ["Élodie Perrin"],
                        "Ouverte en 2001 par des habitantes, l'épicerie accueille une centaine de familles orientées "
                        "par les travailleurs sociaux. Les produits y sont vendus à 20 % de leur prix et l'écart "
                        "finance un accompagnement budgétaire. Le projet repose sur quinze bénévoles et deux "
                        "salariées en contrat aidé.",
                    ),
                    talk(
                        "Régie de quartier : l'entretien des espaces communs comme premier emploi",
                        ["Rachida Mansouri"],
                        "La régie emploie des habitants du quartier pour l'entretien des halls et des espaces verts. "
                        "Elle combine un contrat de travail, une formation et un rôle reconnu dans le quartier. Son "
                        "principal défi est de ne pas être cantonnée aux tâches dont personne ne veut.",
                    ),
                ],
            },
            {
                "title": "Quelle place pour l'économie solidaire dans le renouvellement urbain ?",
                "start": "14:00",
                "end": "17:00",
                "chair": "Catherine Huchet",
                "talks": [
                    talk(
                        "Le grand projet de ville et les initiatives des habitants",
                        ["Didier Rousseau"],
                        "Le projet de renouvellement urbain prévoit des locaux d'activité en pied d'immeuble. L'enjeu "
                        "est qu'ils restent accessibles aux initiatives des habitants et pas seulement à des "
                        "enseignes extérieures au quartier.",
                    ),
                    talk(
                        "Économie solidaire et politique de la ville : un regard sociologique",
                        ["Claire Moreau"],
                        "Les initiatives d'économie solidaire des quartiers populaires sont souvent réduites à des "
                        "dispositifs d'insertion. L'enquête menée auprès de douze structures nantaises montre "
                        "qu'elles produisent aussi du lien social, de la reconnaissance et une capacité d'action "
                        "collective.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Des initiatives nées des habitants",
                "Les intervenants ont souligné que les projets présentés ne sont pas venus d'en haut : l'épicerie "
                "comme la régie sont nées de collectifs d'habitants soutenus par le centre social. Leur fragilité "
                "tient à leur dépendance aux contrats aidés, dont les règles changent presque chaque année.",
            ),
            (
                "Le renouvellement urbain, une chance ou une menace",
                "La salle a exprimé la crainte que les démolitions dispersent les habitants qui portent ces "
                "projets. Nantes Métropole s'est engagée à réserver des locaux à loyer modéré aux activités "
                "d'économie solidaire dans les nouveaux programmes.",
            ),
            (
                "Suites",
                "Le pôle consommation responsable organisera une visite de l'épicerie pour les porteurs de projets "
                "d'autres quartiers ; le pôle insertion ouvre un groupe de travail sur les régies de quartier.",
            ),
        ],
    },
    {
        "slug": "2003-05-15-habitat-cooperatif-reze",
        "title": "Se loger autrement : habitat coopératif et solidaire",
        "date": date(2003, 5, 15),
        "venue": "Halle de la Trocardière, Rezé",
        "territories": ["44143"],
        "poles": ["habitat", "finances-solidaires"],
        "themes": ["se-loger"],
        "partners": [("Ville de Rezé", "https://www.reze.fr"), ("Association régionale des organismes HLM", "")],
        "tags": ["coopérative d'habitants", "logement social", "habitat participatif", "Maison radieuse"],
        "summary": "À Rezé, ville de la Maison radieuse de Le Corbusier, le pôle habitat a réuni bailleurs "
        "sociaux, élus et collectifs d'habitants autour des coopératives d'habitants, de l'auto-réhabilitation "
        "accompagnée et de la gestion partagée des immeubles.",
        "sessions": [
            {
                "title": "Habiter ensemble : des expériences",
                "start": "09:30",
                "end": "12:30",
                "chair": "Jacques Bréhier",
                "talks": [
                    talk(
                        "Monter une coopérative d'habitants sans cadre juridique adapté",
                        ["Karine Ménard"],
                        "Faute de statut spécifique en France, le collectif a choisi une société civile à capital "
                        "variable adossée à une association. Les parts sociales ne prennent pas de valeur et les "
                        "décisions se prennent à raison d'une personne, une voix. Trois ans de préparation ont été "
                        "nécessaires avant l'achat du terrain.",
                    ),
                    talk(
                        "L'auto-réhabilitation accompagnée : rénover son logement et reprendre confiance",
                        ["Isabelle Caillaud"],
                        "Des familles aux revenus modestes rénovent elles-mêmes leur logement avec l'appui d'un "
                        "animateur technique. Au-delà des travaux, la démarche restaure l'estime de soi et la "
                        "relation avec le bailleur.",
                    ),
                ],
            },
            {
                "title": "Bailleurs, collectivités et habitants : qui porte le risque ?",
                "start": "14:00",
                "end": "16:30",
                "chair": "Marie-Hélène Drouet",
                "talks": [
                    talk(
                        "La Maison radieuse, un demi-siècle de vie coopérative",
                        ["Yann Le Floch"],
                        "Construite par une coopérative HLM, la Maison radieuse montre qu'une gestion partagée des "
                        "espaces communs peut durer. Elle montre aussi la difficulté de transmettre l'esprit "
                        "coopératif d'une génération d'habitants à la suivante.",
                    ),
                    talk(
                        "Ce que les bailleurs sociaux peuvent apporter",
                        ["Jeanne Kervella"],
                        "Les organismes HLM disposent du foncier, de l'ingénierie et de la garantie des emprunts. "
                        "Plusieurs se disent prêts à expérimenter des formules coopératives, à condition d'en "
                        "partager les risques avec les collectivités.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Un besoin qui dépasse les militants",
                "Les collectifs présents ne sont pas seulement des militants de l'habitat alternatif : on y trouve "
                "des familles exclues de l'accession à la propriété par la hausse des prix et des retraités qui "
                "veulent vieillir entouré. Tous demandent un cadre juridique qui protège la propriété collective.",
            ),
            (
                "Le nœud du foncier",
                "Les échanges ont montré que le terrain est le premier obstacle. La Ville de Rezé a proposé "
                "d'étudier un bail emphytéotique sur une parcelle communale, qui éviterait au groupe d'immobiliser "
                "son apport dans le foncier.",
            ),
            (
                "Suites",
                "Le pôle habitat rédigera avec les collectifs une note sur les statuts possibles et sollicitera "
                "le pôle finances solidaires pour étudier une garantie des emprunts collectifs.",
            ),
        ],
    },
    {
        "slug": "2003-06-26-mobilites-rurales-pays-de-retz",
        "title": "Se déplacer en milieu rural : mobilités solidaires en Pays de Retz",
        "date": date(2003, 6, 26),
        "venue": "Salle polyvalente, Machecoul",
        "territories": ["44087", "Pays de Retz"],
        "poles": ["mobilite", "insertion-par-l-activite-economique"],
        "themes": ["se-deplacer", "creer-des-emplois"],
        "partners": [("Mairie de Machecoul", ""), DEPARTEMENT],
        "tags": ["mobilité rurale", "transport à la demande", "permis de conduire", "location solidaire"],
        "summary": "Sans voiture, pas d'emploi : en Pays de Retz, une offre d'emploi sur deux est inaccessible en "
        "transport collectif. La journée a fait le point sur les réponses solidaires : location de "
        "cyclomoteurs, auto-école associative et transport à la demande.",
        "sessions": [
            {
                "title": "Le constat : la mobilité, premier frein à l'emploi",
                "start": "09:30",
                "end": "11:00",
                "chair": "Régine Lebreton",
                "talks": [
                    talk(
                        "Mobilité et retour à l'emploi : ce que disent les parcours",
                        ["Stéphane Thomas"],
                        "L'étude de deux cents parcours de demandeurs d'emploi du sud Loire montre que l'absence de "
                        "permis ou de véhicule fait échouer un tiers des reprises d'emploi. Les horaires décalés de "
                        "l'agroalimentaire et du tourisme aggravent le problème.",
                    ),
                ],
            },
            {
                "title": "Les réponses solidaires",
                "start": "11:15",
                "end": "16:30",
                "chair": "Christophe Durand",
                "talks": [
                    talk(
                        "Louer un cyclomoteur pour aller travailler",
                        ["Christophe Durand"],
                        "Depuis 2001, la plateforme loue des cyclomoteurs à deux euros par jour pendant les trois "
                        "premiers mois d'un emploi. Soixante personnes en ont bénéficié la première année ; les deux "
                        "tiers ont gardé leur emploi.",
                    ),
                    talk(
                        "Une auto-école associative pour les publics en insertion",
                        ["François Le Bihan"],
                        "L'auto-école associative adapte la pédagogie aux personnes peu à l'aise avec l'écrit. Le "
                        "Département finance une partie des heures de conduite dans le cadre des parcours "
                        "d'insertion.",
                    ),
                    talk(
                        "Le transport à la demande, un service public à réinventer",
                        ["Régine Lebreton"],
                        "La commune expérimente avec ses voisines un minibus sur réservation vers le marché et la "
                        "gare. L'expérience montre l'intérêt d'associer les habitants à la définition des trajets.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "La voiture, condition de l'emploi",
                "Tous les intervenants ont constaté que, hors des bourgs, l'emploi suppose une voiture. Les "
                "réponses solidaires ne visent pas à s'en passer mais à franchir le cap des premiers mois, le "
                "temps de passer le permis ou d'acheter un véhicule.",
            ),
            (
                "Coordonner plutôt que multiplier",
                "Location, auto-école, transport à la demande : les dispositifs existent mais les personnes ne les "
                "connaissent pas. La salle a plaidé pour un guichet unique de la mobilité à l'échelle du pays.",
            ),
            (
                "Suites",
                "Le pôle mobilité, tout juste créé, fera de cette journée son point de départ ; une seconde "
                "rencontre est envisagée dans l'agglomération nazairienne.",
            ),
        ],
    },
    {
        "slug": "2003-10-09-finances-solidaires-saint-nazaire",
        "title": "Finances solidaires et création d'activité dans l'estuaire",
        "date": date(2003, 10, 9),
        "venue": "Agora 1901, maison des associations, Saint-Nazaire",
        "territories": ["44184", "244400644"],
        "poles": ["finances-solidaires"],
        "themes": ["richesse", "creer-des-emplois"],
        "partners": [CARENE, CREDIT_COOP],
        "tags": ["Cigales", "microcrédit", "épargne solidaire", "garantie d'emprunt", "création d'entreprise"],
        "summary": "Comment financer les petites entreprises que les banques jugent trop risquées ? Cigales, "
        "fonds de garantie et banque coopérative ont présenté leurs outils aux créateurs et aux élus de "
        "l'agglomération nazairienne.",
        "sessions": [
            {
                "title": "L'épargne des habitants au service du territoire",
                "start": "09:30",
                "end": "12:30",
                "chair": "Nicolas Baudry",
                "talks": [
                    talk(
                        "Les Cigales : des citoyens qui investissent ensemble",
                        ["Gaëlle Tessier"],
                        "Un club Cigales réunit cinq à vingt personnes qui mettent en commun une part de leur "
                        "épargne pour entrer au capital d'entreprises locales. Au-delà de l'argent, les cigaliers "
                        "apportent leur réseau et leur regard aux créateurs.",
                    ),
                    talk(
                        "Garantir plutôt que prêter",
                        ["Thierry Cadiou"],
                        "La garantie d'emprunt permet à un créateur sans patrimoine d'obtenir un prêt bancaire. Le "
                        "fonds garantit jusqu'à 65 % du prêt et accompagne le créateur pendant les premières années.",
                    ),
                ],
            },
            {
                "title": "Banques et collectivités : quels partenariats ?",
                "start": "14:00",
                "end": "16:30",
                "chair": "Marie-Hélène Drouet",
                "talks": [
                    talk(
                        "Ce qu'une banque coopérative peut faire, et ce qu'elle ne peut pas faire",
                        ["Patrick Lemaître"],
                        "La banque coopérative finance volontiers associations et coopératives, mais elle doit "
                        "respecter les règles prudentielles. Les garanties et les fonds propres apportés par les "
                        "Cigales rendent possibles des prêts qu'elle refuserait seule.",
                    ),
                    talk(
                        "Le soutien de l'agglomération à la création d'activité",
                        ["Nicolas Baudry"],
                        "L'agglomération finance l'accompagnement des créateurs et abonde les fonds de garantie "
                        "locaux. Elle souhaite que les projets de l'économie solidaire trouvent leur place dans ses "
                        "zones d'activité.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Un territoire qui a besoin de créateurs",
                "Dans une agglomération longtemps dominée par les grands chantiers, la création de petites "
                "entreprises reste faible. Les intervenants ont insisté sur la complémentarité des outils : "
                "capital de proximité, garantie, prêt bancaire et accompagnement.",
            ),
            (
                "L'argent ne suffit pas",
                "Les créateurs présents ont surtout témoigné de l'isolement des premières années. Le suivi par les "
                "cigaliers et les parrains des fonds de garantie est cité comme décisif.",
            ),
            (
                "Suites",
                "Deux nouveaux clubs Cigales se sont constitués à l'issue de la journée, l'un à Saint-Nazaire, "
                "l'autre à Trignac.",
            ),
        ],
    },
    {
        "slug": "2003-11-20-commerce-equitable-saint-herblain",
        "title": "Commerce équitable : du producteur du Sud au consommateur du Nord",
        "date": date(2003, 11, 20),
        "venue": "Maison des arts, Saint-Herblain",
        "territories": ["44162", "Bellevue"],
        "poles": ["commerce-equitable", "consommation-responsable"],
        "themes": ["richesse", "se-nourrir"],
        "partners": [("Ville de Saint-Herblain", "https://www.saint-herblain.fr"), ("Terre d'échanges", "")],
        "tags": ["commerce équitable", "éducation au développement", "grande distribution", "label"],
        "summary": "Alors que les produits équitables entrent dans les supermarchés, boutiques associatives, "
        "chercheurs et consommateurs ont débattu de ce qui fait l'équité d'un échange, et de la place des "
        "producteurs d'ici.",
        "sessions": [
            {
                "title": "Ce que recouvre le commerce équitable",
                "start": "09:30",
                "end": "12:30",
                "chair": "Alain Courtois",
                "talks": [
                    talk(
                        "Prix juste, préfinancement, relation durable : les critères en débat",
                        ["Martine Orain"],
                        "Le commerce équitable garantit aux producteurs un prix qui couvre leurs coûts, un "
                        "préfinancement des récoltes et des relations commerciales durables. Les boutiques "
                        "associatives y ajoutent l'éducation des consommateurs.",
                    ),
                    talk(
                        "Le commerce équitable en grande surface : succès ou dilution ?",
                        ["Aurélie Bouvier"],
                        "L'arrivée des produits labellisés en grande distribution multiplie les volumes vendus. "
                        "Elle pose la question du partage de la valeur et de la cohérence avec les pratiques "
                        "sociales des distributeurs eux-mêmes.",
                    ),
                ],
            },
            {
                "title": "Et si l'équité commençait ici ?",
                "start": "14:00",
                "end": "16:30",
                "chair": "Sophie Leray",
                "talks": [
                    talk(
                        "Des paysans de Loire-Atlantique et le commerce équitable Nord-Nord",
                        ["Gilles Robin"],
                        "Les producteurs d'ici subissent aussi des prix qui ne couvrent pas leurs coûts. Les AMAP et "
                        "les magasins de producteurs appliquent à l'échelle locale les principes du commerce "
                        "équitable.",
                    ),
                    talk(
                        "Éduquer au développement dans les quartiers",
                        ["Leïla Mokrani"],
                        "Des ateliers cuisine et des dégustations font découvrir les produits équitables et parlent "
                        "des pays d'origine des habitants. Ils font du commerce équitable un sujet de quartier.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Une définition disputée",
                "Le débat a opposé deux conceptions : une filière labellisée qui cherche les volumes, et un "
                "mouvement qui lie l'achat à une critique du commerce international. Tous s'accordent sur le prix "
                "minimum et le préfinancement.",
            ),
            (
                "Le Nord aussi",
                "L'intervention des paysans a fait date : pour la première fois, le pôle commerce équitable et le "
                "pôle consommation responsable ont envisagé une charte commune pour les produits locaux.",
            ),
            (
                "Suites",
                "Un groupe de travail commun aux deux pôles préparera la quinzaine du commerce équitable de 2004.",
            ),
        ],
    },
    {
        "slug": "2004-01-22-services-a-la-personne-dervallieres",
        "title": "Services à la personne et économie solidaire : quels emplois de qualité ?",
        "date": date(2004, 1, 22),
        "venue": "Centre socioculturel des Dervallières, Nantes",
        "territories": ["Les Dervallières"],
        "poles": ["services-a-la-personne", "insertion-par-l-activite-economique"],
        "themes": ["creer-des-emplois", "se-soigner"],
        "partners": [NANTES, DDTEFP],
        "tags": ["aide à domicile", "qualité de l'emploi", "temps partiel", "professionnalisation"],
        "summary": "Les services aux personnes âgées, aux familles et aux personnes handicapées sont annoncés "
        "comme le grand gisement d'emplois de la décennie. Associations d'aide à domicile et structures "
        "d'insertion ont interrogé la qualité de ces emplois, très majoritairement féminins et à temps partiel.",
        "sessions": [
            {
                "title": "Un gisement d'emplois ?",
                "start": "09:30",
                "end": "12:00",
                "chair": "Hugues Perraud",
                "talks": [
                    talk(
                        "Temps partiel subi et émiettement des horaires",
                        ["Anne Le Goff"],
                        "Dans l'aide à domicile, le temps de travail moyen ne dépasse pas vingt-cinq heures par "
                        "semaine et les trajets entre deux interventions sont rarement payés. La qualité du service "
                        "dépend pourtant de la stabilité des intervenantes.",
                    ),
                    talk(
                        "De l'association intermédiaire à la qualification",
                        ["Nadia Haddad"],
                        "L'association intermédiaire met des habitantes à disposition de particuliers pour le ménage "
                        "et le repassage. Un partenariat avec un organisme de formation permet à certaines de "
                        "préparer le diplôme d'auxiliaire de vie sociale.",
                    ),
                ],
            },
            {
                "title": "Professionnaliser sans perdre la proximité",
                "start": "14:00",
                "end": "16:30",
                "chair": "Isabelle Caillaud",
                "talks": [
                    talk(
                        "Une fédération d'aide à domicile face à la concurrence",
                        ["Valérie Chesneau"],
                        "Les associations ont construit le secteur avec des bénévoles et des financements publics. "
                        "L'ouverture aux entreprises lucratives les oblige à faire valoir leurs atouts : gouvernance, "
                        "ancrage local, accompagnement global.",
                    ),
                    talk(
                        "Garde d'enfants à horaires atypiques : un service construit avec les parents",
                        ["Fatou Diallo"],
                        "Des mères qui travaillent tôt le matin ou tard le soir ont imaginé avec le centre "
                        "socioculturel une garde au domicile. Le projet cherche son modèle économique entre "
                        "participation des familles, prestation de la CAF et soutien de la Ville.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Des emplois nombreux, rarement de qualité",
                "Les chiffres présentés confirment la croissance du secteur, mais aussi la faiblesse des durées de "
                "travail et des salaires. La question de la qualité de l'emploi rejoint celle de la qualité du "
                "service rendu aux personnes.",
            ),
            (
                "L'économie solidaire peut-elle faire mieux ?",
                "Les associations ont défendu l'idée qu'une gouvernance associant usagers et salariées permet de "
                "mieux organiser les tournées et de reconnaître les compétences. Les financeurs présents ont "
                "demandé des preuves : le pôle s'est engagé à documenter ces pratiques.",
            ),
            (
                "Suites",
                "Un groupe de travail sur la garde d'enfants à horaires atypiques réunira la CAF, la Ville et les "
                "associations de parents au printemps.",
            ),
        ],
    },
    {
        "slug": "2004-03-18-sante-solidarite-saint-sebastien",
        "title": "Se soigner : mutuelles, centres de santé et prévention de proximité",
        "date": date(2004, 3, 18),
        "venue": "Maison des associations, Saint-Sébastien-sur-Loire",
        "territories": ["44190"],
        "poles": ["services-a-la-personne"],
        "themes": ["se-soigner"],
        "partners": [("Mutualité française Loire-Atlantique", ""), ("Ville de Saint-Sébastien-sur-Loire", "")],
        "tags": ["mutuelle", "centre de santé", "prévention", "accès aux soins", "CMU"],
        "summary": "Quatre ans après la mise en place de la couverture maladie universelle, mutuelles, centres de "
        "santé et associations de prévention ont croisé leurs regards sur l'accès aux soins des ménages modestes "
        "et sur le rôle de l'économie sociale dans la santé.",
        "sessions": [
            {
                "title": "L'accès aux soins, une question sociale",
                "start": "09:30",
                "end": "12:00",
                "chair": "Odile Renaud",
                "talks": [
                    talk(
                        "Renoncer aux soins : qui, pourquoi ?",
                        ["Laurent Gautier"],
                        "Une enquête auprès de quatre cents ménages de l'agglomération montre que le renoncement aux "
                        "soins dentaires et optiques touche un ménage modeste sur quatre, même avec une "
                        "complémentaire santé.",
                    ),
                    talk(
                        "La mutuelle, une entreprise de l'économie sociale",
                        ["Odile Renaud"],
                        "Sans actionnaires, la mutuelle est gouvernée par ses adhérents réunis en assemblée "
                        "générale. Ses excédents financent la prévention et des services de soins ouverts à tous.",
                    ),
                ],
            },
            {
                "title": "Des services de santé de proximité",
                "start": "14:00",
                "end": "16:30",
                "chair": "Brigitte Poirier",
                "talks": [
                    talk(
                        "Un centre de santé mutualiste : tiers payant et médecins salariés",
                        ["Hélène Marchand"],
                        "Le centre pratique le tiers payant et les tarifs conventionnés. Les médecins y sont "
                        "salariés, ce qui attire de jeunes praticiens et libère du temps pour la prévention.",
                    ),
                    talk(
                        "La prévention avec les habitants : les ateliers santé",
                        ["Isabelle Caillaud"],
                        "Dans les centres sociaux, des ateliers animés par des habitants formés abordent "
                        "l'alimentation, le sommeil ou l'usage des médicaments. Ils touchent des publics que les "
                        "campagnes de prévention n'atteignent pas.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Le renoncement aux soins, angle mort",
                "L'enquête présentée le matin a frappé la salle : la complémentaire ne suffit pas quand les "
                "dépassements d'honoraires et les restes à charge s'accumulent. Les centres de santé pratiquant le "
                "tiers payant apparaissent comme une réponse directe.",
            ),
            (
                "Prévenir avec les habitants",
                "Les ateliers santé des centres sociaux montrent qu'une prévention portée par des pairs est mieux "
                "reçue. Leur financement, au coup par coup, reste précaire.",
            ),
            (
                "Suites",
                "La Mutualité française et la fédération des centres sociaux étudieront un programme commun "
                "d'ateliers de prévention dans les quartiers de l'agglomération.",
            ),
        ],
    },
    {
        "slug": "2004-05-13-culture-rurale-chateaubriant",
        "title": "Culture et économie solidaire en milieu rural",
        "date": date(2004, 5, 13),
        "venue": "Théâtre de Verre, Châteaubriant",
        "territories": ["44036", "Pays de Châteaubriant"],
        "poles": ["culture"],
        "themes": ["se-cultiver"],
        "partners": [("Communauté de communes du Castelbriantais", ""), DEPARTEMENT],
        "tags": ["culture en milieu rural", "café associatif", "éducation populaire", "emplois-jeunes"],
        "summary": "Dans le nord du département, cafés associatifs, compagnies et festivals font vivre la culture "
        "loin des grandes salles. La journée a interrogé leur modèle économique, entre bénévolat, emplois "
        "aidés et financements publics.",
        "sessions": [
            {
                "title": "Faire vivre la culture au village",
                "start": "10:00",
                "end": "12:30",
                "chair": "Loïc Guérin",
                "talks": [
                    talk(
                        "Un café associatif, lieu de concerts et de rencontres",
                        ["Sylvie Pineau"],
                        "Le café fonctionne avec deux salariés et une cinquantaine de bénévoles. Les recettes du bar "
                        "financent une programmation de trente concerts par an, à prix libre.",
                    ),
                    talk(
                        "Une compagnie de théâtre en résidence dans les communes",
                        ["Émilie Garnier"],
                        "La compagnie crée ses spectacles avec les habitants de trois communes. Ateliers, "
                        "répétitions publiques et représentations dans les granges font du théâtre une affaire de "
                        "voisinage.",
                    ),
                ],
            },
            {
                "title": "Quel modèle économique ?",
                "start": "14:00",
                "end": "16:30",
                "chair": "Marie-Hélène Drouet",
                "talks": [
                    talk(
                        "Emplois aidés et économie culturelle : une dépendance dangereuse",
                        ["Claire Moreau"],
                        "La fin du programme emplois-jeunes menace une grande partie des emplois culturels "
                        "associatifs créés depuis 1998. La mutualisation d'emplois entre structures est l'une des "
                        "pistes étudiées.",
                    ),
                    talk(
                        "La politique culturelle d'une communauté de communes rurale",
                        ["Loïc Guérin"],
                        "L'intercommunalité soutient les associations culturelles par des conventions pluriannuelles "
                        "plutôt que par des subventions à l'événement. Elle met aussi à disposition du matériel et un "
                        "régisseur.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "La culture comme service de proximité",
                "Les lieux présentés ne se vivent pas comme des équipements culturels mais comme des lieux de vie, "
                "souvent les derniers ouverts le soir dans leur commune. Leur utilité sociale dépasse largement "
                "leur programmation.",
            ),
            (
                "L'après emplois-jeunes",
                "La sortie du dispositif inquiète : sans relais, un tiers des postes pourrait disparaître. Les "
                "conventions pluriannuelles et les groupements d'employeurs ont été discutés comme relais possibles.",
            ),
            (
                "Suites",
                "Le pôle culture réunira les structures du nord du département pour étudier un groupement "
                "d'employeurs culturel.",
            ),
        ],
    },
    {
        "slug": "2004-06-24-insertion-developpement-local-bottiere",
        "title": "Insertion par l'activité économique et développement local",
        "date": date(2004, 6, 24),
        "venue": "Centre socioculturel de la Bottière, Nantes",
        "territories": ["La Bottière", "244400404"],
        "poles": ["insertion-par-l-activite-economique"],
        "themes": ["creer-des-emplois"],
        "partners": [METROPOLE, DDTEFP],
        "tags": ["insertion", "chantier d'insertion", "entreprise d'insertion", "clauses sociales"],
        "summary": "Chantiers d'insertion, entreprises d'insertion et associations intermédiaires emploient "
        "chaque année des milliers de personnes dans l'agglomération. La journée a porté sur leur ancrage dans "
        "les quartiers et sur les clauses d'insertion des marchés publics.",
        "sessions": [
            {
                "title": "Les structures d'insertion dans l'économie locale",
                "start": "09:30",
                "end": "12:30",
                "chair": "François Le Bihan",
                "talks": [
                    talk(
                        "Panorama de l'insertion par l'activité économique en Loire-Atlantique",
                        ["François Le Bihan"],
                        "Le département compte une centaine de structures conventionnées. Leurs salariés en "
                        "insertion travaillent dans le bâtiment, les espaces verts, le recyclage et les services "
                        "aux personnes.",
                    ),
                    talk(
                        "Une entreprise d'insertion dans le second œuvre du bâtiment",
                        ["Rachida Mansouri"],
                        "L'entreprise réalise des travaux de peinture et de revêtement pour les bailleurs sociaux du "
                        "quartier. Les salariés en insertion y passent deux ans, avec le tutorat de compagnons "
                        "expérimentés.",
                    ),
                ],
            },
            {
                "title": "Les clauses sociales, levier ou alibi ?",
                "start": "14:00",
                "end": "16:30",
                "chair": "Didier Rousseau",
                "talks": [
                    talk(
                        "Réserver des heures de travail aux personnes en insertion",
                        ["Didier Rousseau"],
                        "Les chantiers du renouvellement urbain comportent des clauses qui réservent une part des "
                        "heures aux personnes éloignées de l'emploi. La collectivité met en relation les entreprises "
                        "et les structures d'insertion.",
                    ),
                    talk(
                        "Évaluer l'utilité sociale de l'insertion",
                        ["Anne Le Goff"],
                        "Le taux de sortie vers l'emploi ne dit pas tout de ce que produisent les structures "
                        "d'insertion. Santé, logement, confiance retrouvée : une évaluation plus large est nécessaire "
                        "pour rendre compte de leur utilité sociale.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Des entreprises à part entière",
                "Les structures d'insertion ont rappelé qu'elles produisent des biens et des services vendus à des "
                "clients, et pas seulement des parcours. Leur équilibre économique conditionne leur mission sociale.",
            ),
            (
                "Les clauses sociales à l'épreuve",
                "Les premières clauses ont surtout bénéficié aux entreprises de travail temporaire d'insertion. Les "
                "chantiers d'insertion demandent des lots réservés, que le code des marchés publics permet.",
            ),
            (
                "Suites",
                "Le pôle insertion et Nantes Métropole rédigeront un guide des clauses sociales destiné aux "
                "acheteurs publics de l'agglomération.",
            ),
        ],
    },
    {
        "slug": "2004-11-25-circuits-courts-pays-d-ancenis",
        "title": "Se nourrir : circuits courts entre ville et campagne",
        "date": date(2004, 11, 25),
        "venue": "Salle des fêtes, Ancenis",
        "territories": ["44003", "Pays d'Ancenis"],
        "poles": ["consommation-responsable"],
        "themes": ["se-nourrir"],
        "partners": [("Réseau des AMAP de Loire-Atlantique", ""), ("Chambre d'agriculture de Loire-Atlantique", "")],
        "tags": ["AMAP", "circuits courts", "agriculture paysanne", "restauration collective"],
        "summary": "Paysans, consommateurs et élus du Pays d'Ancenis ont débattu de la façon de rapprocher les "
        "fermes des assiettes, de l'AMAP au magasin de producteurs et jusqu'à la cantine.",
        "sessions": [
            {
                "title": "Les circuits courts, comment ça marche ?",
                "start": "10:00",
                "end": "12:30",
                "chair": "Sophie Leray",
                "talks": [
                    talk(
                        "L'AMAP : un contrat entre un paysan et des familles",
                        ["Gilles Robin"],
                        "Les familles paient à l'avance une part de la récolte de la saison. Le paysan connaît ses "
                        "débouchés et son revenu ; les familles savent d'où vient ce qu'elles mangent et partagent "
                        "les aléas de la production.",
                    ),
                    talk(
                        "Vente directe et magasins de producteurs",
                        ["Sophie Leray"],
                        "Une douzaine de fermes se sont regroupées pour ouvrir un point de vente collectif. Chacune "
                        "y tient des permanences, ce qui réduit le coût de la distribution.",
                    ),
                ],
            },
            {
                "title": "De la ferme à la cantine",
                "start": "14:00",
                "end": "16:30",
                "chair": "Stéphane Thomas",
                "talks": [
                    talk(
                        "Introduire des produits locaux dans la restauration scolaire",
                        ["Denis Landais"],
                        "Le syndicat a commencé par les produits laitiers et les légumes de saison. Le code des "
                        "marchés publics impose de raisonner par lots et par critères de qualité plutôt que par "
                        "origine géographique.",
                    ),
                    talk(
                        "L'installation de jeunes paysans, condition des circuits courts",
                        ["Stéphane Thomas"],
                        "Sans installations nouvelles, l'offre locale ne suivra pas la demande. Le foncier agricole, "
                        "sous la pression de l'urbanisation, est le premier obstacle.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Une demande plus forte que l'offre",
                "Les AMAP du département ont des listes d'attente. Les paysans présents ont rappelé qu'une ferme "
                "ne se convertit pas en une saison et que l'installation de nouveaux producteurs est la clé.",
            ),
            (
                "La cantine, levier de volume",
                "La restauration collective peut garantir des débouchés réguliers, à condition d'adapter les "
                "menus aux saisons et les marchés aux petits producteurs.",
            ),
            (
                "Suites",
                "Le pôle consommation responsable accompagnera deux communes du Pays d'Ancenis dans la rédaction "
                "de leurs marchés de restauration scolaire.",
            ),
        ],
    },
    {
        "slug": "2007-02-08-habitat-renovation-urbaine-nantes-nord",
        "title": "Rénovation urbaine : quelle place pour les habitants et l'économie solidaire ?",
        "date": date(2007, 2, 8),
        "venue": "Maison de quartier de la Boissière, Nantes",
        "territories": ["Nantes Nord"],
        "poles": ["habitat", "insertion-par-l-activite-economique"],
        "themes": ["se-loger", "creer-des-emplois"],
        "partners": [NANTES, ("Agence nationale pour la rénovation urbaine", "")],
        "tags": ["rénovation urbaine", "ANRU", "participation des habitants", "relogement", "clauses d'insertion"],
        "summary": "Trois ans après la création de l'ANRU, les quartiers de Nantes Nord vivent démolitions, "
        "reconstructions et relogements. Habitants, bailleurs et associations ont fait le point sur la "
        "participation et sur les emplois créés par les chantiers.",
        "sessions": [
            {
                "title": "Vivre la rénovation",
                "start": "09:30",
                "end": "12:30",
                "chair": "Catherine Huchet",
                "talks": [
                    talk(
                        "Le relogement vu par les habitants",
                        ["Nadia Haddad"],
                        "Les habitants relogés saluent la qualité des nouveaux logements mais regrettent la "
                        "dispersion des voisins et la hausse des charges. Les associations demandent à être "
                        "associées au choix des logements proposés.",
                    ),
                    talk(
                        "Les associations de locataires, partenaires des bailleurs",
                        ["Jeanne Kervella"],
                        "La loi reconnaît aux associations de locataires un droit d'information et de consultation "
                        "sur les charges et les travaux. Dans la rénovation urbaine, elles deviennent des "
                        "interlocutrices indispensables.",
                    ),
                ],
            },
            {
                "title": "Les chantiers, une chance pour l'emploi local",
                "start": "14:00",
                "end": "16:30",
                "chair": "Didier Rousseau",
                "talks": [
                    talk(
                        "Bilan des clauses d'insertion dans les chantiers de rénovation",
                        ["Didier Rousseau"],
                        "Depuis 2004, plus de quarante mille heures de travail ont été réalisées par des personnes "
                        "en insertion sur les chantiers nantais de rénovation urbaine. Un tiers d'entre elles ont "
                        "ensuite trouvé un emploi durable.",
                    ),
                    talk(
                        "Architecture et participation : concevoir avec les habitants",
                        ["Yann Le Floch"],
                        "Des ateliers de conception ont permis aux habitants de peser sur l'aménagement des pieds "
                        "d'immeubles et des jardins partagés. La participation prend du temps, mais évite des "
                        "erreurs coûteuses.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Le relogement, épreuve collective",
                "Les témoignages ont montré que le relogement défait des solidarités de voisinage construites "
                "pendant des décennies. Les associations de locataires demandent un accompagnement qui tienne "
                "compte de ces liens.",
            ),
            (
                "Des heures d'insertion, et après ?",
                "Le bilan des clauses est encourageant en volume. La salle a demandé un suivi des personnes au-delà "
                "du chantier, pour savoir combien ont accédé à un emploi durable.",
            ),
            (
                "Suites",
                "Le pôle habitat proposera aux bailleurs une charte de la participation des habitants dans les "
                "projets de rénovation.",
            ),
        ],
    },
    {
        "slug": "2007-03-29-mobilite-emploi-estuaire",
        "title": "Mobilité et accès à l'emploi : garages solidaires, auto-partage et microcrédit",
        "date": date(2007, 3, 29),
        "venue": "Maison de quartier de la Bouletterie, Saint-Nazaire",
        "territories": ["La Bouletterie", "244400644", "44210"],
        "poles": ["mobilite", "insertion-par-l-activite-economique"],
        "themes": ["se-deplacer", "creer-des-emplois"],
        "partners": [CARENE, DEPARTEMENT],
        "tags": ["garage solidaire", "auto-partage", "microcrédit", "permis de conduire", "plateforme mobilité"],
        "summary": "Dans une agglomération où les chantiers navals et l'aéronautique recrutent en horaires "
        "postés, la voiture reste souvent indispensable. La journée a présenté le garage solidaire de "
        "l'estuaire, l'auto-partage associatif et le microcrédit pour l'achat de véhicules.",
        "sessions": [
            {
                "title": "Réparer, louer, partager",
                "start": "09:30",
                "end": "12:30",
                "chair": "Nicolas Baudry",
                "talks": [
                    talk(
                        "Le garage solidaire de l'estuaire, trois ans après",
                        ["Hervé Jamet"],
                        "Le garage répare à prix coûtant les véhicules des personnes en insertion et loue des "
                        "voitures à quatre euros par jour. Il emploie six mécaniciens en insertion, dont quatre ont "
                        "depuis trouvé un emploi dans un garage classique.",
                    ),
                    talk(
                        "L'auto-partage associatif : une voiture pour plusieurs ménages",
                        ["Christophe Durand"],
                        "Quelques véhicules réservés par téléphone suffisent à couvrir les besoins occasionnels de "
                        "plusieurs dizaines de ménages. Le modèle reste fragile hors des centres urbains denses.",
                    ),
                ],
            },
            {
                "title": "Financer la mobilité",
                "start": "14:00",
                "end": "16:30",
                "chair": "Thierry Cadiou",
                "talks": [
                    talk(
                        "Le microcrédit personnel pour acheter un véhicule",
                        ["Patrick Lemaître"],
                        "Le microcrédit personnel accompagné permet à des personnes exclues du crédit bancaire "
                        "d'acheter un véhicule d'occasion ou de financer leur permis. Le taux de remboursement "
                        "dépasse 90 %.",
                    ),
                    talk(
                        "Mobilité et horaires décalés : l'enquête auprès des entreprises",
                        ["Stéphane Thomas"],
                        "Deux tiers des entreprises industrielles interrogées déclarent avoir renoncé à un "
                        "recrutement pour des raisons de mobilité. Le covoiturage organisé par les employeurs "
                        "reste rare.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Quatre ans après Machecoul",
                "La journée prolongeait celle de 2003 en Pays de Retz. Les dispositifs ont mûri : le garage "
                "solidaire est devenu un chantier d'insertion reconnu et la location de véhicules s'est étendue "
                "à l'agglomération.",
            ),
            (
                "Les employeurs, acteurs oubliés",
                "L'enquête auprès des entreprises a montré que la mobilité est aussi leur problème. Plusieurs "
                "industriels se sont dits prêts à cofinancer une plateforme de mobilité.",
            ),
            (
                "Suites",
                "La CARENE étudiera la création d'une plateforme de mobilité à l'échelle de l'agglomération, avec "
                "le garage solidaire et les structures d'insertion.",
            ),
        ],
    },
    {
        "slug": "2007-05-24-epargne-solidaire-territoires",
        "title": "Épargne solidaire et territoires : des Cigales aux fonds territoriaux",
        "date": date(2007, 5, 24),
        "venue": "Centre culturel Piano'cktail, Bouguenais",
        "territories": ["44020", "244400404"],
        "poles": ["finances-solidaires"],
        "themes": ["richesse", "creer-des-emplois"],
        "partners": [CREDIT_COOP, ("Association régionale des Cigales des Pays de la Loire", "")],
        "tags": ["épargne solidaire", "Cigales", "finance solidaire", "épargne salariale", "fonds territorial"],
        "summary": "L'épargne solidaire a changé d'échelle avec l'épargne salariale solidaire créée en 2001. "
        "Cigaliers, banquiers et élus ont confronté l'engagement de proximité des clubs aux fonds solidaires "
        "gérés à l'échelle nationale.",
        "sessions": [
            {
                "title": "Les Cigales, vingt ans après",
                "start": "09:30",
                "end": "12:30",
                "chair": "Gaëlle Tessier",
                "talks": [
                    talk(
                        "Bilan des clubs de Loire-Atlantique",
                        ["Gaëlle Tessier"],
                        "Une trentaine de clubs ont financé plus de cent entreprises dans le département. Trois sur "
                        "quatre sont toujours en activité cinq ans après leur création.",
                    ),
                    talk(
                        "Financé par deux clubs Cigales : le point de vue d'un créateur",
                        ["Julien Fradin"],
                        "La ressourcerie a démarré grâce à l'apport de deux clubs. Les cigaliers ont aussi ouvert "
                        "leur carnet d'adresses et siégé au comité de suivi pendant cinq ans.",
                    ),
                ],
            },
            {
                "title": "L'épargne solidaire à grande échelle",
                "start": "14:00",
                "end": "16:30",
                "chair": "Patrick Lemaître",
                "talks": [
                    talk(
                        "Les fonds d'épargne salariale solidaire",
                        ["Patrick Lemaître"],
                        "Depuis 2001, les plans d'épargne salariale doivent proposer un fonds solidaire qui investit "
                        "de 5 à 10 % de ses actifs dans des entreprises solidaires. Ces fonds apportent des montants "
                        "inédits, mais loin des territoires.",
                    ),
                    talk(
                        "Un fonds territorial pour l'économie solidaire ?",
                        ["Thierry Cadiou"],
                        "Un fonds régional permettrait de mobiliser l'épargne des habitants pour les projets locaux, "
                        "avec un comité d'engagement ouvert aux acteurs du territoire.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Proximité contre volume ?",
                "Les Cigales apportent peu d'argent mais beaucoup d'accompagnement ; les fonds solidaires "
                "apportent beaucoup d'argent mais peu de lien. Les intervenants ont plaidé pour des ponts entre "
                "les deux.",
            ),
            (
                "Le rôle des collectivités",
                "Les élus présents ont envisagé d'abonder un fonds territorial, à condition que les décisions "
                "d'investissement restent aux mains d'un comité indépendant.",
            ),
            (
                "Suites",
                "Le pôle finances solidaires rédigera une étude de faisabilité d'un fonds territorial pour "
                "l'agglomération nantaise.",
            ),
        ],
    },
    {
        "slug": "2007-06-21-culture-education-populaire-bellevue",
        "title": "Culture, éducation populaire et quartiers",
        "date": date(2007, 6, 21),
        "venue": "Centre socioculturel de Bellevue, Nantes",
        "territories": ["Bellevue", "44162"],
        "poles": ["culture"],
        "themes": ["se-cultiver"],
        "partners": [NANTES, ("Ville de Saint-Herblain", "https://www.saint-herblain.fr")],
        "tags": ["éducation populaire", "culture", "quartiers", "pratiques amateurs", "groupement d'employeurs"],
        "summary": "Le jour de la fête de la musique, le pôle culture a réuni à Bellevue, quartier partagé entre "
        "Nantes et Saint-Herblain, les acteurs qui font de la culture une affaire d'habitants : ateliers, fêtes, "
        "compagnies en résidence et lieux de proximité.",
        "sessions": [
            {
                "title": "Faire avec les habitants",
                "start": "10:00",
                "end": "12:30",
                "chair": "Leïla Mokrani",
                "talks": [
                    talk(
                        "La fête de quartier comme projet culturel",
                        ["Leïla Mokrani"],
                        "Préparée pendant six mois par les habitants, la fête de quartier mobilise deux cents "
                        "bénévoles. Elle est devenue un rendez-vous qui change le regard porté sur le quartier.",
                    ),
                    talk(
                        "Une compagnie en résidence dans un quartier d'habitat social",
                        ["Émilie Garnier"],
                        "Après trois ans en milieu rural, la compagnie s'installe à Bellevue pour deux ans. Elle "
                        "crée un spectacle à partir de récits d'habitants recueillis dans les halls et les cages "
                        "d'escalier.",
                    ),
                ],
            },
            {
                "title": "L'économie des lieux culturels de proximité",
                "start": "14:00",
                "end": "16:30",
                "chair": "Claire Moreau",
                "talks": [
                    talk(
                        "Mutualiser les emplois culturels : le groupement d'employeurs",
                        ["Sylvie Pineau"],
                        "Cinq associations culturelles ont créé un groupement d'employeurs pour partager un "
                        "administrateur et un régisseur. Chacune accède ainsi à des compétences qu'elle n'aurait pas "
                        "pu payer seule.",
                    ),
                    talk(
                        "Ce que la culture apporte aux quartiers : retour d'enquête",
                        ["Claire Moreau"],
                        "L'enquête auprès des participants aux ateliers montre des effets durables sur la confiance "
                        "en soi et la mobilité dans la ville. Ces effets échappent aux indicateurs habituels de "
                        "fréquentation.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Des habitants auteurs",
                "La journée a montré des habitants qui ne sont pas seulement un public mais des auteurs : récits, "
                "fêtes, spectacles. L'éducation populaire retrouve là son sens premier.",
            ),
            (
                "Trois ans après Châteaubriant",
                "Le groupement d'employeurs évoqué en 2004 existe désormais ; son bilan montre que la "
                "mutualisation stabilise l'emploi sans effacer l'identité de chaque association.",
            ),
            (
                "Suites",
                "Le pôle culture proposera aux deux villes une rencontre annuelle des pratiques culturelles des "
                "quartiers.",
            ),
        ],
    },
    {
        "slug": "2007-10-11-vieillir-chez-soi-pays-de-retz",
        "title": "Vieillir chez soi : services à la personne et solidarités de proximité",
        "date": date(2007, 10, 11),
        "venue": "Amphithéâtre Thomas-Narcejac, Pornic",
        "territories": ["44131", "Pays de Retz"],
        "poles": ["services-a-la-personne"],
        "themes": ["se-soigner", "creer-des-emplois"],
        "partners": [DEPARTEMENT, ("Mutualité française Loire-Atlantique", "")],
        "tags": ["vieillissement", "maintien à domicile", "aide à domicile", "aidants", "SCIC"],
        "summary": "Sur la côte de Retz, un habitant sur trois a plus de soixante ans. Deux ans après le plan de "
        "développement des services à la personne, associations d'aide à domicile, mutuelles et élus ont cherché "
        "comment permettre de vieillir chez soi sans sacrifier la qualité des emplois.",
        "sessions": [
            {
                "title": "Les besoins d'un territoire qui vieillit",
                "start": "09:30",
                "end": "12:00",
                "chair": "Valérie Chesneau",
                "talks": [
                    talk(
                        "Vieillissement et isolement sur le littoral et dans l'arrière-pays",
                        ["Laurent Gautier"],
                        "L'arrivée de retraités sur le littoral et le vieillissement des agriculteurs de "
                        "l'arrière-pays créent des besoins très différents. L'isolement est le risque commun, "
                        "aggravé par l'absence de transports.",
                    ),
                    talk(
                        "Les aidants familiaux, premiers soignants",
                        ["Odile Renaud"],
                        "La mutuelle a ouvert des groupes de parole et des temps de répit pour les aidants. Un "
                        "soutien modeste retarde l'épuisement et l'entrée en établissement.",
                    ),
                ],
            },
            {
                "title": "Des services et des emplois de qualité",
                "start": "14:00",
                "end": "16:30",
                "chair": "Hugues Perraud",
                "talks": [
                    talk(
                        "Le plan de développement des services à la personne, deux ans après",
                        ["Anne Le Goff"],
                        "Le plan a multiplié les entreprises agréées et facilité le paiement par chèque emploi "
                        "service universel. Il a peu amélioré la durée du travail et les salaires des intervenantes.",
                    ),
                    talk(
                        "Une SCIC pour associer salariés, usagers et collectivités",
                        ["Valérie Chesneau"],
                        "La société coopérative d'intérêt collectif réunit les salariés, les personnes aidées, leurs "
                        "familles et les communes. Cette gouvernance partagée oriente les excédents vers la qualité "
                        "du service.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Deux vieillissements",
                "Le littoral attire des retraités aisés mais isolés de leur famille ; l'arrière-pays vieillit sur "
                "place avec de petites retraites agricoles. Les services doivent s'adapter aux deux.",
            ),
            (
                "L'emploi, condition du service",
                "Comme à la journée des Dervallières en 2004, la qualité de l'emploi est apparue comme la condition "
                "de la qualité du service. La SCIC présentée l'après-midi a suscité de nombreuses questions.",
            ),
            (
                "Suites",
                "Le pôle services à la personne accompagnera un projet de SCIC d'aide à domicile dans le sud du Pays "
                "de Retz.",
            ),
        ],
    },
    {
        "slug": "2007-11-22-mesurer-la-richesse-autrement",
        "title": "Mesurer la richesse autrement : utilité sociale et indicateurs",
        "date": date(2007, 11, 22),
        "venue": "Faculté des sciences économiques et de gestion, Université de Nantes",
        "territories": ["44109", "244400404"],
        "poles": ["finances-solidaires", "commerce-equitable", "insertion-par-l-activite-economique"],
        "themes": ["richesse"],
        "partners": [UNIVERSITY, CRES],
        "tags": ["utilité sociale", "indicateurs de richesse", "évaluation", "PIB", "bilan sociétal"],
        "summary": "Le PIB compte les accidents de la route comme une richesse et ignore le bénévolat. "
        "Chercheurs et acteurs ont présenté les démarches d'évaluation de l'utilité sociale et les nouveaux "
        "indicateurs de richesse expérimentés dans la région.",
        "sessions": [
            {
                "title": "Pourquoi mesurer autrement ?",
                "start": "09:30",
                "end": "12:30",
                "chair": "Jean-Paul Rivière",
                "talks": [
                    talk(
                        "Reconsidérer la richesse : retour sur un débat",
                        ["Jean-Paul Rivière"],
                        "Depuis le rapport « Reconsidérer la richesse » remis en 2002, le débat sur les indicateurs "
                        "s'est ouvert en France. Des régions expérimentent des indicateurs de développement humain "
                        "et de santé sociale.",
                    ),
                    talk(
                        "L'utilité sociale : une notion à construire avec les acteurs",
                        ["Anne Le Goff"],
                        "L'utilité sociale ne se décrète pas : elle se construit avec les salariés, les bénévoles, "
                        "les usagers et les financeurs. La démarche d'évaluation compte autant que les indicateurs "
                        "qu'elle produit.",
                    ),
                ],
            },
            {
                "title": "Des outils en pratique",
                "start": "14:00",
                "end": "16:30",
                "chair": "Brigitte Poirier",
                "talks": [
                    talk(
                        "Le bilan sociétal dans une coopérative",
                        ["Bernard Guihéneuf"],
                        "Le bilan sociétal interroge l'entreprise sur une centaine de critères, de la gouvernance à "
                        "l'environnement. Les Scop qui l'ont conduit y ont trouvé un outil de dialogue interne autant "
                        "que de communication.",
                    ),
                    talk(
                        "Mesurer l'effet d'un chantier d'insertion au-delà du retour à l'emploi",
                        ["Pascal Hervouet"],
                        "Le chantier suit ses salariés dix-huit mois après leur départ. Santé, logement, mobilité et "
                        "liens sociaux progressent, même pour ceux qui n'ont pas retrouvé d'emploi.",
                    ),
                ],
            },
        ],
        "proceedings": [
            (
                "Ce qui compte et ce qu'on compte",
                "Les échanges ont rappelé que l'économie sociale et solidaire produit des richesses que la "
                "comptabilité nationale ignore : bénévolat, lien social, cohésion des territoires. Les rendre "
                "visibles est un enjeu de reconnaissance et de financement.",
            ),
            (
                "Évaluer sans se laisser enfermer",
                "Les acteurs se méfient d'indicateurs imposés par les financeurs. Ils plaident pour des démarches "
                "construites avec les parties prenantes, comme celles présentées par les Scop et le chantier "
                "d'insertion.",
            ),
            (
                "Suites",
                "L'université et le pôle proposeront un module consacré à l'évaluation de l'utilité sociale dans "
                "la formation destinée aux acteurs de l'économie sociale et solidaire.",
            ),
        ],
    },
]

FORUM_DAYS = [date(2006, 10, 12), date(2006, 10, 13), date(2006, 10, 14)]

FORUM = {
    "slug": "2006-10-forum-economie-sociale-solidaire",
    "title": "Forum de l'économie sociale et solidaire : entreprendre autrement en Loire-Atlantique",
    "date": FORUM_DAYS[0],
    "end_date": FORUM_DAYS[-1],
    "venue": "Cité des congrès, Nantes",
    "territories": ["44109", "244400404", "44"],
    "poles": [
        "consommation-responsable",
        "habitat",
        "mobilite",
        "finances-solidaires",
        "commerce-equitable",
        "culture",
        "insertion-par-l-activite-economique",
        "services-a-la-personne",
    ],
    "themes": ["richesse", "creer-des-emplois", "se-loger", "se-deplacer", "se-soigner", "se-nourrir"],
    "partners": [
        METROPOLE,
        ("Conseil régional des Pays de la Loire", "https://www.paysdelaloire.fr"),
        DEPARTEMENT,
        CRES,
        UNIVERSITY,
    ],
    "tags": ["forum", "grand public", "entreprendre autrement", "Scop", "coopératives"],
    "summary": "Trois jours pour faire connaître l'économie sociale et solidaire au grand public : quatre-vingts "
    "stands d'entreprises et d'associations, des tables rondes par pôle, des ateliers pour les créateurs et "
    "une journée ouverte aux familles. Plus de six mille visiteurs.",
    "sessions": [
        {
            "title": "Ouverture : l'économie sociale et solidaire, une autre façon d'entreprendre",
            "day": FORUM_DAYS[0],
            "start": "09:30",
            "end": "11:00",
            "chair": "Marie-Hélène Drouet",
            "talks": [
                talk(
                    "L'économie sociale, une histoire nantaise",
                    ["Jean-Paul Rivière"],
                    "Des sociétés de secours mutuels du XIXe siècle aux coopératives ouvrières de l'estuaire, "
                    "l'économie sociale a une longue histoire locale. Elle éclaire les initiatives d'aujourd'hui.",
                ),
                talk(
                    "Les engagements des collectivités",
                    ["Didier Rousseau"],
                    "Nantes Métropole a fait de l'économie sociale et solidaire une politique à part entière. Elle "
                    "présente ses engagements : appui aux créateurs, achats publics responsables, locaux d'activité.",
                ),
            ],
        },
        {
            "title": "Table ronde : créer des emplois qui ont du sens",
            "day": FORUM_DAYS[0],
            "start": "14:00",
            "end": "16:30",
            "chair": "Hugues Perraud",
            "talks": [
                talk(
                    "Reprendre une entreprise en Scop",
                    ["Bernard Guihéneuf"],
                    "Chaque année, des entreprises saines ferment faute de repreneur. La transformation en Scop "
                    "permet aux salariés de reprendre leur outil de travail ; l'union régionale accompagne une "
                    "dizaine de projets par an.",
                ),
                talk(
                    "Des passerelles entre structures d'insertion et entreprises classiques",
                    ["Rachida Mansouri", "François Le Bihan"],
                    "Les périodes d'immersion et le parrainage par des salariés d'entreprises classiques facilitent "
                    "la sortie des parcours d'insertion. Les employeurs découvrent des compétences qu'ils ne "
                    "soupçonnaient pas.",
                ),
            ],
        },
        {
            "title": "Ateliers des pôles : habitat et mobilité",
            "day": FORUM_DAYS[1],
            "start": "09:30",
            "end": "12:30",
            "chair": "Jacques Bréhier",
            "talks": [
                talk(
                    "Trois ans après : où en sont les coopératives d'habitants ?",
                    ["Karine Ménard"],
                    "Le projet de Rezé a obtenu un terrain en bail emphytéotique et le permis de construire. Il "
                    "réunit quatorze foyers et démontre qu'un montage coopératif est possible malgré l'absence de "
                    "statut dédié.",
                ),
                talk(
                    "Garages solidaires : réparer pour rouler et pour travailler",
                    ["Hervé Jamet"],
                    "Le garage solidaire de l'estuaire a réparé huit cents véhicules en deux ans. Il forme des "
                    "mécaniciens en insertion et garantit la mobilité de personnes qui reprennent un emploi.",
                ),
            ],
        },
        {
            "title": "Ateliers des pôles : finances solidaires et commerce équitable",
            "day": FORUM_DAYS[1],
            "start": "14:00",
            "end": "17:00",
            "chair": "Gaëlle Tessier",
            "talks": [
                talk(
                    "Financer l'économie solidaire : bilan des outils territoriaux",
                    ["Thierry Cadiou"],
                    "Garanties, prêts participatifs et apports des Cigales ont permis de financer près de deux cents "
                    "projets dans le département depuis 2003. Les besoins en fonds propres restent mal couverts.",
                ),
                talk(
                    "Commerce équitable : les boutiques face aux labels",
                    ["Martine Orain"],
                    "Les boutiques associatives voient leurs clients acheter des produits labellisés en "
                    "supermarché. Elles misent sur le conseil, l'éducation au développement et les produits "
                    "d'artisanat.",
                ),
            ],
        },
        {
            "title": "Journée grand public : se nourrir et se soigner autrement",
            "day": FORUM_DAYS[2],
            "start": "10:00",
            "end": "12:30",
            "chair": "Sophie Leray",
            "talks": [
                talk(
                    "Paniers, épiceries, cantines : se nourrir autrement",
                    ["Élodie Perrin", "Gilles Robin"],
                    "Une épicerie solidaire et une AMAP racontent comment elles rendent une alimentation de qualité "
                    "accessible aux familles modestes. Elles testent ensemble des paniers solidaires à prix réduit.",
                ),
                talk(
                    "La santé mutualiste, de la prévention aux soins",
                    ["Odile Renaud", "Hélène Marchand"],
                    "Des ateliers de prévention au centre de santé, les mutuelles proposent une autre approche de "
                    "la santé, fondée sur la solidarité entre adhérents et l'absence de sélection des risques.",
                ),
            ],
        },
        {
            "title": "Clôture : et demain ?",
            "day": FORUM_DAYS[2],
            "start": "15:00",
            "end": "17:00",
            "chair": "Brigitte Poirier",
            "talks": [
                talk(
                    "Ce que le forum nous a appris",
                    ["Claire Moreau"],
                    "Les visiteurs venaient d'abord chercher des produits et des services, pas un modèle économique. "
                    "C'est par l'usage que l'économie sociale et solidaire se fait connaître.",
                ),
                talk(
                    "Les suites : un pôle plus ouvert et des rendez-vous réguliers",
                    ["Marie-Hélène Drouet"],
                    "Le pôle ouvrira ses journées d'étude au grand public et reprendra en 2007 un cycle de rencontres "
                    "sur les territoires de la métropole, de l'estuaire et du département.",
                ),
            ],
        },
    ],
    "proceedings": [
        (
            "Un public au rendez-vous",
            "Plus de six mille visiteurs en trois jours, dont un tiers le samedi : le forum a touché bien au-delà "
            "des réseaux habituels. Les stands de l'alimentation, de l'habitat et des finances solidaires ont été "
            "les plus fréquentés.",
        ),
        (
            "Les pôles en vitrine",
            "Chaque pôle a présenté ses membres et ses projets. Les ateliers du vendredi ont permis de faire le "
            "bilan des journées d'étude de 2003 et 2004 : coopérative d'habitants, garage solidaire et outils "
            "financiers en sont directement issus.",
        ),
        (
            "Entreprendre autrement",
            "Les ateliers pour les créateurs ont accueilli deux cents porteurs de projets. La reprise "
            "d'entreprises en Scop a suscité un intérêt inattendu chez les salariés de PME dont le dirigeant "
            "approche de la retraite.",
        ),
        (
            "Suites",
            "Le pôle reprendra en 2007 un cycle de journées d'étude sur les territoires, ouvertes au grand "
            "public, et étudiera avec l'université la création d'un diplôme consacré à l'économie sociale et "
            "solidaire.",
        ),
    ],
}
