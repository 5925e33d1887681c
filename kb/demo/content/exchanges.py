"""Practice exchanges: what actors did somewhere, what came of it, what others can reuse.

Texts use a light markup: paragraphs separated by a blank line, lists as lines starting with "- ".
"""

from datetime import date

EXCHANGES = [
    {
        "slug": "epicerie-solidaire-malakoff",
        "title": "Une épicerie solidaire gérée avec ses usagers à Malakoff",
        "date": date(2004, 10, 14),
        "territories": ["Malakoff"],
        "poles": ["consommation-responsable"],
        "themes": ["se-nourrir"],
        "tags": ["épicerie solidaire", "aide alimentaire", "accompagnement budgétaire", "bénévolat"],
        "summary": "Une épicerie où les familles choisissent leurs produits et paient 20 % de leur prix, et où "
        "l'économie réalisée finance un projet : trois ans d'expérience dans un quartier d'habitat social.",
        "context": "Malakoff compte plus de quatre mille habitants, dont près de la moitié sous le seuil de "
        "pauvreté. Jusqu'en 2001, l'aide alimentaire y prenait la forme de colis distribués par des "
        "associations caritatives, sans choix possible pour les familles.",
        "actors": "- Un collectif d'habitantes, à l'origine du projet\n- Le centre socioculturel, qui héberge "
        "l'association\n- Les travailleurs sociaux du Département, qui orientent les familles\n- Une "
        "banque alimentaire et deux supermarchés, pour l'approvisionnement",
        "actions": "L'épicerie a ouvert en 2001 dans un local en pied d'immeuble prêté par le bailleur. Les "
        "familles y sont accueillies pour trois à six mois, sur un projet défini avec leur travailleur social : "
        "rembourser une dette, payer un permis, équiper un logement.\n\n- Vente à 20 % du prix "
        "habituel\n- Ateliers cuisine et budget animés par les bénévoles\n- Participation des familles à "
        "la gestion, au sein d'un comité d'usagers",
        "results": "En trois ans, trois cent vingt familles ont été accueillies ; deux sur trois ont atteint "
        "l'objectif de leur projet. Huit anciennes usagères sont devenues bénévoles, deux ont été embauchées "
        "en contrat aidé.",
        "lessons": "Le choix des produits et la participation au prix changent le rapport à l'aide : les "
        "familles se disent clientes, pas assistées. La fragilité vient du financement des salariées, qui "
        "dépend de contrats aidés renouvelés d'année en année.\n\nLe modèle est transférable à d'autres "
        "quartiers à condition de disposer d'un local en rez-de-chaussée et d'un partenariat solide avec les "
        "travailleurs sociaux.",
        "contacts": "Élodie Perrin, coordinatrice de l'épicerie, par l'intermédiaire du pôle consommation responsable.",
    },
    {
        "slug": "garage-solidaire-estuaire",
        "title": "Un garage solidaire pour rouler et travailler dans l'estuaire",
        "date": date(2005, 9, 15),
        "territories": ["44210", "244400644"],
        "poles": ["mobilite", "insertion-par-l-activite-economique"],
        "themes": ["se-deplacer", "creer-des-emplois"],
        "tags": ["garage solidaire", "mobilité", "chantier d'insertion", "location de véhicules"],
        "summary": "À Trignac, un atelier de réparation à prix coûtant et un parc de voitures de location "
        "permettent à des personnes en insertion d'accepter un emploi en horaires décalés.",
        "context": "Dans l'agglomération nazairienne, les grands employeurs industriels travaillent en équipes "
        "postées. Les transports collectifs ne desservent pas les zones d'activité la nuit, et une panne de "
        "voiture suffit à faire perdre un emploi.",
        "actors": "- Une association créée par des travailleurs sociaux et des mécaniciens retraités\n- La "
        "CARENE et le Département, financeurs\n- Les missions locales et l'ANPE, prescripteurs",
        "actions": "Le garage a ouvert en 2004 comme atelier et chantier d'insertion. Il répare les véhicules "
        "des personnes orientées par les prescripteurs en ne facturant que les pièces et une participation "
        "horaire modeste.\n\n- Location de voitures à quatre euros par jour pendant six mois au plus\n- "
        "Ateliers d'entretien où les usagers apprennent à faire eux-mêmes les petites réparations\n- Six "
        "postes de mécaniciens en insertion",
        "results": "En deux ans, huit cents véhicules réparés et cent quarante locations. Sur les douze "
        "mécaniciens passés par le chantier, huit travaillent aujourd'hui dans un garage classique.",
        "lessons": "Le garage ne fait pas concurrence aux garagistes : il s'adresse à des personnes qui ne "
        "feraient pas réparer leur véhicule. L'avoir dit dès le départ aux artisans du secteur a évité les "
        "conflits. La location temporaire est plus utile que l'achat de véhicules pour franchir les premiers "
        "mois d'un emploi.",
        "contacts": "Hervé Jamet, directeur du garage solidaire, par l'intermédiaire du pôle mobilité.",
    },
    {
        "slug": "auto-partage-pays-de-retz",
        "title": "L'auto-partage entre voisins en Pays de Retz",
        "date": date(2008, 4, 10),
        "territories": ["44186", "Pays de Retz"],
        "poles": ["mobilite"],
        "themes": ["se-deplacer"],
        "tags": ["auto-partage", "mobilité rurale", "voisinage", "association"],
        "summary": "Trois voitures partagées par une quarantaine de ménages d'une commune rurale : une réponse "
        "modeste mais durable à la seconde voiture qu'on n'a pas les moyens d'entretenir.",
        "context": "À Sainte-Pazanne, la plupart des ménages ont une voiture, mais beaucoup n'ont pas les moyens "
        "d'en entretenir une seconde. Les personnes âgées qui ne conduisent plus dépendent de leurs voisins.",
        "actors": "- Une association d'habitants créée pour l'occasion\n- La commune, qui met à disposition "
        "trois places de stationnement\n- La plateforme mobilité du Pays de Retz, qui a accompagné le montage",
        "actions": "L'association a acheté trois véhicules d'occasion grâce à un prêt d'honneur et à l'apport "
        "de ses membres. Les réservations se font sur un cahier à la mairie puis par téléphone ; la clé est "
        "dans une boîte à code.\n\n- Adhésion annuelle de vingt euros\n- Paiement au kilomètre, carburant "
        "compris\n- Un « conducteur solidaire » pour les membres qui ne conduisent pas",
        "results": "Quarante-deux ménages adhérents après deux ans, dont neuf ont renoncé à une seconde voiture. "
        "Les véhicules roulent en moyenne cinq jours sur sept.",
        "lessons": "La confiance entre voisins remplace les systèmes de réservation coûteux des opérateurs "
        "urbains. Le modèle suppose un noyau de bénévoles pour l'entretien et la gestion ; il n'atteint "
        "l'équilibre qu'au-delà d'une douzaine de ménages par véhicule.",
        "contacts": "Christophe Durand, plateforme mobilité du Pays de Retz.",
    },
    {
        "slug": "cooperative-habitants-reze",
        "title": "La Maison commune : une coopérative d'habitants à Rezé",
        "date": date(2008, 6, 19),
        "territories": ["44143"],
        "poles": ["habitat", "finances-solidaires"],
        "themes": ["se-loger"],
        "tags": ["coopérative d'habitants", "habitat participatif", "bail emphytéotique", "non-spéculation"],
        "summary": "Quatorze foyers propriétaires ensemble de leur immeuble, sans possibilité de revendre leurs "
        "parts avec plus-value : le premier projet de coopérative d'habitants de l'agglomération est habité "
        "depuis 2008.",
        "context": "La hausse des prix immobiliers au début des années 2000 a exclu de l'accession de nombreux "
        "ménages aux revenus moyens. Un groupe de familles rezéennes cherchait une alternative à la fois à la "
        "location et à la propriété individuelle.",
        "actors": "- Quatorze foyers, de revenus et d'âges variés\n- La Ville de Rezé, qui a consenti un bail "
        "emphytéotique sur le terrain\n- Un organisme HLM, maître d'ouvrage délégué\n- Une banque "
        "coopérative et le pôle finances solidaires, pour le financement",
        "actions": "Le groupe s'est constitué en société civile à capital variable. Chaque foyer acquiert des "
        "parts sociales et paie une redevance mensuelle ; les parts sont remboursées à leur valeur nominale, "
        "réévaluée de l'inflation, en cas de départ.\n\n- Cinq ans entre la première réunion et l'entrée dans "
        "les lieux\n- Conception participative avec l'architecte\n- Espaces partagés : salle commune, "
        "buanderie, chambre d'amis, jardin",
        "results": "L'immeuble est habité depuis l'été 2008. Le coût mensuel pour les foyers est inférieur de 15 "
        "à 20 % à un loyer du marché pour une surface équivalente.",
        "lessons": "Sans statut juridique adapté, le montage a demandé beaucoup d'ingénierie ; les collectifs "
        "demandent la création d'un statut de coopérative d'habitants. La maîtrise du foncier par la "
        "collectivité a été décisive, tout comme la garantie apportée par l'organisme HLM.",
        "contacts": "Karine Ménard, La Maison commune, par l'intermédiaire du pôle habitat.",
    },
    {
        "slug": "amap-quartier-dervallieres",
        "title": "Une AMAP dans un quartier populaire : les paniers solidaires des Dervallières",
        "date": date(2006, 5, 18),
        "territories": ["Les Dervallières"],
        "poles": ["consommation-responsable"],
        "themes": ["se-nourrir"],
        "tags": ["AMAP", "panier solidaire", "alimentation", "quartiers prioritaires"],
        "summary": "Un maraîcher, une association de femmes relais et un centre socioculturel ont adapté le "
        "contrat AMAP aux budgets modestes : paiement mensuel, paniers solidaires et ateliers cuisine.",
        "context": "Les AMAP nantaises réunissent surtout des familles des classes moyennes. Aux Dervallières, "
        "les habitantes intéressées se heurtaient au paiement d'avance d'une saison entière.",
        "actors": "- Un maraîcher biologique de la périphérie nantaise\n- L'association des femmes relais des "
        "Dervallières\n- Le centre socioculturel\n- Le réseau des AMAP de Loire-Atlantique",
        "actions": "- Paiement mensuel plutôt que semestriel\n- Un tiers des paniers à prix réduit, la "
        "différence étant couverte par une cotisation solidaire des autres adhérents et une aide de la Ville\n- "
        "Distribution au centre socioculturel, suivie d'un atelier cuisine avec les légumes du jour",
        "results": "Trente-cinq familles adhérentes la première saison, dont douze en panier solidaire. Le "
        "maraîcher a sécurisé un débouché qui représente un cinquième de son chiffre d'affaires.",
        "lessons": "Le paiement d'avance est le principal obstacle, bien plus que le prix. Les ateliers cuisine "
        "sont indispensables : sans eux, les légumes peu connus restent au fond du panier.",
        "contacts": "Fatou Diallo, association des femmes relais des Dervallières.",
    },
    {
        "slug": "ressourcerie-ouest-nantais",
        "title": "Une ressourcerie dans l'ouest de l'agglomération : collecter, réparer, revendre",
        "date": date(2005, 3, 10),
        "territories": ["44047", "244400404"],
        "poles": ["insertion-par-l-activite-economique", "consommation-responsable"],
        "themes": ["creer-des-emplois", "richesse"],
        "tags": ["ressourcerie", "réemploi", "déchets", "chantier d'insertion", "Cigales"],
        "summary": "Des objets qui finissaient à la déchetterie deviennent des emplois : une ressourcerie "
        "associative financée au départ par deux clubs Cigales.",
        "context": "Les déchetteries de l'ouest de l'agglomération reçoivent chaque année des milliers de "
        "meubles et d'appareils en état de marche ou réparables. Aucune filière de réemploi n'existait à "
        "Couëron.",
        "actors": "- Une association de protection de l'environnement et un chantier d'insertion\n- Nantes "
        "Métropole, qui gère les déchetteries\n- Deux clubs Cigales, pour les fonds propres",
        "actions": "La ressourcerie collecte à domicile et en déchetterie, trie, répare et revend à petits prix "
        "dans sa boutique. Elle sensibilise aussi les écoles à la réduction des déchets.\n\n- Quatorze postes en "
        "insertion : collecte, réparation, vente\n- Boutique ouverte trois jours par semaine\n- Apport de "
        "quinze mille euros par deux clubs Cigales",
        "results": "Deux cent cinquante tonnes détournées de l'enfouissement la deuxième année ; les ventes "
        "couvrent 45 % du budget.",
        "lessons": "L'accès aux déchetteries, négocié avec la collectivité, conditionne l'approvisionnement. "
        "Les apports des Cigales ont rassuré la banque et permis d'obtenir un prêt pour le camion.",
        "contacts": "Julien Fradin, directeur de la ressourcerie.",
    },
    {
        "slug": "club-cigales-nantes",
        "title": "Un club Cigales à Nantes : cinq ans d'investissement citoyen",
        "date": date(2004, 4, 8),
        "territories": ["44109"],
        "poles": ["finances-solidaires"],
        "themes": ["richesse", "creer-des-emplois"],
        "tags": ["Cigales", "épargne de proximité", "capital-risque solidaire", "création d'entreprise"],
        "summary": "Douze Nantais qui épargnent ensemble quarante euros par mois et investissent dans des "
        "entreprises locales : le bilan d'un club au terme de sa durée statutaire de cinq ans.",
        "context": "Les créateurs d'entreprises sociales ou de petites entreprises locales peinent à réunir des "
        "fonds propres. Les banques exigent un apport que beaucoup n'ont pas.",
        "actors": "- Douze cigaliers, salariés, retraités et enseignants\n- L'association régionale des "
        "Cigales, qui forme les clubs\n- Les entreprises financées et leurs accompagnateurs",
        "actions": "Le club, constitué en indivision volontaire, a réuni en moyenne 480 euros par mois. Il "
        "étudie les projets qui lui sont présentés, prend des parts au capital et suit les entreprises jusqu'à "
        "la revente de ses parts.\n\n- Sept entreprises financées en cinq ans, dont une librairie, une Scop "
        "de maçonnerie et une crèche associative\n- Un cigalier référent par entreprise",
        "results": "Six des sept entreprises sont en activité et emploient vingt-trois personnes. Le club a "
        "récupéré 85 % de l'épargne investie, ce que ses membres jugent un bon résultat pour du capital-risque.",
        "lessons": "Le suivi compte autant que l'argent : les créateurs citent le regard extérieur des "
        "cigaliers comme décisif. La durée limitée à cinq ans oblige à organiser la sortie dès l'entrée au "
        "capital.",
        "contacts": "Gaëlle Tessier, association régionale des Cigales des Pays de la Loire.",
    },
    {
        "slug": "monnaie-locale-pays-d-ancenis",
        "title": "Une monnaie locale complémentaire en Pays d'Ancenis",
        "date": date(2015, 11, 5),
        "territories": ["Pays d'Ancenis", "44003"],
        "poles": ["finances-solidaires", "consommation-responsable"],
        "themes": ["richesse"],
        "tags": ["monnaie locale", "circuits courts", "commerce de proximité", "loi ESS 2014"],
        "summary": "Une monnaie locale papier, adossée à l'euro et acceptée par une centaine de commerçants et de "
        "producteurs, pour que l'argent dépensé sur le territoire y circule plus longtemps.",
        "context": "La loi du 31 juillet 2014 relative à l'économie sociale et solidaire a reconnu les titres "
        "de monnaies locales complémentaires émis par des structures de l'économie sociale et solidaire. Des "
        "habitants du Pays d'Ancenis ont voulu soutenir leurs commerces et leurs producteurs face aux "
        "centres commerciaux de l'agglomération.",
        "actors": "- Une association d'habitants, émettrice de la monnaie\n- Une centaine de commerçants, "
        "artisans et producteurs\n- Une banque coopérative, qui conserve le fonds de garantie en euros",
        "actions": "Chaque unité de monnaie locale est échangée contre un euro, déposé sur un fonds de garantie. "
        "Les billets circulent entre adhérents ; la reconversion en euros par les professionnels est possible "
        "moyennant une commission de 3 %.\n\n- Huit comptoirs de change\n- Une charte d'engagement des "
        "professionnels\n- Des marchés de producteurs où la monnaie est acceptée",
        "results": "Un an après le lancement, quarante mille unités en circulation et neuf cents utilisateurs. "
        "Les producteurs disent qu'elle leur a amené de nouveaux clients plus qu'elle n'a changé les volumes.",
        "lessons": "La monnaie est d'abord un outil de sensibilisation : elle fait parler de l'origine des "
        "produits. Son coût de gestion (impression, comptoirs, animation) repose sur les bénévoles et reste le "
        "point faible.",
        "contacts": "Association de la monnaie locale, par l'intermédiaire du pôle finances solidaires.",
    },
    {
        "slug": "scic-centre-de-sante-saint-nazaire",
        "title": "Un centre de santé en SCIC à Saint-Nazaire",
        "date": date(2012, 2, 16),
        "territories": ["44184", "La Bouletterie"],
        "poles": ["services-a-la-personne"],
        "themes": ["se-soigner"],
        "tags": ["SCIC", "centre de santé", "accès aux soins", "médecins salariés", "désert médical"],
        "summary": "Quand les médecins du quartier sont partis à la retraite sans successeur, habitants, "
        "professionnels, mutuelle et ville ont créé ensemble une société coopérative d'intérêt collectif.",
        "context": "Dans le quartier de la Bouletterie, trois des quatre médecins généralistes ont pris leur "
        "retraite entre 2008 et 2010. Les jeunes praticiens refusaient de s'installer seuls en libéral.",
        "actors": "- Les habitants et usagers, regroupés dans un collège de la SCIC\n- Les professionnels de "
        "santé salariés\n- La mutuelle, la ville et l'agglomération\n- L'union régionale des Scop, pour "
        "l'accompagnement",
        "actions": "La SCIC réunit cinq collèges : salariés, usagers, mutuelle, collectivités, partenaires. "
        "Elle salarie trois médecins, deux infirmières et une secrétaire, pratique le tiers payant et organise "
        "des actions de prévention avec les associations du quartier.",
        "results": "Deux mille quatre cents patients ont déclaré un médecin traitant au centre en deux ans. Le "
        "centre a atteint l'équilibre d'exploitation la troisième année.",
        "lessons": "Le salariat et le travail en équipe attirent les jeunes médecins. La SCIC permet aux "
        "collectivités d'entrer au capital et de participer aux décisions sans gérer le centre. La "
        "participation des usagers demande une animation régulière pour ne pas rester formelle.",
        "contacts": "Hélène Marchand, directrice du centre de santé.",
    },
    {
        "slug": "chantier-insertion-maraichage-chateaubriant",
        "title": "Les Jardins de la Mée : un chantier d'insertion en maraîchage biologique",
        "date": date(2006, 9, 21),
        "territories": ["44036", "Pays de Châteaubriant"],
        "poles": ["insertion-par-l-activite-economique", "consommation-responsable"],
        "themes": ["creer-des-emplois", "se-nourrir"],
        "tags": ["chantier d'insertion", "maraîchage biologique", "paniers", "insertion"],
        "summary": "Vingt salariés en insertion produisent des légumes biologiques vendus en paniers à trois "
        "cents adhérents : une activité utile qui redonne un emploi et un rythme.",
        "context": "Le Pays de Châteaubriant a été durement touché par les fermetures d'usines de machines "
        "agricoles et de fonderie. Les personnes au chômage de longue durée y sont nombreuses et l'offre "
        "d'insertion était limitée.",
        "actors": "- Une association créée par des travailleurs sociaux et des agriculteurs biologiques\n- "
        "L'État et le Département, qui conventionnent et financent le chantier\n- Trois cents familles "
        "adhérentes, clientes des paniers",
        "actions": "Sur quatre hectares, les salariés en insertion cultivent une quarantaine de légumes. Ils "
        "préparent et livrent chaque semaine des paniers dans douze points de dépôt. Un accompagnement "
        "socioprofessionnel les aide à résoudre les difficultés de logement, de santé ou de mobilité.",
        "results": "Soixante personnes accueillies en trois ans ; 40 % ont trouvé un emploi ou une formation à "
        "la sortie. Les ventes de paniers couvrent 30 % du budget.",
        "lessons": "La vente de paniers crée un lien avec les adhérents qui valorise le travail des salariés. "
        "Le chantier reste dépendant des financements publics : ses résultats doivent être rendus visibles "
        "au-delà du seul taux de sortie en emploi.",
        "contacts": "Pascal Hervouet, encadrant technique.",
    },
    {
        "slug": "cafe-associatif-derval",
        "title": "La Cambuse : un café associatif qui fait vivre la culture à Derval",
        "date": date(2009, 3, 12),
        "territories": ["44051", "Pays de Châteaubriant"],
        "poles": ["culture"],
        "themes": ["se-cultiver"],
        "tags": ["café associatif", "culture en milieu rural", "bénévolat", "groupement d'employeurs"],
        "summary": "Un bar, une scène, une bibliothèque de prêt et des ateliers : un lieu associatif devenu "
        "le cœur culturel d'une commune de trois mille habitants.",
        "context": "À Derval, le dernier café du centre-bourg avait fermé en 2002. Les jeunes partaient à "
        "Châteaubriant ou à Rennes pour sortir, et les associations n'avaient pas de lieu pour se retrouver.",
        "actors": "- Une association de deux cents adhérents\n- Une cinquantaine de bénévoles\n- La commune, "
        "propriétaire des murs\n- Un groupement d'employeurs culturel du nord du département",
        "actions": "Le café ouvre quatre jours par semaine. Les recettes du bar financent trente concerts par "
        "an à prix libre, des ateliers d'écriture et de musique, et l'accueil d'artistes en résidence.\n\n- "
        "Deux salariés, dont un partagé avec le groupement d'employeurs\n- Une programmation choisie par une "
        "commission de bénévoles",
        "results": "Dix mille passages par an, dont un tiers de moins de trente ans. Le café a accueilli "
        "quarante associations locales pour leurs réunions et leurs fêtes.",
        "lessons": "Le bar assure l'autonomie financière ; les subventions servent aux projets, pas au "
        "fonctionnement. Le groupement d'employeurs a stabilisé un poste que l'association seule n'aurait pas "
        "pu financer à l'issue des emplois aidés.",
        "contacts": "Sylvie Pineau, coordinatrice de La Cambuse.",
    },
    {
        "slug": "boutique-commerce-equitable-nantes",
        "title": "Terre d'échanges : une boutique de commerce équitable qui fait école",
        "date": date(2005, 11, 17),
        "territories": ["Île de Nantes"],
        "poles": ["commerce-equitable"],
        "themes": ["richesse", "se-nourrir"],
        "tags": ["commerce équitable", "éducation au développement", "bénévolat", "boutique associative"],
        "summary": "Une boutique associative tenue par des bénévoles et deux salariées, qui vend des produits "
        "équitables et intervient dans les écoles du quartier.",
        "context": "Avec l'arrivée des produits labellisés en supermarché, les boutiques associatives de commerce "
        "équitable ont vu leurs ventes de café et de chocolat baisser. Leur rôle d'éducation au développement "
        "restait pourtant sans équivalent.",
        "actors": "- Une association de soixante bénévoles\n- Des importateurs et des groupements de "
        "producteurs d'Amérique latine, d'Afrique et d'Asie\n- Les écoles et collèges du quartier",
        "actions": "- Recentrage de la boutique sur l'artisanat et les produits introuvables en grande surface\n"
        "- Animations dans une vingtaine de classes par an\n- Accueil de producteurs lors de la quinzaine du "
        "commerce équitable",
        "results": "Le chiffre d'affaires s'est stabilisé et les interventions scolaires ont doublé en deux ans. "
        "La boutique a formé trois nouvelles équipes de bénévoles dans l'agglomération.",
        "lessons": "Une boutique associative ne peut pas lutter sur le prix avec la grande distribution : elle "
        "se distingue par le conseil, la connaissance des producteurs et l'éducation. Le renouvellement des "
        "bénévoles est le principal défi.",
        "contacts": "Martine Orain, présidente de Terre d'échanges.",
    },
]
