"""Demo situational-judgement questions (« Jugement en situation »): short scenarios of French collective social
work, four responses each, ranked by an expert. Written for the platform from the domain notes; every legal or
factual claim names its source in the explanation.

Format: (name, mode, scenario, domains, extra fields, responses [(text, expert rank, feedback)]).
"""

from .models import SjtMode

SJT = "Jugement en situation"

MANUEL = "C. Avenel et C. Martin, Manuel de l'intervention collective pour les travailleurs sociaux (2021)"
FONDA = (
    "C. Martin, « L'intervention sociale collective : un renouvellement du travail social », "
    "Tribune Fonda n° 253 (2022)"
)
DEFINITION = "article D. 142-1-1 du code de l'action sociale et des familles (décret n° 2017-877 du 6 mai 2017)"
CHARTE = "charte de référence de la médiation sociale (Comité interministériel des villes, 2001)"
LE_BOSSE = "Y. Le Bossé, Sortir de l'impuissance (Ardis, 2012)"

SJT_QUESTIONS = [
    (
        "Isolement des aînés après l'été",
        SjtMode.BEST_WORST,
        "Après l'été, l'équipe du CCAS constate que plusieurs personnes inscrites au registre canicule vivent très "
        "isolées. La directrice vous demande « de faire quelque chose ». Quelle est la meilleure réponse, et la "
        "moins bonne ?",
        ["DC1", "DC4"],
        {
            "feedback_correct": "Oui : partir de ce que vivent les personnes, puis agir avec elles.",
            "feedback_incorrect": "L'expert part de la parole des personnes, et n'attend pas qu'elles viennent.",
            "explanation": "Partir des préoccupations exprimées par les personnes est le premier principe de "
            f"l'intervention collective ({MANUEL}). L'« aller vers », ne plus attendre la demande, est mis en "
            "avant par la Stratégie nationale de prévention et de lutte contre la pauvreté (2018).",
        },
        [
            ("Rendre visite à quelques personnes inscrites pour savoir ce qui leur manque.", 1, ""),
            ("Réunir pharmacies, facteurs et centre social pour croiser leurs observations.", 2, ""),
            (
                "Programmer un loto mensuel et l'annoncer dans le bulletin municipal.",
                3,
                "Une animation décidée sans les intéressés risque de ne réunir que celles et ceux qui sortent déjà.",
            ),
            (
                "Attendre que les personnes isolées se présentent à l'accueil du CCAS.",
                4,
                "Les personnes les plus isolées sont justement celles qui ne demandent rien.",
            ),
        ],
    ),
    (
        "Impayés d'énergie dans une résidence",
        SjtMode.RANKING,
        "En un mois, huit ménages d'une même résidence HLM viennent au service social pour des factures d'énergie "
        "impayées. Classez ces réponses de la meilleure à la moins bonne.",
        ["DC1", "DC2"],
        {
            "feedback_correct": "Oui : l'aide individuelle et la démarche collective vont ensemble.",
            "feedback_incorrect": "L'expert ne choisit pas entre l'aide individuelle et l'action collective.",
            "explanation": "Le fonds de solidarité pour le logement (loi n° 90-449 du 31 mai 1990) peut aider "
            "chaque ménage ; mais une récurrence dans un même immeuble appelle une lecture collective du problème. "
            f"La définition du travail social associe approches individuelles et collectives ({DEFINITION}).",
        },
        [
            ("Instruire les aides et proposer aux ménages de chercher ensemble la cause commune.", 1, ""),
            (
                "Instruire les aides et signaler par courrier au bailleur la récurrence constatée.",
                2,
                "Utile, mais les locataires ne sont pas associés : la parole passe par le service.",
            ),
            (
                "Instruire les aides et inscrire les huit ménages à un atelier sur les éco-gestes.",
                3,
                "Cette réponse suppose que les comportements sont en cause avant tout diagnostic.",
            ),
            (
                "Orienter chaque ménage vers le fournisseur pour négocier seul un échéancier.",
                4,
                "Chacun reste seul face au problème, et la cause commune n'est pas cherchée.",
            ),
        ],
    ),
    (
        "Le groupe de parents choisit autrement",
        SjtMode.BEST_WORST,
        "Au centre social, le groupe de parents que vous animez choisit d'organiser une fête de quartier ; vous "
        "pensiez que l'aide aux devoirs était prioritaire. Quelle est la meilleure réponse, et la moins bonne ?",
        ["DC1", "DC3"],
        {
            "feedback_correct": "Oui : le professionnel garantit la méthode, le groupe choisit son projet.",
            "feedback_incorrect": "L'expert laisse le groupe décider et l'aide à préciser son projet.",
            "explanation": "Le professionnel garantit le cadre et la méthode plus qu'il n'apporte les solutions "
            f"({MANUEL}). La définition du travail social vise le développement de la capacité d'agir des "
            f"personnes ({DEFINITION}).",
        },
        [
            ("Soutenir le choix du groupe et l'aider à préciser ce qu'il attend de la fête.", 1, ""),
            ("Donner une fois votre point de vue, puis laisser le groupe trancher.", 2, ""),
            (
                "Faire revoter le groupe après un exposé sur la réussite scolaire.",
                3,
                "Le vote est respecté en apparence, mais orienté par le professionnel.",
            ),
            (
                "Imposer l'aide aux devoirs, puisque c'est vous qui portez le budget.",
                4,
                "Le groupe perd toute prise sur son projet : il risque de se défaire.",
            ),
        ],
    ),
    (
        "Relancer le CVS d'un EHPAD",
        SjtMode.RANKING,
        "Le conseil de la vie sociale (CVS) d'un EHPAD ne s'est pas réuni depuis deux ans. La direction vous "
        "demande de le relancer. Classez ces réponses de la meilleure à la moins bonne.",
        ["DC2", "DC4"],
        {
            "feedback_correct": "Oui : une instance vivante se prépare avec les résidents et les familles.",
            "feedback_incorrect": "L'expert associe résidents et familles à la préparation des séances.",
            "explanation": "Le CVS est prévu par la loi n° 2002-2 du 2 janvier 2002 (article L. 311-6 du code de "
            "l'action sociale et des familles). Le décret n° 2022-688 du 25 avril 2022 a élargi sa composition et "
            "prévu un règlement intérieur et les suites données à ses avis.",
        },
        [
            ("Préparer l'ordre du jour avec des résidents et des familles, puis le diffuser.", 1, ""),
            (
                "Organiser l'élection des membres et ouvrir l'ordre du jour à leurs questions.",
                2,
                "Bien, mais la préparation avec les résidents rend la séance plus vivante.",
            ),
            (
                "Laisser la direction fixer l'ordre du jour et inviter les élus à réagir.",
                3,
                "Une instance animée par la seule direction reste une participation de façade.",
            ),
            (
                "Remplacer le CVS par une boîte à idées, plus simple à faire vivre.",
                4,
                "Une boîte à idées ne rend pas d'avis et n'oblige à aucune réponse.",
            ),
        ],
    ),
    (
        "Des jeunes sans transport",
        SjtMode.BEST_WORST,
        "À la mission locale, des jeunes d'un bourg rural expliquent qu'ils n'ont aucun moyen de transport pour "
        "venir aux rendez-vous. Quelle est la meilleure réponse, et la moins bonne ?",
        ["DC1", "DC4"],
        {
            "feedback_correct": "Oui : les jeunes décrivent eux-mêmes le problème et cherchent des solutions.",
            "feedback_incorrect": "L'expert associe d'abord les jeunes, là où ils sont et quand ils sont libres.",
            "explanation": "La définition du travail social associe les personnes à la construction des réponses "
            f"à leurs besoins ({DEFINITION}). Un projet pensé par les adultes, ou des réunions aux horaires "
            f"institutionnels, écartent les premiers concernés ({MANUEL}).",
        },
        [
            ("Réunir les jeunes au bourg, à une heure qui leur convient, pour décrire leurs trajets.", 1, ""),
            ("Recenser avec la MSA et les élus les solutions de mobilité déjà existantes.", 2, ""),
            (
                "Écrire vous-même un projet de navette et le présenter à l'intercommunalité.",
                3,
                "Le projet est pensé sans les jeunes : il risque de ne pas répondre à leurs besoins.",
            ),
            (
                "Les inviter à une réunion d'information à 10 h, dans les locaux en ville.",
                4,
                "Ceux qui n'ont pas de transport ne pourront justement pas venir.",
            ),
        ],
    ),
    (
        "Une voisine absente évoquée en groupe",
        SjtMode.RANKING,
        "Dans un groupe de personnes surendettées que vous co-animez, une participante raconte en détail la "
        "situation d'une voisine absente. Classez ces réponses de la meilleure à la moins bonne.",
        ["DC1", "DC3"],
        {
            "feedback_correct": "Oui : la règle commune protège le groupe et les absents.",
            "feedback_incorrect": "L'expert s'appuie sur la règle de confidentialité convenue par le groupe.",
            "explanation": "Les assistants de service social sont tenus au secret professionnel (article L. 411-3 "
            "du code de l'action sociale et des familles, qui renvoie aux articles 226-13 et 226-14 du code "
            "pénal). Dans un groupe, la confidentialité repose aussi sur une règle convenue avec les participants.",
        },
        [
            ("Rappeler la règle de confidentialité convenue et revenir à ce que chacun vit.", 1, ""),
            (
                "Laisser finir, puis reparler des règles avec tout le groupe en fin de séance.",
                2,
                "Les informations ont déjà circulé : mieux vaut intervenir tout de suite, sans blesser.",
            ),
            (
                "Reprocher à la participante son indiscrétion, devant le reste du groupe.",
                3,
                "La règle est rappelée, mais la participante est mise en difficulté devant les autres.",
            ),
            (
                "Noter ces informations pour en parler à la voisine lors d'un prochain rendez-vous.",
                4,
                "C'est utiliser des confidences faites hors de tout cadre : la confiance du groupe s'effondre.",
            ),
        ],
    ),
    (
        "Un collectif veut manifester",
        SjtMode.BEST_WORST,
        "Un collectif de locataires que vous accompagnez veut manifester devant le siège du bailleur, qui finance "
        "aussi votre association. Quelle est la meilleure réponse, et la moins bonne ?",
        ["DC3", "DC4"],
        {
            "feedback_correct": "Oui : clarifier sa place permet d'accompagner sans trahir ni le groupe ni "
            "l'employeur.",
            "feedback_incorrect": "L'expert clarifie d'abord sa position avec son employeur et avec le groupe.",
            "explanation": "Le choix entre négociation et rapport de force appartient au collectif ; le "
            "professionnel dit ce que son mandat lui permet de faire. Le community organizing assume le conflit "
            f"(S. Alinsky, Rules for Radicals, 1971) ; le travail social, lui, garantit le cadre ({MANUEL}).",
        },
        [
            ("Clarifier votre rôle avec votre direction, puis dire au collectif ce que vous pouvez faire.", 1, ""),
            ("Aider le collectif à adresser d'abord au bailleur un courrier listant les désordres.", 2, ""),
            (
                "Dissuader le collectif de manifester pour préserver le partenariat avec le bailleur.",
                3,
                "La décision revient au collectif : le professionnel ne la prend pas à sa place.",
            ),
            (
                "Prendre la tête du cortège pour montrer votre soutien aux locataires.",
                4,
                "Vous parlez à la place du groupe et engagez votre association sans mandat.",
            ),
        ],
    ),
    (
        "Des identifiants confiés à l'accueil",
        SjtMode.BEST_WORST,
        "À l'accueil du CCAS, un homme vous tend son téléphone et vous demande de faire sa démarche en ligne avec "
        "ses identifiants, « comme faisait votre collègue ». Quelle est la meilleure réponse, et la moins bonne ?",
        ["DC3", "DC4"],
        {
            "feedback_correct": "Oui : faire avec lui d'abord, et sinon un cadre sûr.",
            "feedback_incorrect": "L'expert vise l'autonomie et refuse d'utiliser les identifiants d'autrui.",
            "explanation": f"« Faire avec » est un principe directeur de la médiation ({CHARTE}). Quand la "
            "personne ne peut pas agir elle-même, le mandat Aidants Connect, signé par FranceConnect, permet à un "
            "aidant professionnel habilité d'agir pour elle, pour des démarches précises et un an au plus.",
        },
        [
            ("Faire la démarche à côté de lui, en lui montrant chaque étape sur son téléphone.", 1, ""),
            ("Lui proposer un mandat Aidants Connect pour cette démarche, si vous êtes habilité.", 2, ""),
            (
                "L'inscrire à l'atelier numérique de la semaine suivante, sans faire la démarche.",
                3,
                "L'atelier peut aider plus tard, mais la démarche urgente reste en suspens.",
            ),
            (
                "Utiliser ses identifiants et faire la démarche seul, comme votre collègue.",
                4,
                "Vous agissez sans cadre ni trace, et la personne n'apprend rien.",
            ),
        ],
    ),
    (
        "Un diagnostic en trois semaines",
        SjtMode.RANKING,
        "Le maire demande au centre social un diagnostic du quartier en trois semaines, pour joindre à un dossier "
        "de subvention. Classez ces réponses de la meilleure à la moins bonne.",
        ["DC2", "DC4"],
        {
            "feedback_correct": "Oui : un premier état des lieux honnête, puis le temps du diagnostic partagé.",
            "feedback_incorrect": "L'expert négocie le temps et ne fait pas passer un document pour ce qu'il "
            "n'est pas.",
            "explanation": "Un diagnostic partagé croise données, récits et observations avec les habitants, les "
            f"partenaires et les élus ; il prend du temps ({MANUEL}). L'intervention collective s'inscrit dans le "
            f"temps long ({FONDA}).",
        },
        [
            ("Expliquer le temps nécessaire et livrer un premier état des lieux, à compléter ensuite.", 1, ""),
            (
                "Compiler les données statistiques en signalant que la parole des habitants manque.",
                2,
                "Honnête, mais sans suite prévue avec les habitants.",
            ),
            (
                "Diffuser un questionnaire en ligne et présenter ses résultats comme un diagnostic partagé.",
                3,
                "Un questionnaire ne suffit pas, et il écarte les personnes éloignées du numérique.",
            ),
            (
                "Rédiger seul le diagnostic à partir de votre connaissance du quartier.",
                4,
                "Rien n'est partagé : ni les constats, ni leur interprétation.",
            ),
        ],
    ),
    (
        "Ne compter que les dossiers",
        SjtMode.BEST_WORST,
        "Pour évaluer vos permanences mobiles d'accès aux droits, le financeur ne demande que le nombre de dossiers "
        "traités. Quelle est la meilleure réponse, et la moins bonne ?",
        ["DC2", "DC4"],
        {
            "feedback_correct": "Oui : le chiffre demandé, et ce qu'il ne dit pas.",
            "feedback_incorrect": "L'expert donne le chiffre et montre aussi les effets sur les personnes.",
            "explanation": "Une intervention collective s'évalue sur la situation, sur les personnes et sur les "
            f"institutions ({MANUEL}). Compter les seuls dossiers ignore l'autonomie gagnée et les "
            "dysfonctionnements signalés aux institutions.",
        },
        [
            ("Fournir ce chiffre avec des indicateurs d'autonomie et les dysfonctionnements remontés.", 1, ""),
            ("Fournir ce chiffre et proposer au financeur de discuter d'autres critères.", 2, ""),
            (
                "Fournir seulement le nombre de dossiers, puisque c'est ce qui est demandé.",
                3,
                "L'essentiel du travail reste invisible, pour le financeur comme pour l'équipe.",
            ),
            (
                "Multiplier les dossiers simples en fin d'année pour améliorer le chiffre.",
                4,
                "L'indicateur finit par guider l'action au détriment des personnes.",
            ),
        ],
    ),
    (
        "Une ancienne participante veut co-animer",
        SjtMode.RANKING,
        "Une personne qui a longtemps été accompagnée par votre service propose d'animer avec vous les ateliers "
        "collectifs sur l'accès aux droits. Classez ces réponses de la meilleure à la moins bonne.",
        ["DC1", "DC3"],
        {
            "feedback_correct": "Oui : ses savoirs d'expérience sont une ressource, son rôle se construit avec elle.",
            "feedback_incorrect": "L'expert reconnaît ses savoirs d'expérience et construit son rôle avec elle.",
            "explanation": "La définition du travail social s'appuie sur les savoirs d'expérience des personnes, "
            f"associées à la construction des réponses ({DEFINITION}). Le Haut Conseil du travail social, créé "
            "par décret du 1er juillet 2016, compte un collège de personnes accompagnées.",
        },
        [
            ("Construire avec elle le rôle qu'elle souhaite tenir et les conditions de sa venue.", 1, ""),
            (
                "Accepter en lui confiant le témoignage d'ouverture de chaque atelier.",
                2,
                "Un début, mais son rôle est fixé sans elle et la cantonne au témoignage.",
            ),
            (
                "Lui proposer d'abord de revenir aux ateliers comme simple participante.",
                3,
                "Sa proposition n'est pas entendue : elle reste à la place d'usagère.",
            ),
            (
                "Refuser, car animer un atelier demande un diplôme de travail social.",
                4,
                "Ce refus nie ses savoirs d'expérience, que la définition du travail social reconnaît.",
            ),
        ],
    ),
    (
        "Deux voix dominent le conseil citoyen",
        SjtMode.BEST_WORST,
        "Au conseil citoyen que vous accompagnez, deux membres monopolisent la parole ; plusieurs habitants ne "
        "viennent plus. Quelle est la meilleure réponse, et la moins bonne ?",
        ["DC3", "DC4"],
        {
            "feedback_correct": "Oui : le conseil se donne lui-même ses règles.",
            "feedback_incorrect": "L'expert aide le conseil à se donner des règles, sans le diriger.",
            "explanation": "Les conseils citoyens ont été créés par l'article 7 de la loi n° 2014-173 du "
            "21 février 2014 de programmation pour la ville et la cohésion urbaine, qui les veut indépendants des "
            "pouvoirs publics : le professionnel les accompagne sans les présider.",
        },
        [
            ("Proposer au conseil de se donner des règles de parole et des temps en petits groupes.", 1, ""),
            ("Aller voir les habitants qui ne viennent plus pour comprendre leurs raisons.", 2, ""),
            (
                "Demander aux deux membres, en aparté, de laisser davantage parler les autres.",
                3,
                "Le problème est traité en coulisses, sans que le groupe s'en saisisse.",
            ),
            (
                "Présider vous-même les séances pour distribuer la parole.",
                4,
                "Le conseil perd son indépendance et dépend de vous.",
            ),
        ],
    ),
    (
        "Un règlement déjà rédigé",
        SjtMode.RANKING,
        "Dans votre centre d'hébergement, la direction a rédigé le nouveau règlement de fonctionnement et vous "
        "demande de recueillir l'avis des personnes hébergées. Classez ces réponses de la meilleure à la moins "
        "bonne.",
        ["DC2", "DC3"],
        {
            "feedback_correct": "Oui : une consultation préparée, qui dit ce qui peut encore changer.",
            "feedback_incorrect": "L'expert évite la participation alibi : il dit ce qui reste négociable.",
            "explanation": "Le règlement de fonctionnement, issu de la loi n° 2002-2 du 2 janvier 2002, est établi "
            "après consultation du conseil de la vie sociale ou d'une autre forme de participation (article "
            "L. 311-7 du code de l'action sociale et des familles). L'échelle de S. Arnstein (1969) rappelle "
            "qu'informer n'est pas encore consulter.",
        },
        [
            ("Préparer avec des résidents une réunion qui dit ce qui peut encore changer.", 1, ""),
            (
                "Afficher le projet et recueillir les remarques écrites dans une urne.",
                2,
                "Une vraie consultation, mais qui écarte celles et ceux qui écrivent peu.",
            ),
            (
                "Présenter le projet en grande réunion et demander s'il y a des objections.",
                3,
                "Peu osent objecter en public à un texte présenté comme fini.",
            ),
            (
                "Faire signer le règlement aux résidents pour attester qu'ils l'ont lu.",
                4,
                "C'est informer, pas consulter : leur avis n'est pas demandé.",
            ),
        ],
    ),
    (
        "Conflit de bruit entre voisins",
        SjtMode.BEST_WORST,
        "Médiatrice sociale, vous êtes sollicitée par le bailleur pour un conflit de bruit entre deux familles d'un "
        "même immeuble. Quelle est la meilleure réponse, et la moins bonne ?",
        ["DC3", "DC4"],
        {
            "feedback_correct": "Oui : un tiers impartial, et des personnes libres d'accepter la rencontre.",
            "feedback_incorrect": "L'expert reste impartial et respecte le libre consentement des familles.",
            "explanation": "La médiation sociale est l'intervention d'un tiers impartial et indépendant (définition "
            f"européenne, séminaire de Créteil, 2000) ; la {CHARTE} pose aussi le libre consentement des "
            "personnes et la confidentialité.",
        },
        [
            ("Rencontrer chaque famille séparément, puis proposer une rencontre si elles l'acceptent.", 1, ""),
            (
                "Proposer d'emblée aux deux familles une rencontre dans un lieu neutre.",
                2,
                "Possible, mais sans les avoir écoutées, le risque d'échec est grand.",
            ),
            (
                "Rappeler à la famille bruyante le règlement de l'immeuble, à la demande du bailleur.",
                3,
                "Vous devenez le relais du bailleur : l'impartialité est perdue.",
            ),
            (
                "Donner raison à la famille qui s'est plainte la première, pour apaiser vite.",
                4,
                "Un médiateur ne tranche pas : il aide les personnes à trouver leur solution.",
            ),
        ],
    ),
    (
        "« De toute façon, rien ne bouge »",
        SjtMode.RANKING,
        "À la permanence du centre social, des habitants se plaignent des ascenseurs souvent en panne : « de toute "
        "façon, rien ne bouge ». Classez ces réponses de la meilleure à la moins bonne.",
        ["DC1", "DC2"],
        {
            "feedback_correct": "Oui : partir de ce qui compte pour eux et de ce qu'ils peuvent faire.",
            "feedback_incorrect": "L'expert aide les habitants à reprendre prise, sans agir à leur place.",
            "explanation": "Le développement du pouvoir d'agir cherche à aider les personnes à agir davantage sur "
            f"ce qui compte pour elles et leurs proches, avec une définition négociée du changement visé ({LE_BOSSE}).",
        },
        [
            ("Les aider à préciser ce qu'ils veulent obtenir et ce qu'ils peuvent déjà faire.", 1, ""),
            (
                "Leur proposer de relever ensemble les pannes, leurs dates et leurs durées.",
                2,
                "Une bonne étape, qui gagne à partir de ce que veulent les habitants.",
            ),
            (
                "Appeler vous-même le bailleur pour signaler les pannes à leur place.",
                3,
                "Le problème est peut-être réglé, mais le sentiment d'impuissance demeure.",
            ),
            (
                "Leur conseiller la patience, puisque les travaux dépendent du bailleur.",
                4,
                "Cette réponse confirme le « rien ne bouge ».",
            ),
        ],
    ),
]
