"""Demo case D: young people without transport in a rural community of communes, from a roving diagnosis
to a negotiation with the intercommunal council.

Fictional places and people.
"""

from ..graph import Phase
from .builders import A, R, X, choice, decision, document, ending, role

SLUG = "jeunes-sans-transport-aux-trois-vallons"

PEOPLE = [
    role(
        "Vous",
        "professionnel",
        "éducateur spécialisé en prévention spécialisée",
        "Votre équipe intervient depuis un an sur la communauté de communes, à la demande du département.",
    ),
    role(
        "Inès",
        "personne",
        "19 ans, sans permis, habite un hameau",
        "Elle a dû refuser un contrat d'apprentissage faute de pouvoir se rendre à l'entreprise à 7 heures.",
    ),
    role(
        "Kevin",
        "personne",
        "17 ans, lycéen",
        "Il passe ses soirées à l'abribus avec des copains ; des riverains s'en plaignent.",
    ),
    role(
        "Mme Garcia",
        "partenaire",
        "conseillère de la mission locale",
        "Beaucoup de jeunes des villages manquent leurs rendez-vous ; elle y voit d'abord un problème de transport.",
    ),
    role(
        "La MSA",
        "partenaire",
        "caisse de la Mutualité sociale agricole",
        "Elle soutient des projets de jeunes en milieu rural.",
    ),
    role(
        "Mme Morel",
        "elu",
        "vice-présidente de la communauté de communes chargée de la mobilité",
        "Elle prépare un plan de mobilité et veut « des propositions concrètes ».",
    ),
]

NODES = [
    decision(
        "rendez-vous-manques",
        "Des rendez-vous manqués",
        Phase.DIAGNOSTIC,
        "<p>La mission locale vous signale que les jeunes des villages manquent un rendez-vous sur deux. Hors "
        "transport scolaire, aucun car ne relie les hameaux au bourg. Plusieurs jeunes ont perdu une offre "
        "d'emploi ou d'apprentissage faute de moyen de s'y rendre.</p>",
        [
            choice(
                "diagnostic-itinerant",
                "Faire un diagnostic itinérant avec la mission locale et la MSA : abribus, stade, fêtes de village",
                R,
                10,
                "former-le-groupe",
                "Les jeunes les plus concernés ne viennent pas dans les bureaux : il faut aller vers eux. Recueillir "
                "leurs trajets et leurs contraintes, avec des partenaires qui connaissent le territoire, donne un "
                "diagnostic fondé sur leur expérience réelle.",
            ),
            choice(
                "questionnaire-inscrits",
                "Faire remplir aux jeunes inscrits à la mission locale un questionnaire sur leurs trajets et horaires",
                A,
                4,
                "former-le-groupe",
                "Le questionnaire apporte des données, mais il ne touche que les jeunes déjà connus. Ceux qui ont "
                "renoncé à toute démarche, souvent les plus isolés, restent invisibles.",
            ),
            choice(
                "etude-bureau",
                "Proposer à l'intercommunalité de financer une étude de mobilité confiée à un bureau d'études",
                X,
                2,
                "projet-des-adultes",
                "Une étude technique peut éclairer, mais confiée seule à des experts, elle produit un projet pensé "
                "par des adultes pour des jeunes qui n'auront pas été entendus.",
            ),
        ],
        documents=[
            document(
                "Chiffres de la mission locale",
                "chiffres",
                "Jeunes suivis habitant hors du bourg : 64.\n"
                "Rendez-vous manqués sur l'année : 48 %.\n"
                "Jeunes titulaires du permis de conduire parmi eux : 11.",
            ),
        ],
        start=True,
    ),
    decision(
        "projet-des-adultes",
        "Un projet prêt à voter",
        Phase.DIAGNOSTIC,
        "<p>Le bureau d'études recommande un transport à la demande, réservable la veille par téléphone. Le "
        "conseil communautaire s'apprête à voter. Aucun jeune n'a été consulté.</p>",
        [
            choice(
                "tester-avec-les-jeunes",
                "Demander au conseil de reporter le vote pour confronter d'abord la proposition aux jeunes",
                R,
                8,
                "former-le-groupe",
                "Il n'est pas trop tard pour associer les personnes concernées. Un jeune qui apprend la veille au "
                "soir qu'il travaille le lendemain ne pourra pas réserver : seuls les usagers peuvent révéler ce "
                "genre de décalage.",
            ),
            choice(
                "laisser-voter",
                "Laisser le vote se faire : le projet a le mérite d'exister, on l'ajustera à l'usage",
                X,
                1,
                "fin-projet-des-adultes",
                "Un dispositif inadapté, même financé, risque de rester vide ; on conclura alors, à tort, que les "
                "jeunes « ne veulent pas bouger ».",
            ),
        ],
    ),
    decision(
        "former-le-groupe",
        "Former le groupe",
        Phase.MOBILISATION,
        "<p>Huit jeunes de 17 à 22 ans veulent « faire quelque chose ». La mission locale propose de les réunir "
        "le mardi à 10 heures au siège de la communauté de communes, à vingt kilomètres. Votre cheffe de service "
        "vous rappelle que deux d'entre eux sont mineurs.</p>",
        [
            choice(
                "horaires-des-jeunes",
                "Se réunir le samedi dans un lieu proche, avec covoiturage, "
                "et cadrer avec votre cheffe le cas des mineurs",
                R,
                10,
                "porter-le-projet",
                "Des réunions aux horaires institutionnels excluent d'emblée ceux qu'elles visent. S'adapter aux "
                "jeunes est une condition de leur participation ; clarifier le cadre avec votre employeur protège "
                "l'action et les mineurs.",
            ),
            choice(
                "en-visio",
                "Proposer des réunions en visioconférence, le soir, pour que chacun puisse suivre de chez soi",
                A,
                5,
                "porter-le-projet",
                "La visioconférence règle la distance, mais pas tout : connexion inégale dans les hameaux, "
                "difficulté à créer une dynamique de groupe. Elle complète les rencontres, elle ne les remplace "
                "pas.",
            ),
            choice(
                "horaires-institution",
                "Garder le mardi à 10 h au siège : les partenaires y sont, et les jeunes pourront s'organiser",
                X,
                0,
                "fin-desertion",
                "Demander à des jeunes sans transport de venir à vingt kilomètres un mardi matin, c'est organiser "
                "leur absence. Le groupe s'effrite avant d'avoir commencé.",
            ),
        ],
    ),
    decision(
        "porter-le-projet",
        "Qui porte le projet ?",
        Phase.PROJET,
        "<p>Le groupe a défini trois priorités : un local, une aide au permis de conduire et un prêt de "
        "scooters. Il faut décider si les jeunes créent leur propre association ou si une structure existante "
        "porte le projet.</p>",
        [
            choice(
                "choix-eclaire",
                "Présenter les deux options aux jeunes, les laisser choisir, et viser vite une salle de la mairie",
                R,
                10,
                "premiere-victoire",
                "Décider de la forme du projet fait partie du pouvoir d'agir ; votre rôle est d'éclairer le choix, "
                "pas de le faire. Une petite victoire rapide montre au groupe que l'action peut aboutir et "
                "entretient l'engagement pendant les étapes plus longues.",
            ),
            choice(
                "structure-porteuse",
                "Faire porter le projet par le centre social, plus sûr juridiquement, avec un comité de jeunes",
                A,
                6,
                "premiere-victoire",
                "Une structure existante apporte sécurité juridique et financière, ce qui peut convenir. Mais sans "
                "que les jeunes aient choisi cette option, le comité risque de n'être que consultatif.",
            ),
            choice(
                "vous-redigez",
                "Rédiger vous-même le dossier de financement pour aller vite, puis le faire valider par les jeunes",
                X,
                2,
                "premiere-victoire",
                "Le dossier sera peut-être financé, mais ce sera votre projet. Les jeunes perdent l'occasion "
                "d'apprendre à défendre leurs idées, ce qui était au cœur de la démarche.",
            ),
        ],
    ),
    decision(
        "premiere-victoire",
        "Un local, puis une plainte",
        Phase.ACTION,
        "<p>La commune prête une ancienne salle de classe. Les jeunes la remettent en état et lancent un atelier "
        "de code de la route avec un bénévole. Un mois plus tard, des riverains se plaignent du bruit le soir et "
        "un conseiller municipal parle de fermer le local.</p>",
        [
            choice(
                "rencontre-riverains",
                "Organiser une rencontre où les jeunes présentent le projet aux riverains et proposent des règles",
                R,
                10,
                "negociation",
                "Le conflit d'usage est une occasion de dialogue : les jeunes se présentent comme acteurs du projet "
                "et non comme un problème. Proposer eux-mêmes des règles les met en position de responsabilité.",
            ),
            choice(
                "imposer-horaires",
                "Fixer vous-même une heure de fermeture du local, 21 h, et l'afficher pour couper court aux plaintes",
                A,
                4,
                "negociation",
                "La mesure apaise à court terme, mais elle est prise sans les jeunes ni les riverains. Le conflit "
                "peut revenir, et les jeunes retiennent qu'on décide pour eux.",
            ),
            choice(
                "prendre-parti",
                "Écrire au conseil municipal pour défendre le projet des jeunes face aux plaintes des riverains",
                X,
                1,
                "fin-conflit",
                "Un courrier écrit par vous, au nom des jeunes et contre les riverains, durcit les positions et "
                "vous place au centre du conflit. Les élus entendent une professionnelle qui prend parti, pas des "
                "jeunes qui proposent des règles. Interpeller le conseil municipal peut venir plus tard, si le "
                "groupe le décide, après avoir tenté le dialogue.",
            ),
        ],
    ),
    decision(
        "negociation",
        "La commission mobilité",
        Phase.ACTION,
        "<p>La communauté de communes invite « les jeunes » à sa commission mobilité, un jeudi à 14 heures. Trois "
        "membres du groupe travaillent désormais à cette heure-là.</p>",
        [
            choice(
                "delegation-preparee",
                "Préparer l'intervention avec le groupe, demander un autre horaire et laisser une délégation parler",
                R,
                10,
                "evaluation",
                "Préparer ensemble permet aux jeunes de porter leur propre parole, appuyée sur le diagnostic qu'ils "
                "ont construit. Négocier l'horaire fait partie de la négociation : les conditions de la rencontre "
                "comptent.",
            ),
            choice(
                "vous-representez",
                "Y aller à 14 h et présenter vous-même le projet, au nom des jeunes retenus par leur travail",
                A,
                4,
                "evaluation",
                "Le message passera, mais par votre voix. Les élus retiendront l'éducateur plutôt que les jeunes, "
                "et ceux-ci manqueront une expérience qui aurait renforcé leur confiance.",
            ),
            choice(
                "attendre",
                "Décliner l'invitation pour cette fois : le groupe n'est pas "
                "encore prêt à défendre son projet devant des élus",
                X,
                2,
                "evaluation",
                "Décider à la place du groupe qu'il n'est pas prêt, c'est le priver d'une occasion rare. Avec de la "
                "préparation, une première prise de parole, même imparfaite, fait avancer le projet.",
            ),
        ],
    ),
    decision(
        "evaluation",
        "Quand les fondateurs s'en vont",
        Phase.EVALUATION,
        "<p>Un an après, la communauté de communes a lancé avec la MSA un prêt de scooters ; trois jeunes "
        "ont obtenu leur permis. Les membres fondateurs, qui ont trouvé un emploi, viennent moins et "
        "parlent d'« arrêter là ». Des plus jeunes fréquentent le local mais n'ont jamais pris la parole "
        "en réunion. Le financement du projet s'arrête à la fin de l'année.</p>",
        [
            choice(
                "bilan-et-transmission",
                "Réunir anciens et nouveaux pour un bilan, et organiser le "
                "parrainage des plus jeunes par les fondateurs",
                R,
                10,
                "fin-relais",
                "Un groupe de jeunes se renouvelle par nature : le départ de membres qui ont trouvé un emploi "
                "est un succès, pas un échec. Le bilan partagé met en valeur les effets sur les personnes "
                "(mobilité, emploi, confiance), et le parrainage permet aux plus jeunes de prendre la parole à "
                "leur tour ; la question du financement se traite ensuite avec eux.",
            ),
            choice(
                "rapport-financeurs",
                "Monter avec la mission locale une demande de prolongation du financement, pour garder le local",
                A,
                5,
                "fin-essoufflement",
                "Chercher à prolonger le financement est légitime, mais vous le faites sans le "
                "groupe, et un budget garde un local ouvert, pas un collectif vivant. La vraie "
                "question, qui portera le projet après les fondateurs, reste sans réponse.",
            ),
            choice(
                "clore",
                "Respecter le souhait des fondateurs et clore l'action, en "
                "orientant les plus jeunes vers la mission locale",
                X,
                1,
                "fin-essoufflement",
                "Clore parce que les fondateurs s'en vont ignore les plus jeunes qui arrivent et la dynamique "
                "créée. Les renvoyer chacun vers un suivi individuel revient à défaire ce que le groupe avait "
                "construit. Poursuivre, transmettre ou clore se décide avec toutes les personnes concernées.",
            ),
        ],
    ),
    ending(
        "fin-relais",
        "Une relève assurée",
        Phase.EVALUATION,
        "<p>Les anciens parrainent les nouveaux, le local est géré par les jeunes et l'intercommunalité les "
        "consulte pour son plan de mobilité. Un projet pensé avec les jeunes, à leurs horaires, avec des "
        "victoires rapides, peut durer au-delà de ses fondateurs.</p>",
    ),
    ending(
        "fin-essoufflement",
        "Un élan qui retombe",
        Phase.EVALUATION,
        "<p>Le prêt de scooters existe, mais le groupe se disperse et le local ferme. Sans bilan partagé ni "
        "transmission, l'expérience acquise se perd. L'évaluation prépare aussi la suite.</p>",
    ),
    ending(
        "fin-projet-des-adultes",
        "Un service sans usagers",
        Phase.DIAGNOSTIC,
        "<p>Le transport à la demande est voté, mais presque personne ne l'utilise. Un projet pensé par les "
        "adultes, sans les jeunes, répond rarement à leurs contraintes réelles.</p>",
    ),
    ending(
        "fin-desertion",
        "Des chaises vides",
        Phase.MOBILISATION,
        "<p>Deux jeunes viennent à la première réunion, aucun à la deuxième. Des réunions aux horaires et dans "
        "les lieux de l'institution écartent les personnes qu'elles veulent associer.</p>",
    ),
    ending(
        "fin-conflit",
        "Le local fermé",
        Phase.ACTION,
        "<p>Le conseil municipal, pris à partie, ferme le local. Les jeunes se sentent rejetés et les riverains "
        "confortés. Un conflit d'usage se travaille par le dialogue, avec les personnes concernées en première "
        "ligne.</p>",
    ),
]

CASE = {
    "slug": SLUG,
    "title": "Jeunes sans transport aux Trois Vallons",
    "summary": "Dans une intercommunalité rurale, des jeunes perdent des emplois faute de transport. Du "
    "diagnostic itinérant à la négociation avec les élus, comment les aider à porter leur propre projet ?",
    "territory": "Communauté de communes des Trois Vallons (fictive), quatorze communes rurales, un bourg-centre "
    "et de nombreux hameaux",
    "situation": "<p>Vous êtes éducateur en prévention spécialisée. Hors transport scolaire, aucune ligne ne "
    "dessert les hameaux. La mission locale tient une permanence mensuelle au bourg-centre.</p>",
    "people": PEOPLE,
    "objectives": "<ul><li>Aller vers les jeunes pour construire le diagnostic avec eux.</li>"
    "<li>Adapter lieux et horaires pour rendre la participation possible.</li>"
    "<li>Éclairer le choix du portage sans décider à la place du groupe.</li>"
    "<li>Préparer une négociation où les jeunes portent leur parole.</li></ul>",
    "reflection_prompt": "Dans vos projets avec des jeunes, qui fixe les horaires et les lieux ? Que faudrait-il "
    "changer pour que les plus éloignés puissent participer ?",
    "domains": ["DC1", "DC2", "DC4"],
    "nodes": NODES,
}
