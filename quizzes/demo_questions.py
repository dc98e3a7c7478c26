"""More demo questions: médiation sociale et numérique, participation of the people concerned, and a
self-positioning scale on group facilitation. Same tuple format as quizzes.demo.QUESTIONS."""

from .models import QuestionType

MEDIATION = "Médiation sociale et numérique"
PARTICIPATION = "Participation des personnes accompagnées"
POSTURE = "Auto-positionnement en animation de groupe"

MEDIATION_QUESTIONS = [
    (
        "Définition européenne de la médiation sociale",
        QuestionType.SINGLE,
        "Où la définition européenne de la médiation sociale a-t-elle été élaborée, en septembre 2000 ?",
        ["DC4"],
        {
            "feedback_correct": "Oui : lors d'un séminaire européen tenu à Créteil.",
            "feedback_incorrect": "Non : la définition est issue du séminaire de Créteil, en 2000.",
            "explanation": "Une quarantaine d'experts de douze pays y ont défini la médiation sociale comme un "
            "processus de création ou de réparation du lien social où un tiers impartial et indépendant organise "
            "des échanges entre personnes ou institutions.",
        },
        [
            ("À Créteil", True, "", ""),
            ("À Bruxelles", False, "", "La définition ne vient pas d'une institution européenne."),
            ("À Strasbourg", False, "", ""),
            ("À Lyon", False, "", ""),
        ],
    ),
    (
        "Le médiateur, un tiers",
        QuestionType.TRUE_FALSE,
        "En médiation sociale, le médiateur intervient comme un tiers impartial et indépendant.",
        ["DC4"],
        {
            "true_false_answer": True,
            "feedback_correct": "Exact : c'est au cœur de la définition.",
            "feedback_incorrect": "Si : l'impartialité et l'indépendance du tiers fondent la médiation.",
            "explanation": "La charte de référence de 2001 insiste aussi sur le libre consentement des personnes, "
            "le dialogue sans autorité imposée et la confidentialité.",
        },
        [],
    ),
    (
        "Principes directeurs de la médiation",
        QuestionType.MULTIPLE,
        "Lesquels de ces principes guident la médiation sociale ?",
        ["DC1", "DC4"],
        {
            "feedback_correct": "Oui : aller vers, faire avec, se mettre en réseau.",
            "feedback_incorrect": "Une réponse manque ou s'est glissée à tort.",
            "explanation": "« Aller vers » et « faire avec » sont les principes directeurs de la charte de "
            "référence ; la Fonda y ajoute « se mettre en réseau ».",
        },
        [
            ("Aller vers", True, "", "Ne plus attendre la demande des personnes."),
            ("Faire avec", True, "", "Agir avec les personnes, pas à leur place."),
            ("Se mettre en réseau", True, "", "Coopérer avec les acteurs du territoire."),
            ("Faire à la place", False, "", "C'est précisément ce que la médiation cherche à éviter."),
        ],
    ),
    (
        "Personnes éloignées du numérique",
        QuestionType.SINGLE,
        "Combien de Français étaient considérés comme éloignés du numérique lors de la Stratégie nationale pour "
        "un numérique inclusif de 2018 ?",
        ["DC2"],
        {
            "feedback_correct": "Oui : environ 13 millions de personnes.",
            "feedback_incorrect": "Non : le chiffre retenu en 2018 était de 13 millions.",
            "explanation": "Ce chiffre a justifié une politique d'accompagnement : médiation numérique, "
            "conseillers numériques, outils pour les aidants.",
        },
        [
            ("Environ 13 millions", True, "", ""),
            ("Environ 3 millions", False, "", "C'est bien en dessous du chiffre retenu."),
            ("Environ 30 millions", False, "", "C'est plus du double du chiffre retenu."),
        ],
    ),
    (
        "Mandat Aidants Connect",
        QuestionType.TRUE_FALSE,
        "Un mandat Aidants Connect permet à l'aidant de réaliser toutes les démarches de l'usager, sans limite de "
        "durée.",
        ["DC4"],
        {
            "true_false_answer": False,
            "feedback_correct": "Exact : le mandat est limité.",
            "feedback_incorrect": "Non : le mandat porte sur des démarches précises, pour un an au plus.",
            "explanation": "Le mandat, signé par FranceConnect, protège l'usager : il définit ce que l'aidant "
            "professionnel habilité peut faire pour lui, et pour combien de temps.",
        },
        [],
    ),
    (
        "Outils de l'inclusion numérique",
        QuestionType.MATCHING,
        "Associez chaque dispositif à sa fonction.",
        ["DC4"],
        {
            "feedback_correct": "Toutes les associations sont justes.",
            "feedback_incorrect": "Certains dispositifs sont confondus.",
            "explanation": "Ces dispositifs se complètent : accueillir, accompagner, faire pour autrui dans un "
            "cadre sûr, évaluer les compétences.",
        },
        [
            ("France Services", False, "Des guichets de proximité regroupant des services publics", ""),
            ("Aidants Connect", False, "Un mandat sécurisé pour les démarches faites par un aidant professionnel", ""),
            (
                "Conseillers numériques France Services",
                False,
                "Des postes pour accompagner vers l'autonomie numérique",
                "",
            ),
            ("PIX", False, "Un service public d'évaluation et de certification des compétences numériques", ""),
        ],
    ),
    (
        "Chronologie de la médiation",
        QuestionType.ORDERING,
        "Classez ces repères du plus ancien au plus récent.",
        ["DC2", "DC4"],
        {
            "feedback_correct": "La chronologie est juste.",
            "feedback_incorrect": "L'ordre n'est pas le bon.",
            "explanation": "2001 : charte de référence de la médiation sociale ; 2016 : norme expérimentale "
            "XP X60-600 ; 2018 : Stratégie nationale pour un numérique inclusif ; 2020 : annonce des conseillers "
            "numériques France Services.",
        },
        [
            ("Charte de référence de la médiation sociale", False, "", ""),
            ("Norme expérimentale sur le métier de médiation sociale", False, "", ""),
            ("Stratégie nationale pour un numérique inclusif", False, "", ""),
            ("Annonce des conseillers numériques France Services", False, "", ""),
        ],
    ),
    (
        "Aller vers",
        QuestionType.SHORT_ANSWER,
        "Quelle expression désigne la démarche qui consiste à ne plus attendre la demande des personnes, mais à "
        "aller à leur rencontre ?",
        ["DC1"],
        {
            "accepted_answers": "aller vers\naller-vers\nl'aller vers\nle aller vers",
            "feedback_correct": "Oui : « aller vers ».",
            "feedback_incorrect": "L'expression attendue est « aller vers ».",
            "explanation": "Maraudes, visites, permanences hors les murs : l'« aller vers » est une pratique "
            "ancienne du travail social, remise en avant par la stratégie de lutte contre la pauvreté de 2018.",
        },
        [],
    ),
]

PARTICIPATION_QUESTIONS = [
    (
        "Loi de 2002 et droits des usagers",
        QuestionType.SINGLE,
        "Quel texte a créé le conseil de la vie sociale, avec le livret d'accueil et le contrat de séjour ?",
        ["DC2"],
        {
            "feedback_correct": "Oui : la loi du 2 janvier 2002.",
            "feedback_incorrect": "Non : ces outils viennent de la loi du 2 janvier 2002.",
            "explanation": "La loi n° 2002-2 a rénové l'action sociale et médico-sociale autour des droits des "
            "personnes accueillies.",
        },
        [
            ("La loi du 2 janvier 2002", True, "", ""),
            ("La loi du 21 février 2014", False, "", "Cette loi a créé les conseils citoyens."),
            ("Le décret du 6 mai 2017", False, "", "Ce décret définit le travail social."),
        ],
    ),
    (
        "Réforme du CVS",
        QuestionType.TRUE_FALSE,
        "La réforme du conseil de la vie sociale de 2022, entrée en vigueur le 1er janvier 2023, prévoit un "
        "règlement intérieur et les suites données aux avis du conseil.",
        ["DC4"],
        {
            "true_false_answer": True,
            "feedback_correct": "Exact.",
            "feedback_incorrect": "Si : la réforme prévoit aussi une composition élargie.",
            "explanation": "Le décret du 25 avril 2022 cherche à rendre l'instance plus vivante : composition "
            "élargie, règlement intérieur, suites données aux avis.",
        },
        [],
    ),
    (
        "Participation alibi",
        QuestionType.MULTIPLE,
        "Quels signes peuvent révéler une participation « alibi » ?",
        ["DC1", "DC3"],
        {
            "feedback_correct": "Oui : une participation sans prise sur les décisions.",
            "feedback_incorrect": "Attention : un compte rendu accessible et discuté est au contraire un bon signe.",
            "explanation": "La participation ne se réduit pas à une consultation : elle suppose que la parole des "
            "personnes ait des suites visibles.",
        },
        [
            ("L'ordre du jour est fixé par la seule direction", True, "", ""),
            ("Les avis rendus ne reçoivent jamais de réponse", True, "", ""),
            ("Les personnes sont consultées une fois la décision prise", True, "", ""),
            (
                "Les comptes rendus sont rédigés en « facile à lire et à comprendre » et discutés",
                False,
                "",
                "C'est une bonne pratique qui rend la participation réelle.",
            ),
        ],
    ),
    (
        "Instances de participation",
        QuestionType.MATCHING,
        "Associez chaque instance à son champ.",
        ["DC4"],
        {
            "feedback_correct": "Toutes les associations sont justes.",
            "feedback_incorrect": "Certaines instances sont confondues.",
            "explanation": "Chaque instance donne la parole aux personnes concernées à une échelle différente : "
            "l'établissement, le quartier, ou bien la région et le pays pour le seul secteur "
            "accueil-hébergement-insertion (loi ALUR du 24 mars 2014, art. 40 ; décret n° 2016-1440 du 26 octobre "
            "2016).",
        },
        [
            ("Conseil de la vie sociale", False, "Un établissement social ou médico-social", ""),
            ("Conseil citoyen", False, "Un quartier de la politique de la ville", ""),
            ("CRPA", False, "Les personnes du secteur accueil-hébergement-insertion d'une région", ""),
            ("CNPA", False, "Les personnes du secteur accueil-hébergement-insertion, au niveau national", ""),
        ],
    ),
    (
        "Échelle d'Arnstein",
        QuestionType.ORDERING,
        "Classez ces niveaux de l'échelle de la participation de Sherry Arnstein, du plus faible au plus fort "
        "pouvoir des citoyens.",
        ["DC1", "DC2"],
        {
            "feedback_correct": "C'est l'ordre de l'échelle.",
            "feedback_incorrect": "L'ordre n'est pas celui de l'échelle.",
            "explanation": "L'échelle publiée en 1969 rappelle qu'informer ou consulter ne donne pas encore de "
            "pouvoir réel : le partenariat et le contrôle citoyen en donnent davantage.",
        },
        [
            ("Manipulation", False, "", ""),
            ("Information", False, "", ""),
            ("Consultation", False, "", ""),
            ("Partenariat", False, "", ""),
            ("Contrôle citoyen", False, "", ""),
        ],
    ),
    (
        "Chronologie de la participation",
        QuestionType.ORDERING,
        "Classez ces textes du plus ancien au plus récent.",
        ["DC2"],
        {
            "feedback_correct": "La chronologie est juste.",
            "feedback_incorrect": "La chronologie n'est pas la bonne.",
            "explanation": "2002 : loi sur les droits des usagers ; 2014 : loi créant les conseils citoyens ; "
            "2016 : décret sur les conseils des personnes accueillies ou accompagnées ; 2022 : réforme du CVS.",
        },
        [
            ("Loi rénovant l'action sociale et médico-sociale", False, "", ""),
            ("Loi créant les conseils citoyens", False, "", ""),
            ("Décret sur les conseils des personnes accueillies ou accompagnées", False, "", ""),
            ("Décret réformant le conseil de la vie sociale", False, "", ""),
        ],
    ),
    (
        "Conseils citoyens",
        QuestionType.TRUE_FALSE,
        "Les conseils citoyens ont été créés par la loi du 21 février 2014, après le rapport Bacqué-Mechmache.",
        ["DC4"],
        {
            "true_false_answer": True,
            "feedback_correct": "Exact.",
            "feedback_incorrect": "Si : la loi de 2014 a suivi le rapport remis en 2013.",
            "explanation": "Le rapport de Marie-Hélène Bacqué et Mohamed Mechmache plaidait pour une réforme "
            "radicale de la politique de la ville, avec les habitants.",
        },
        [],
    ),
    (
        "Pouvoir d'agir : unité d'analyse",
        QuestionType.SINGLE,
        "Dans l'approche du développement du pouvoir d'agir (DPA-PC) de Yann Le Bossé, quelle est l'unité d'analyse ?",
        ["DC1"],
        {
            "feedback_correct": "Oui : l'acteur en contexte.",
            "feedback_incorrect": "Non : l'approche considère la personne dans sa situation.",
            "explanation": "Les quatre axes de l'approche : l'acteur en contexte, une définition négociée du "
            "changement visé, la prise en compte des contextes d'application, une démarche conscientisante.",
        },
        [
            ("L'acteur en contexte", True, "", ""),
            ("L'individu et ses difficultés personnelles", False, "", "L'approche refuse d'isoler la personne."),
            ("L'institution qui accompagne", False, "", ""),
            ("Le dispositif d'aide", False, "", ""),
        ],
    ),
    (
        "Instance des EHPAD",
        QuestionType.SHORT_ANSWER,
        "Quel sigle désigne l'instance qui associe résidents et familles au fonctionnement d'un EHPAD ?",
        ["DC4"],
        {
            "accepted_answers": "CVS\nconseil de la vie sociale\nle conseil de la vie sociale",
            "feedback_correct": "Oui : le conseil de la vie sociale.",
            "feedback_incorrect": "La réponse attendue est « CVS », le conseil de la vie sociale.",
            "explanation": "Un CVS vivant prépare ses séances avec les résidents et diffuse des comptes rendus "
            "compréhensibles par tous.",
        },
        [],
    ),
]

POSTURE_QUESTIONS = [
    ("Poser un cadre", "Je sais poser avec un groupe un cadre de fonctionnement (règles, rôles, confidentialité)."),
    ("Laisser décider", "Je sais laisser le groupe décider, même quand j'aurais choisi autrement."),
    ("Accueillir un conflit", "Je sais accueillir un conflit dans un groupe sans l'étouffer ni le laisser déborder."),
    ("Faire circuler la parole", "Je sais faire en sorte que chacun puisse s'exprimer dans un groupe."),
    ("Dire sa place", "Je sais dire au groupe ce qui relève de mon rôle et ce qui n'en relève pas."),
]
