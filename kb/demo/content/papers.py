"""Research papers. DOIs use Crossref's test prefix 10.5555 so that none points to a real work.

`sections` and `annexes` (real texts: ("loi", article) or ("sp", service-public page)) make
the PDF; a paper with `"pdf": False` is only referenced.
"""

from datetime import date

MOREAU = {
    "name": "Claire Moreau",
    "orcid": "0000-0002-9724-4962",
    "affiliation": "Université de Nantes, Centre nantais de sociologie",
}
LE_GOFF = {"name": "Anne Le Goff", "orcid": "0000-0001-4769-6138", "affiliation": "Université de Nantes, LEMNA"}
THOMAS = {"name": "Stéphane Thomas", "orcid": "0000-0003-2957-1539", "affiliation": "Université de Nantes, IGARUN"}
RIVIERE = {
    "name": "Jean-Paul Rivière",
    "orcid": "0000-0001-5858-1467",
    "affiliation": "Université de Nantes, faculté des sciences économiques et de gestion",
}
GAUTIER = {"name": "Laurent Gautier", "orcid": "0000-0001-7368-1087", "affiliation": "CNRS, UMR Espaces et sociétés"}

PAPERS = [
    {
        "slug": "cooperatives-habitants-loire-atlantique",
        "title": "Les coopératives d'habitants en Loire-Atlantique : genèse et conditions de réussite d'un "
        "montage sans statut",
        "authors": [
            MOREAU,
            {"name": "Yann Le Floch", "affiliation": "École nationale supérieure d'architecture de Nantes"},
        ],
        "paper_type": "article",
        "date": date(2009, 4, 1),
        "venue": "RECMA, Revue internationale de l'économie sociale",
        "issue": "312",
        "pages": "58-73",
        "doi": "10.5555/recma.312.0058",
        "territories": ["44143", "244400404"],
        "poles": ["habitat"],
        "themes": ["se-loger"],
        "tags": ["coopérative d'habitants", "habitat participatif", "propriété collective", "foncier"],
        "summary": "Comment un groupe de familles rezéennes a bâti une coopérative d'habitants sans statut "
        "juridique dédié, et ce que cela dit des conditions de l'habitat coopératif en France.",
        "abstract": "À partir du suivi, de 2003 à 2008, du premier projet de coopérative d'habitants de "
        "l'agglomération nantaise, l'article analyse les montages juridiques et financiers mobilisés en "
        "l'absence de statut dédié. Il montre le rôle décisif de la maîtrise publique du foncier et de la "
        "garantie apportée par un organisme HLM, et discute la transmissibilité du modèle.",
        "sections": [
            (
                "Introduction",
                "L'habitat coopératif, très présent en Suisse, en Allemagne ou au Québec, a presque disparu en "
                "France après la loi de 1971 qui a mis fin aux coopératives HLM de location-attribution. Il "
                "réapparaît au début des années 2000 à l'initiative de collectifs d'habitants.",
            ),
            (
                "Terrain et méthode",
                "L'enquête repose sur l'observation des réunions du collectif de Rezé pendant cinq ans, sur "
                "trente entretiens avec les habitants, les élus, le bailleur et la banque, et sur l'analyse des "
                "statuts successifs.",
            ),
            (
                "Résultats",
                "Le montage retenu combine une société civile à capital variable, un bail emphytéotique consenti "
                "par la commune et une maîtrise d'ouvrage déléguée à un organisme HLM. La non-spéculation est "
                "garantie par des statuts qui plafonnent la valeur de remboursement des parts.",
            ),
            (
                "Discussion",
                "Le projet réussit grâce à une configuration locale favorable : une commune propriétaire du "
                "foncier, un bailleur ouvert à l'expérimentation, un collectif stable. Sans statut dédié, le "
                "modèle reste difficile à reproduire.",
            ),
        ],
        "references": [
            "Maury Y. (dir.), Les coopératives d'habitants. Méthodes, pratiques et formes d'un autre habitat "
            "populaire, Bruxelles, Bruylant, 2009.",
        ],
    },
    {
        "slug": "utilite-sociale-insertion-agglomeration-nantaise",
        "title": "Évaluer l'utilité sociale de l'insertion par l'activité économique : le cas de l'agglomération "
        "nantaise",
        "authors": [LE_GOFF],
        "paper_type": "these",
        "date": date(2006, 12, 8),
        "venue": "Université de Nantes",
        "place": "Nantes",
        "hal_id": "tel-00214587",
        "territories": ["244400404", "La Bottière"],
        "poles": ["insertion-par-l-activite-economique"],
        "themes": ["creer-des-emplois", "richesse"],
        "tags": ["utilité sociale", "évaluation", "insertion", "chantier d'insertion", "indicateurs"],
        "summary": "Une thèse qui propose d'évaluer les structures d'insertion au-delà du taux de sortie vers "
        "l'emploi, à partir de quinze structures de l'agglomération nantaise.",
        "abstract": "Les structures d'insertion par l'activité économique sont évaluées principalement à leur "
        "taux de sortie vers l'emploi. La thèse montre, à partir de quinze structures de l'agglomération "
        "nantaise et du suivi de trois cents salariés en insertion, que cet indicateur ignore une grande "
        "partie de leur utilité sociale : santé, logement, mobilité, estime de soi. Elle propose une démarche "
        "d'évaluation construite avec les parties prenantes.",
        "sections": [
            (
                "Problématique",
                "Que produit une structure d'insertion ? Des biens et des services, des parcours, mais aussi des "
                "effets sur la vie des personnes et sur le territoire que les indicateurs de l'État ne "
                "retiennent pas.",
            ),
            (
                "Méthode",
                "La thèse combine une enquête longitudinale auprès de trois cents salariés en insertion, suivis "
                "dix-huit mois après leur sortie, et une démarche participative d'élaboration d'indicateurs dans "
                "quinze structures.",
            ),
            (
                "Résultats",
                "Un tiers des salariés accèdent à un emploi durable, mais plus des deux tiers voient leur "
                "situation s'améliorer sur au moins deux dimensions : santé, logement, mobilité, liens sociaux. "
                "Ces effets sont durables.",
            ),
            (
                "Conclusion",
                "L'utilité sociale ne se réduit pas à une liste d'indicateurs : c'est une convention construite "
                "entre acteurs. La démarche d'évaluation est elle-même un outil de pilotage et de dialogue avec "
                "les financeurs.",
            ),
        ],
        "references": [
            "Gadrey J., L'utilité sociale des organisations de l'économie sociale et solidaire, rapport pour la "
            "DIIESES, 2004.",
            "Viveret P., Reconsidérer la richesse, rapport au secrétaire d'État à l'économie solidaire, 2002.",
        ],
    },
    {
        "slug": "vingt-ans-de-cigales-loire-atlantique",
        "title": "Vingt ans de Cigales en Loire-Atlantique : épargne de proximité et création d'entreprises "
        "(1985-2005)",
        "authors": [
            RIVIERE,
            {"name": "Gaëlle Tessier", "affiliation": "Association régionale des Cigales des Pays de la Loire"},
        ],
        "paper_type": "rapport",
        "date": date(2005, 10, 1),
        "venue": "Pôle de l'économie sociale et solidaire de la région nantaise",
        "place": "Nantes",
        "territories": ["44"],
        "poles": ["finances-solidaires"],
        "themes": ["richesse", "creer-des-emplois"],
        "tags": ["Cigales", "épargne de proximité", "capital-risque solidaire", "création d'entreprise"],
        "summary": "Le bilan de vingt ans de clubs d'investisseurs citoyens dans le département : entreprises "
        "financées, emplois, survie et motivations des cigaliers.",
        "abstract": "Le rapport dresse le bilan des clubs Cigales de Loire-Atlantique entre 1985 et 2005 : "
        "quatre-vingt-sept clubs, cent douze entreprises financées, un taux de survie à cinq ans supérieur à "
        "la moyenne. Il s'appuie sur les archives de l'association régionale et sur une enquête auprès des "
        "cigaliers et des créateurs.",
        "sections": [
            (
                "Les clubs",
                "Un club Cigales est une indivision volontaire de cinq à vingt personnes qui épargnent ensemble "
                "pour cinq ans. Les clubs du département réunissent surtout des salariés du secteur public et "
                "des retraités.",
            ),
            (
                "Les entreprises financées",
                "Cent douze entreprises ont reçu un apport, le plus souvent entre deux mille et quinze mille "
                "euros. Près d'une sur trois est une coopérative ou une association ; les autres sont de petites "
                "entreprises de commerce, d'artisanat ou de services.",
            ),
            (
                "Survie et emplois",
                "Soixante-dix-huit pour cent des entreprises sont en activité cinq ans après l'apport, contre "
                "environ la moitié pour l'ensemble des créations. Elles emploient aujourd'hui quatre cent "
                "trente personnes.",
            ),
            (
                "Recommandations",
                "Le rapport recommande de rapprocher les clubs des dispositifs de garantie et des banques "
                "coopératives, et de former davantage de cigaliers à l'accompagnement des créateurs.",
            ),
        ],
    },
    {
        "slug": "garages-solidaires-mobilite-insertion",
        "title": "Garages solidaires et mobilité des personnes en insertion : une enquête dans l'estuaire de la Loire",
        "authors": [THOMAS, {"name": "Hervé Jamet", "affiliation": "Garage solidaire de l'estuaire"}],
        "paper_type": "communication",
        "date": date(2007, 6, 14),
        "venue": "Rencontres du Réseau inter-universitaire de l'économie sociale et solidaire (RIUESS)",
        "hal_id": "halshs-00187432",
        "territories": ["244400644", "44210", "44087"],
        "poles": ["mobilite", "insertion-par-l-activite-economique"],
        "themes": ["se-deplacer", "creer-des-emplois"],
        "tags": ["garage solidaire", "mobilité", "insertion", "horaires décalés"],
        "summary": "Ce que les garages solidaires changent à l'accès à l'emploi des personnes en insertion, "
        "d'après le suivi de deux cents usagers.",
        "abstract": "La communication présente une enquête auprès de deux cents usagers d'un garage solidaire de "
        "l'agglomération nazairienne et d'une plateforme de mobilité du Pays de Retz. Six mois après leur "
        "passage, 58 % des usagers occupent un emploi, contre 31 % d'un groupe de comparaison. La location "
        "temporaire de véhicules apparaît plus décisive que la réparation.",
        "sections": [
            (
                "Contexte",
                "Dans les territoires périurbains et ruraux, l'accès à l'emploi suppose le plus souvent une "
                "voiture. Les garages solidaires se sont multipliés depuis la fin des années 1990.",
            ),
            (
                "Données",
                "Deux cents usagers ont été interrogés à leur arrivée puis six mois plus tard ; un groupe de "
                "comparaison a été constitué parmi les personnes orientées mais non reçues faute de place.",
            ),
            (
                "Résultats",
                "L'écart de taux d'emploi à six mois est de vingt-sept points. Il est le plus fort pour les "
                "personnes qui ont loué un véhicule pendant les premiers mois d'un nouvel emploi.",
            ),
        ],
        "references": [
            "Le Breton É., Bouger pour s'en sortir. Mobilité quotidienne et intégration sociale, Paris, "
            "Armand Colin, 2005.",
        ],
    },
    {
        "slug": "commerce-equitable-grande-distribution",
        "title": "Le commerce équitable en grande distribution : une mise à l'épreuve des valeurs",
        "authors": [
            {"name": "Aurélie Bouvier", "affiliation": "Audencia Nantes"},
            {"name": "Martine Orain", "affiliation": "Terre d'échanges"},
        ],
        "paper_type": "document_travail",
        "date": date(2005, 9, 1),
        "venue": "Audencia Nantes, cahiers de recherche",
        "place": "Nantes",
        "territories": ["244400404"],
        "poles": ["commerce-equitable", "consommation-responsable"],
        "themes": ["richesse"],
        "tags": ["commerce équitable", "grande distribution", "label", "partage de la valeur"],
        "summary": "L'entrée des produits équitables dans les supermarchés vue depuis les boutiques associatives "
        "et les acheteurs de la distribution nantaise.",
        "abstract": "L'arrivée des produits labellisés dans les rayons des hypermarchés a multiplié les ventes du "
        "commerce équitable. À partir d'entretiens avec des acheteurs de la grande distribution et des "
        "responsables de boutiques associatives de l'agglomération nantaise, le document analyse les tensions "
        "entre logique de volume et projet politique du mouvement.",
        "sections": [
            (
                "Deux conceptions",
                "Le commerce équitable labellisé vise à accroître les volumes vendus au bénéfice des producteurs ; "
                "le commerce équitable intégré, porté par les boutiques, lie la vente à une critique des règles "
                "du commerce international.",
            ),
            (
                "Ce que disent les acheteurs",
                "Les acheteurs de la distribution voient dans les produits équitables un segment de qualité. "
                "Ils négocient les marges comme pour tout autre produit, ce qui réduit la part du prix final qui "
                "revient aux producteurs.",
            ),
            (
                "Ce que font les boutiques",
                "Les boutiques associatives se recentrent sur l'artisanat, le conseil et l'éducation au "
                "développement, là où la grande distribution ne peut pas les suivre.",
            ),
        ],
    },
    {
        "slug": "services-a-la-personne-qualite-emploi",
        "title": "Services à la personne : la qualité de l'emploi, angle mort du plan de développement",
        "authors": [
            LE_GOFF,
            {"name": "Valérie Chesneau", "affiliation": "Fédération départementale d'aide à domicile"},
        ],
        "paper_type": "article",
        "date": date(2008, 3, 1),
        "venue": "Revue française de socio-économie",
        "issue": "1",
        "pages": "123-141",
        "doi": "10.5555/rfse.001.0123",
        "territories": ["44", "Pays de Retz"],
        "poles": ["services-a-la-personne"],
        "themes": ["creer-des-emplois", "se-soigner"],
        "tags": ["aide à domicile", "qualité de l'emploi", "temps partiel", "plan Borloo", "CESU"],
        "summary": "Trois ans après le plan de développement des services à la personne, l'emploi a progressé "
        "en volume mais pas en qualité : durée du travail, salaires et trajets restent les points noirs.",
        "abstract": "Le plan de développement des services à la personne de 2005 promettait cinq cent mille "
        "emplois. À partir des données d'une fédération d'aide à domicile de Loire-Atlantique et d'entretiens "
        "avec cinquante intervenantes, l'article montre que la croissance de l'emploi s'est faite au prix de "
        "son émiettement. Il discute les conditions d'une professionnalisation dans les structures de "
        "l'économie sociale.",
        "sections": [
            (
                "Un secteur en croissance",
                "Entre 2005 et 2007, le nombre d'organismes agréés a doublé dans le département. Les associations "
                "restent majoritaires en volume d'heures, mais les entreprises lucratives progressent vite.",
            ),
            (
                "Des emplois émiettés",
                "La durée hebdomadaire moyenne est de vingt-deux heures ; les temps de trajet entre deux "
                "interventions ne sont rémunérés que dans une structure sur trois.",
            ),
            (
                "Quelles marges pour l'économie sociale ?",
                "Les structures qui associent salariées et usagers à leur gouvernance organisent mieux les "
                "tournées et les remplacements. La SCIC apparaît comme une forme prometteuse.",
            ),
        ],
    },
    {
        "slug": "centres-de-sante-mutualistes",
        "title": "Les centres de santé mutualistes, une réponse de l'économie sociale au renoncement aux soins",
        "authors": [GAUTIER, {"name": "Odile Renaud", "affiliation": "Mutualité française Loire-Atlantique"}],
        "paper_type": "chapitre",
        "date": date(2010, 5, 1),
        "venue": "L'économie sociale et solidaire en Pays de la Loire",
        "publisher": "Presses universitaires de Rennes",
        "place": "Rennes",
        "pages": "145-168",
        "doi": "10.5555/pur.ess-pdl.2010.07",
        "territories": ["44184", "44190"],
        "poles": ["services-a-la-personne"],
        "themes": ["se-soigner"],
        "tags": ["centre de santé", "mutuelle", "renoncement aux soins", "tiers payant"],
        "summary": "Le renoncement aux soins des ménages modestes et la réponse des centres de santé "
        "mutualistes de Loire-Atlantique.",
        "abstract": "Le chapitre mesure le renoncement aux soins dans l'agglomération nantaise et nazairienne à "
        "partir d'une enquête auprès de quatre cents ménages, puis analyse le fonctionnement de deux centres de "
        "santé mutualistes : tiers payant, médecins salariés, prévention. Il montre leur effet sur l'accès aux "
        "soins et discute leur équilibre économique.",
        "sections": [
            (
                "Le renoncement aux soins",
                "Un ménage modeste sur quatre déclare avoir renoncé à des soins dentaires ou optiques dans "
                "l'année, y compris parmi ceux qui disposent d'une complémentaire.",
            ),
            (
                "Deux centres de santé",
                "Les centres étudiés pratiquent le tiers payant intégral et les tarifs conventionnés. Leurs "
                "patients sont plus jeunes et plus modestes que ceux des cabinets libéraux voisins.",
            ),
            (
                "Un équilibre fragile",
                "La rémunération à l'acte couvre mal le temps consacré à la prévention et à la coordination. "
                "Les centres dépendent du soutien de la mutuelle et des collectivités.",
            ),
        ],
    },
    {
        "slug": "local-currencies-review",
        "title": "Local complementary currencies and the social and solidarity economy: a review",
        "authors": [LE_GOFF, {"name": "Martin Keller", "affiliation": "University of Geneva"}],
        "paper_type": "article",
        "date": date(2016, 9, 1),
        "venue": "Annals of Public and Cooperative Economics",
        "volume": "87",
        "issue": "3",
        "pages": "341-362",
        "doi": "10.5555/apce.12134",
        "language": "en",
        "territories": ["Pays d'Ancenis"],
        "poles": ["finances-solidaires"],
        "themes": ["richesse"],
        "tags": ["monnaie locale", "local currency", "finance solidaire", "loi ESS 2014"],
        "summary": "Une revue de la littérature internationale sur les monnaies locales complémentaires, avec "
        "l'exemple d'une monnaie du Pays d'Ancenis (article en anglais).",
        "abstract": "This article reviews the literature on local complementary currencies and their links with "
        "the social and solidarity economy. After the French law of 31 July 2014 recognised such currencies, "
        "dozens were launched. Drawing on a case study in the Pays d'Ancenis, it finds that their main effect "
        "is awareness of local supply chains rather than additional local spending.",
        "pdf": False,
    },
    {
        "slug": "ptce-loire-atlantique-apres-2014",
        "title": "Les pôles territoriaux de coopération économique après la loi de 2014 : l'exemple de la "
        "Loire-Atlantique",
        "authors": [
            {"name": "Brigitte Poirier", "affiliation": "CRESS des Pays de la Loire"},
            THOMAS,
        ],
        "paper_type": "rapport",
        "date": date(2016, 6, 1),
        "venue": "Chambre régionale de l'économie sociale et solidaire des Pays de la Loire",
        "place": "Nantes",
        "territories": ["44", "244400404", "244400644"],
        "poles": ["insertion-par-l-activite-economique", "finances-solidaires", "mobilite"],
        "themes": ["creer-des-emplois", "richesse"],
        "tags": ["PTCE", "coopération", "loi ESS 2014", "développement local", "mutualisation"],
        "summary": "Ce que la reconnaissance légale des pôles territoriaux de coopération économique a changé "
        "pour quatre pôles du département.",
        "abstract": "L'article 9 de la loi du 31 juillet 2014 a donné une définition légale aux pôles "
        "territoriaux de coopération économique (PTCE). Le rapport étudie quatre pôles de Loire-Atlantique, "
        "leurs membres, leurs projets et leurs financements, et montre que la reconnaissance légale a surtout "
        "facilité le dialogue avec les collectivités.",
        "sections": [
            (
                "Une définition légale",
                "La loi définit le PTCE comme le regroupement sur un même territoire d'entreprises de l'économie "
                "sociale et solidaire et d'autres acteurs autour d'une stratégie commune de mutualisation et de "
                "coopération. Le texte intégral de l'article figure en annexe.",
            ),
            (
                "Quatre pôles",
                "Les pôles étudiés réunissent de huit à quarante membres autour du réemploi, de la mobilité, de "
                "l'alimentation et de la construction. Tous sont antérieurs à la loi.",
            ),
            (
                "Effets de la reconnaissance",
                "La reconnaissance a facilité l'accès aux appels à projets et le dialogue avec les "
                "intercommunalités. Elle n'a pas réglé la question du financement de l'animation.",
            ),
        ],
        "annexes": [("loi", 9)],
        "references": [
            "Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire, JORF n° 0176 du "
            "1er août 2014.",
        ],
    },
    {
        "slug": "cafes-associatifs-pays-de-chateaubriant",
        "title": "Cafés associatifs et culture en milieu rural : le Pays de Châteaubriant",
        "authors": [{"name": "Mathilde Gourdon", "affiliation": "Université de Nantes, master Développement local"}],
        "paper_type": "memoire",
        "date": date(2010, 9, 15),
        "venue": "Université de Nantes, master 2 Développement local",
        "place": "Nantes",
        "hal_id": "dumas-00512345",
        "territories": ["Pays de Châteaubriant", "44051"],
        "poles": ["culture"],
        "themes": ["se-cultiver"],
        "tags": ["café associatif", "culture en milieu rural", "bénévolat", "sociabilité"],
        "summary": "Trois cafés associatifs du nord de la Loire-Atlantique, leurs publics, leurs bénévoles et "
        "leur modèle économique.",
        "abstract": "Le mémoire étudie trois cafés associatifs du Pays de Châteaubriant. Il montre qu'ils "
        "remplissent à la fois une fonction de sociabilité, disparue avec la fermeture des cafés des bourgs, "
        "et une fonction culturelle de proximité, grâce à des modèles économiques hybrides associant recettes "
        "du bar, bénévolat et subventions sur projet.",
        "sections": [
            (
                "Introduction",
                "En vingt ans, la moitié des communes du Pays de Châteaubriant ont perdu leur dernier café. Des "
                "associations en ont ouvert de nouveaux, avec une vocation culturelle affirmée.",
            ),
            (
                "Publics et bénévoles",
                "Les cafés attirent des publics mêlés : jeunes, néo-ruraux, agriculteurs retraités. Les "
                "bénévoles y trouvent une place et des responsabilités.",
            ),
            (
                "Modèle économique",
                "Le bar finance le fonctionnement ; les subventions financent les projets culturels. Les "
                "groupements d'employeurs permettent de stabiliser l'emploi salarié.",
            ),
        ],
    },
    {
        "slug": "loi-ess-2014-definition-legale",
        "title": "La loi du 31 juillet 2014 : ce que change une définition légale de l'économie sociale et solidaire",
        "authors": [RIVIERE, MOREAU],
        "paper_type": "document_travail",
        "date": date(2015, 2, 1),
        "venue": "LEMNA, Université de Nantes",
        "place": "Nantes",
        "hal_id": "halshs-01123456",
        "territories": ["52"],
        "poles": [],
        "themes": ["richesse", "creer-des-emplois"],
        "tags": ["loi ESS 2014", "utilité sociale", "ESUS", "définition", "statuts"],
        "summary": "Une lecture des premiers articles de la loi relative à l'économie sociale et solidaire : "
        "définition inclusive, utilité sociale et conséquences pour les acteurs des Pays de la Loire.",
        "abstract": "Pour la première fois, une loi définit l'économie sociale et solidaire par des principes "
        "(but autre que le partage des bénéfices, gouvernance démocratique, gestion lucrative limitée) plutôt "
        "que par les seuls statuts. Le document analyse les articles 1 et 2 de la loi, reproduits en annexe, "
        "et leurs effets attendus sur les acteurs régionaux.",
        "sections": [
            (
                "Une définition par les principes",
                "L'article 1er ouvre l'économie sociale et solidaire aux sociétés commerciales qui en respectent "
                "les principes. C'est une rupture avec la définition statutaire héritée des années 1980.",
            ),
            (
                "L'utilité sociale",
                "L'article 2 donne une définition de l'utilité sociale qui conditionne l'agrément « entreprise "
                "solidaire d'utilité sociale ». Il reprend des critères débattus depuis le début des années 2000.",
            ),
            (
                "Enjeux régionaux",
                "En Pays de la Loire, la loi conforte le rôle de la chambre régionale et des pôles territoriaux. "
                "Elle interroge les réseaux sur l'accueil de sociétés commerciales de l'ESS.",
            ),
        ],
        "annexes": [("loi", 1), ("loi", 2)],
        "references": [
            "Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire, JORF n° 0176 du "
            "1er août 2014.",
        ],
    },
]
