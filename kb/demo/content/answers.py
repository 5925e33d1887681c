"""The five thematic answers. Synthesis items are:

("heading", text), ("paragraph", text), ("claim", text, [evidence slugs]),
("law", article, [paragraph indexes]) and ("fiche", service-public page id): real texts quoted.
"""

from datetime import date

ANSWERS = [
    {
        "slug": "produire-et-repartir-la-richesse-autrement",
        "title": "Produire et répartir la richesse autrement",
        "question": "Comment l'économie sociale et solidaire produit-elle et répartit-elle la richesse autrement ?",
        "theme": "richesse",
        "themes": ["richesse", "creer-des-emplois"],
        "poles": ["finances-solidaires", "commerce-equitable"],
        "territories": ["44"],
        "tags": ["répartition de la valeur", "finance solidaire", "utilité sociale", "loi ESS 2014"],
        "date": date(2025, 3, 14),
        "last_reviewed": date(2025, 10, 2),
        "summary": "Bénéfices réinvestis, épargne de proximité, monnaies locales, nouveaux indicateurs : ce que "
        "vingt ans d'archives du pôle disent d'une autre façon de produire et de partager la richesse.",
        "synthesis": [
            ("heading", "Une définition par la façon de répartir"),
            (
                "paragraph",
                "Depuis 2014, la loi définit l'économie sociale et solidaire moins par ses statuts que par la "
                "façon dont elle produit et répartit la richesse :",
            ),
            ("law", 1, [1, 4]),
            (
                "claim",
                "<b>L'épargne des habitants finance des entreprises locales qui durent.</b> Les clubs Cigales de "
                "Loire-Atlantique ont financé plus de cent entreprises, dont près de huit sur dix sont en "
                "activité cinq ans après.",
                [
                    "vingt-ans-de-cigales-loire-atlantique",
                    "club-cigales-nantes",
                    "2003-10-09-finances-solidaires-saint-nazaire",
                ],
            ),
            (
                "claim",
                "L'épargne solidaire a changé d'échelle avec l'épargne salariale, au risque de s'éloigner des "
                "territoires ; les fonds territoriaux cherchent à concilier volume et proximité.",
                ["2007-05-24-epargne-solidaire-territoires", "ressourcerie-ouest-nantais"],
            ),
            (
                "claim",
                "Une monnaie locale fait circuler l'argent entre les acteurs d'un territoire ; son premier effet "
                "est de rendre visibles les circuits locaux plus que d'augmenter les dépenses locales.",
                ["monnaie-locale-pays-d-ancenis", "local-currencies-review"],
            ),
            (
                "claim",
                "Le commerce équitable pose la question du partage de la valeur tout au long de la filière, y "
                "compris quand ses produits entrent en grande distribution.",
                [
                    "commerce-equitable-grande-distribution",
                    "2003-11-20-commerce-equitable-saint-herblain",
                    "boutique-commerce-equitable-nantes",
                ],
            ),
            ("heading", "Mesurer ce qui compte"),
            (
                "claim",
                "La richesse produite ne se réduit pas au chiffre d'affaires : l'utilité sociale se mesure avec "
                "des indicateurs construits avec les parties prenantes.",
                ["2007-11-22-mesurer-la-richesse-autrement", "utilite-sociale-insertion-agglomeration-nantaise"],
            ),
            (
                "paragraph",
                "L'archive documente bien les outils de financement ; elle documente moins la répartition de la "
                "valeur dans les filières alimentaires, un chantier pour les prochaines journées d'étude.",
            ),
        ],
        "related": ["loi-ess-2014-definition-legale", "2006-10-forum-economie-sociale-solidaire"],
    },
    {
        "slug": "se-soigner-avec-l-economie-sociale",
        "title": "Se soigner : ce qu'apporte l'économie sociale et solidaire",
        "question": "Comment l'économie sociale et solidaire aide-t-elle chacun à se soigner, à tous les âges "
        "de la vie ?",
        "theme": "se-soigner",
        "themes": ["se-soigner", "creer-des-emplois"],
        "poles": ["services-a-la-personne"],
        "territories": ["44184", "44190", "Pays de Retz"],
        "tags": ["accès aux soins", "centre de santé", "mutuelle", "aide à domicile"],
        "date": date(2025, 4, 3),
        "last_reviewed": date(2025, 9, 18),
        "summary": "Centres de santé, mutuelles, prévention par les pairs et aide à domicile : des réponses au "
        "renoncement aux soins et au vieillissement, documentées de 2004 à 2012.",
        "synthesis": [
            (
                "paragraph",
                "La loi range parmi les entreprises d'utilité sociale celles qui soutiennent des personnes "
                "fragilisées, notamment par leur état de santé :",
            ),
            ("law", 2, [1]),
            (
                "claim",
                "<b>Le renoncement aux soins touche un ménage modeste sur quatre</b>, même avec une "
                "complémentaire ; les centres de santé qui pratiquent le tiers payant y répondent directement.",
                ["2004-03-18-sante-solidarite-saint-sebastien", "centres-de-sante-mutualistes"],
            ),
            (
                "claim",
                "Là où les médecins libéraux ne s'installent plus, une SCIC peut associer habitants, "
                "professionnels et collectivités pour rouvrir un centre de santé.",
                ["scic-centre-de-sante-saint-nazaire", "2007-10-11-vieillir-chez-soi-pays-de-retz"],
            ),
            (
                "claim",
                "La prévention portée par des habitants formés touche des publics que les campagnes nationales "
                "n'atteignent pas.",
                ["2004-03-18-sante-solidarite-saint-sebastien", "2006-10-forum-economie-sociale-solidaire"],
            ),
            ("heading", "Vieillir chez soi"),
            (
                "claim",
                "Vieillir chez soi suppose des services à domicile de qualité, donc des emplois de qualité : "
                "durée du travail, trajets rémunérés, qualification.",
                [
                    "services-a-la-personne-qualite-emploi",
                    "2004-01-22-services-a-la-personne-dervallieres",
                    "2007-10-11-vieillir-chez-soi-pays-de-retz",
                ],
            ),
        ],
        "related": ["2007-10-11-vieillir-chez-soi-pays-de-retz"],
    },
    {
        "slug": "se-loger-sans-speculer",
        "title": "Se loger dignement sans spéculer",
        "question": "Comment l'économie sociale et solidaire aide-t-elle à se loger dignement sans alimenter la "
        "spéculation ?",
        "theme": "se-loger",
        "themes": ["se-loger"],
        "poles": ["habitat"],
        "territories": ["44143", "Nantes Nord"],
        "tags": ["coopérative d'habitants", "logement social", "associations de locataires", "foncier"],
        "date": date(2025, 5, 22),
        "last_reviewed": date(2025, 10, 9),
        "summary": "Coopératives d'habitants, associations de locataires, rénovation urbaine : comment habiter "
        "sans spéculer et avec les habitants.",
        "synthesis": [
            (
                "claim",
                "<b>Une coopérative d'habitants peut loger pour moins cher qu'un loyer de marché</b>, à condition "
                "que la collectivité maîtrise le foncier et qu'un bailleur garantisse l'opération.",
                [
                    "cooperative-habitants-reze",
                    "cooperatives-habitants-loire-atlantique",
                    "2003-05-15-habitat-cooperatif-reze",
                ],
            ),
            (
                "claim",
                "La non-spéculation se garantit par les statuts : parts remboursées à leur valeur nominale, une "
                "personne une voix.",
                ["cooperatives-habitants-loire-atlantique", "cooperative-habitants-reze"],
            ),
            ("heading", "Habiter les quartiers en rénovation"),
            ("fiche", "F1218"),
            (
                "claim",
                "Dans la rénovation urbaine, les associations de locataires et les habitants sont des partenaires "
                "indispensables des bailleurs.",
                ["2007-02-08-habitat-renovation-urbaine-nantes-nord", "2003-03-20-ess-quartier-malakoff"],
            ),
            (
                "claim",
                "Les chantiers du logement créent des emplois d'insertion quand les marchés comportent des "
                "clauses sociales.",
                [
                    "2007-02-08-habitat-renovation-urbaine-nantes-nord",
                    "2004-06-24-insertion-developpement-local-bottiere",
                ],
            ),
        ],
        "related": ["2006-10-forum-economie-sociale-solidaire"],
    },
    {
        "slug": "se-deplacer-sans-voiture",
        "title": "Se déplacer quand on n'a pas de voiture",
        "question": "Comment se déplacer pour travailler et vivre quand on n'a pas de voiture, ou plus les moyens "
        "de s'en servir ?",
        "theme": "se-deplacer",
        "themes": ["se-deplacer", "creer-des-emplois"],
        "poles": ["mobilite"],
        "territories": ["244400644", "Pays de Retz"],
        "tags": ["mobilité", "garage solidaire", "auto-partage", "microcrédit"],
        "date": date(2025, 6, 12),
        "last_reviewed": date(2025, 10, 16),
        "summary": "Location de véhicules, garages solidaires, auto-partage, microcrédit : les réponses de "
        "l'économie solidaire au premier frein à l'emploi hors des villes.",
        "synthesis": [
            (
                "claim",
                "<b>Hors des centres urbains, l'absence de permis ou de véhicule fait échouer une reprise "
                "d'emploi sur trois.</b>",
                ["2003-06-26-mobilites-rurales-pays-de-retz", "garages-solidaires-mobilite-insertion"],
            ),
            (
                "claim",
                "La location temporaire de véhicules à bas prix est le levier le plus efficace pour franchir les "
                "premiers mois d'un nouvel emploi.",
                [
                    "garages-solidaires-mobilite-insertion",
                    "garage-solidaire-estuaire",
                    "2007-03-29-mobilite-emploi-estuaire",
                ],
            ),
            (
                "claim",
                "Le garage solidaire est aussi un chantier d'insertion qui forme des mécaniciens.",
                ["garage-solidaire-estuaire", "2006-10-forum-economie-sociale-solidaire"],
            ),
            (
                "claim",
                "En milieu rural, l'auto-partage entre voisins repose sur la confiance et trouve son équilibre "
                "au-delà d'une douzaine de ménages par véhicule.",
                ["auto-partage-pays-de-retz"],
            ),
            (
                "claim",
                "Le microcrédit personnel accompagné finance le permis ou un véhicule pour des personnes exclues "
                "du crédit bancaire.",
                ["2007-03-29-mobilite-emploi-estuaire"],
            ),
        ],
        "related": ["2003-06-26-mobilites-rurales-pays-de-retz", "2007-03-29-mobilite-emploi-estuaire"],
    },
    {
        "slug": "creer-des-emplois-utiles",
        "title": "Créer des emplois utiles et ouverts à tous",
        "question": "Comment l'économie sociale et solidaire crée-t-elle des emplois utiles, durables et ouverts "
        "à tous ?",
        "theme": "creer-des-emplois",
        "themes": ["creer-des-emplois", "richesse"],
        "poles": ["insertion-par-l-activite-economique", "services-a-la-personne"],
        "territories": ["244400404", "Pays de Châteaubriant"],
        "tags": ["insertion", "Scop", "clauses sociales", "emplois non délocalisables"],
        "date": date(2025, 7, 3),
        "last_reviewed": date(2025, 10, 23),
        "summary": "Insertion par l'activité économique, clauses sociales, reprises en Scop, activités "
        "utiles au territoire : comment l'économie solidaire crée des emplois pour ceux qui en sont exclus.",
        "synthesis": [
            ("fiche", "F2284"),
            (
                "claim",
                "<b>Les effets de l'insertion par l'activité économique dépassent le retour à l'emploi</b> : "
                "santé, logement, mobilité et liens sociaux progressent, même sans emploi à la sortie.",
                [
                    "utilite-sociale-insertion-agglomeration-nantaise",
                    "chantier-insertion-maraichage-chateaubriant",
                    "2007-11-22-mesurer-la-richesse-autrement",
                ],
            ),
            (
                "claim",
                "Les clauses sociales des marchés publics réservent des heures de travail aux personnes en "
                "insertion ; un tiers d'entre elles trouvent ensuite un emploi durable.",
                [
                    "2004-06-24-insertion-developpement-local-bottiere",
                    "2007-02-08-habitat-renovation-urbaine-nantes-nord",
                ],
            ),
            (
                "claim",
                "La reprise d'une entreprise en Scop par ses salariés sauve des emplois quand le dirigeant part "
                "sans repreneur.",
                ["2006-10-forum-economie-sociale-solidaire"],
            ),
            ("fiche", "F31406"),
            (
                "claim",
                "Réemploi, alimentation, culture : des activités utiles au territoire créent des emplois qui ne "
                "se délocalisent pas.",
                [
                    "ressourcerie-ouest-nantais",
                    "cafe-associatif-derval",
                    "chantier-insertion-maraichage-chateaubriant",
                ],
            ),
            (
                "claim",
                "Les services à la personne créent beaucoup d'emplois, souvent émiettés : leur qualité reste un "
                "combat.",
                ["services-a-la-personne-qualite-emploi", "2004-01-22-services-a-la-personne-dervallieres"],
            ),
        ],
        "related": ["ptce-loire-atlantique-apres-2014", "loi-ess-2014-definition-legale"],
    },
]
