"""Demo case F: a local digital-solidarity collective against non-take-up of rights around a France Services.

Fictional places and people.
"""

from ..graph import Phase
from .builders import A, R, X, choice, decision, document, ending, role

SLUG = "non-recours-et-solidarite-numerique-a-brenne-sur-aulne"

PEOPLE = [
    role(
        "Vous",
        "professionnel",
        "assistant de service social du CCAS",
        "Vous coanimez le « collectif local de solidarité numérique » avec le conseiller numérique.",
    ),
    role(
        "M. Da Silva",
        "professionnel",
        "conseiller numérique France Services",
        "Il anime des ateliers à l'espace France Services et se déplace dans les communes voisines.",
    ),
    role(
        "Mme Leroy",
        "personne",
        "68 ans, habite un hameau sans voiture",
        "Elle a abandonné une demande en ligne après un message d'erreur, « de peur de faire une bêtise ».",
    ),
    role(
        "M. Nguyen",
        "personne",
        "ancien usager des ateliers",
        "Il a appris à faire ses démarches et voudrait aider ses voisins.",
    ),
    role(
        "L'espace France Services",
        "partenaire",
        "guichet de proximité de Brenne-sur-Aulne",
        "Deux agents polyvalents accueillent le public du lundi au vendredi.",
    ),
    role(
        "La CAF et la CPAM",
        "partenaire",
        "caisses d'allocations familiales et d'assurance maladie",
        "Elles constatent que des ménages susceptibles d'avoir des droits ne les demandent pas.",
    ),
    role(
        "Mme Fabre",
        "elu",
        "adjointe aux solidarités",
        "Vice-présidente du conseil d'administration du CCAS (que le maire préside de droit, CASF art. L. 123-6), "
        "elle suit le budget du collectif.",
    ),
]

NODES = [
    decision(
        "constat",
        "Ceux qui ne viennent pas",
        Phase.DIAGNOSTIC,
        "<p>L'espace France Services est saturé le matin. Pourtant, les partenaires de la CAF observent que de "
        "nombreux ménages des hameaux ne demandent pas des aides auxquelles ils pourraient avoir droit. Au CCAS, "
        "des personnes racontent avoir abandonné une démarche en ligne.</p>",
        [
            choice(
                "diagnostic-partage",
                "Réunir France Services, CAF, CPAM, CCAS et des habitants pour croiser qui vient, qui ne vient pas",
                R,
                10,
                "qui-ne-vient-pas",
                "Le non-recours ne se voit pas depuis un guichet : on n'y rencontre que ceux qui viennent. Croiser "
                "les regards des institutions et des habitants fait apparaître ce qu'aucune ne voit seule.",
            ),
            choice(
                "statistiques",
                "Analyser les statistiques de fréquentation de France Services par commune et par type de démarche",
                A,
                4,
                "qui-ne-vient-pas",
                "Les chiffres de fréquentation décrivent le public présent ; ils ne disent rien des personnes qui "
                "renoncent. C'est un point de départ, pas un diagnostic.",
            ),
            choice(
                "plus-de-guichets",
                "Demander plus d'heures d'ouverture au guichet, dont la file d'attente déborde chaque matin",
                X,
                2,
                "fin-guichet",
                "Ouvrir plus longtemps soulage la file d'attente, mais ne touche pas les personnes qui ne viennent "
                "pas. Vous répondez à la saturation, pas au non-recours.",
            ),
        ],
        documents=[
            document(
                "Note de la CAF au comité local",
                "chiffres",
                "Dans les cinq communes rurales du secteur, la part des ménages qui ne demandent pas une aide à "
                "laquelle ils pourraient prétendre paraît nettement plus élevée qu'au bourg.",
            ),
        ],
        start=True,
    ),
    decision(
        "qui-ne-vient-pas",
        "Comprendre les raisons",
        Phase.DIAGNOSTIC,
        "<p>Les partenaires s'accordent : les personnes des hameaux viennent peu. Reste à savoir pourquoi : "
        "distance, méconnaissance des droits, peur de l'erreur, mauvaise expérience d'une démarche en ligne ?</p>",
        [
            choice(
                "aller-vers",
                "Aller écouter les habitants au marché et à l'épicerie ambulante, avec des habitants volontaires",
                R,
                10,
                "permanences",
                "« Aller vers » ne consiste pas à distribuer de l'information, mais à écouter là où les personnes "
                "vivent. Les raisons du non-recours sont multiples ; seules les personnes concernées peuvent les "
                "dire.",
            ),
            choice(
                "depliant",
                "Envoyer à chaque foyer des hameaux un dépliant clair sur "
                "les droits et les aides, avec un numéro d'appel",
                A,
                4,
                "permanences",
                "L'information est nécessaire, mais le non-recours ne tient pas seulement à la méconnaissance : la "
                "peur de l'erreur ou la honte ne se lèvent pas avec un dépliant.",
            ),
            choice(
                "campagne-courriel",
                "Lancer une campagne d'information par courriel, ciblée sur les allocataires des hameaux",
                X,
                1,
                "permanences",
                "Un courriel atteint d'abord les personnes à l'aise avec le numérique, c'est-à-dire celles qui "
                "ont le moins besoin d'aide. Le moyen choisi exclut le public visé.",
            ),
        ],
        documents=[
            document(
                "Paroles recueillies au marché",
                "temoignage",
                "« J'ai eu un message d'erreur, j'ai tout arrêté. »\n"
                "« Je ne veux pas qu'on croie que je demande la charité. »\n"
                "« Le bourg, c'est trente minutes à pied jusqu'à l'arrêt du car. »",
            ),
        ],
    ),
    decision(
        "permanences",
        "Où et quand tenir les permanences ?",
        Phase.MOBILISATION,
        "<p>Le collectif décide de créer des permanences mobiles. Il faut en choisir les lieux, les horaires et la "
        "manière de les faire connaître.</p>",
        [
            choice(
                "co-construire",
                "Choisir avec habitants et mairies des lieux et horaires accessibles, relayés par pharmacie et école",
                R,
                10,
                "pairs-relais",
                "Les lieux et les horaires décident de qui viendra. Les choisir avec les habitants, et s'appuyer "
                "sur des relais de confiance, rend la permanence familière avant même d'avoir ouvert.",
            ),
            choice(
                "horaires-des-mairies",
                "Tenir les permanences dans les mairies des hameaux, aux heures d'ouverture du secrétariat",
                A,
                5,
                "pairs-relais",
                "Les mairies sont des lieux connus, c'est un bon choix de départ. Mais leurs horaires de journée "
                "écartent les personnes qui travaillent, et personne n'a demandé aux habitants ce qui leur "
                "convenait.",
            ),
            choice(
                "rester-au-bourg",
                "Garder les permanences à France Services, de 9 h à midi, et les annoncer dans le bulletin municipal",
                X,
                1,
                "fin-guichet",
                "Rester au guichet, c'est attendre ceux qui ne viennent pas. La démarche « d'aller vers » décidée "
                "par le collectif est abandonnée avant d'avoir commencé.",
            ),
        ],
    ),
    decision(
        "pairs-relais",
        "Des pairs relais",
        Phase.PROJET,
        "<p>Trois anciens participants des ateliers, dont M. Nguyen, veulent devenir « pairs relais ». L'un d'eux "
        "propose de faire directement les démarches de ses voisins, avec leurs mots de passe.</p>",
        [
            choice(
                "role-clair",
                "Définir avec eux un rôle d'accueil et d'orientation, les démarches restant aux aidants habilités",
                R,
                10,
                "ateliers",
                "Les pairs relais apportent la confiance et le savoir d'expérience. Leur rôle (accueillir, "
                "expliquer, accompagner vers la permanence) se définit avec eux et se soutient dans la durée. "
                "Faire une démarche à la place d'un usager relève d'un cadre précis (comme le mandat Aidants "
                "Connect, réservé aux aidants professionnels habilités) qui protège les personnes.",
            ),
            choice(
                "professionnels-seuls",
                "Décliner poliment : seuls des professionnels formés peuvent intervenir auprès des usagers",
                A,
                4,
                "ateliers",
                "La prudence se comprend, mais vous vous privez d'une ressource précieuse : des habitants qui ont "
                "vécu les mêmes difficultés et que leurs voisins écoutent. Un rôle bien défini règle le risque.",
            ),
            choice(
                "laisser-faire",
                "Les laisser aider leurs voisins avec leurs identifiants, "
                "puisque la confiance est là et les démarches urgentes",
                X,
                0,
                "fin-risque",
                "Utiliser les identifiants d'une autre personne expose ses données et engage sa responsabilité ; "
                "en cas d'erreur, c'est l'usager qui en subit les conséquences. Et l'autonomie n'avance pas.",
            ),
        ],
    ),
    decision(
        "ateliers",
        "Des difficultés qui se répètent",
        Phase.ACTION,
        "<p>Les ateliers « Mes démarches sans stress » réunissent une dizaine de personnes par séance. Plusieurs "
        "participants rencontrent le même blocage : un justificatif impossible à déposer depuis un téléphone, et "
        "un service qui ne rappelle jamais.</p>",
        [
            choice(
                "faire-remonter",
                "Documenter les blocages avec les participants et les présenter "
                "avec eux à la CAF et à la CPAM, au comité local",
                R,
                10,
                "evaluation",
                "Une difficulté qui se répète n'est pas une faute individuelle : c'est un dysfonctionnement. Le "
                "faire remonter avec les personnes concernées peut changer les pratiques des institutions, au "
                "bénéfice de tous.",
            ),
            choice(
                "contourner",
                "Trouver pour chaque participant une solution de contournement, par exemple un envoi par courrier",
                A,
                5,
                "evaluation",
                "Débloquer chaque situation est utile, mais le problème reviendra pour les suivants. Sans remontée, "
                "l'institution ignore le blocage qu'elle crée.",
            ),
            choice(
                "faire-a-leur-place",
                "Faire vous-même les démarches bloquées depuis le poste de France Services, pour gagner du temps",
                X,
                1,
                "evaluation",
                "Faire à la place règle la démarche du jour, mais pas la suivante. Les ateliers visent "
                "l'autonomie : le temps passé à apprendre n'est pas du temps perdu.",
            ),
        ],
    ),
    decision(
        "evaluation",
        "Après le financement",
        Phase.EVALUATION,
        "<p>Un an après, les permanences mobiles ont lieu dans quatre communes ; deux blocages signalés ont "
        "été corrigés par les caisses. Mais le financement qui paie les déplacements et votre temps de "
        "coordination s'arrête dans six mois. La CAF propose de reprendre seule une permanence sur "
        "rendez-vous dans deux communes ; les pairs relais s'inquiètent pour les autres.</p>",
        [
            choice(
                "mesurer-autonomie",
                "Réunir partenaires, pairs relais et participants pour faire le bilan et répartir la suite entre eux",
                R,
                10,
                "fin-reseau",
                "Un partenariat survit à la fin d'un financement quand chacun sait ce qu'il y gagne et ce "
                "qu'il y apporte. Un bilan partagé (autonomie gagnée, droits ouverts, blocages corrigés), "
                "construit avec les participants et les pairs relais, donne aux partenaires des raisons "
                "de continuer et laisse les habitants peser sur la suite.",
            ),
            choice(
                "dossiers-et-temoignages",
                "Accepter l'offre de la CAF pour deux communes et chercher un autre financeur pour les deux autres",
                A,
                5,
                "fin-mitigee",
                "La solution est pragmatique et sauve deux permanences. Mais elle se décide entre "
                "institutions, sans les pairs relais ni les participants, et transforme un "
                "collectif en guichets juxtaposés : les blocages cessent de remonter, et les deux "
                "autres communes restent suspendues à un financement incertain.",
            ),
            choice(
                "dossiers-seuls",
                "Confier les permanences aux pairs relais bénévoles, qui connaissent les habitants et ne coûtent rien",
                X,
                1,
                "fin-mitigee",
                "Les pairs relais sont une ressource, pas une main-d'œuvre gratuite. Les laisser "
                "seuls tenir les permanences leur fait porter une responsabilité qui n'est pas la "
                "leur, et les démarches faites pour autrui demandent un cadre, comme le mandat "
                "Aidants Connect réservé aux aidants professionnels habilités.",
            ),
        ],
    ),
    ending(
        "fin-reseau",
        "Un réseau de solidarité numérique",
        Phase.EVALUATION,
        "<p>Les partenaires se répartissent la suite des permanences, convaincus par un bilan construit avec les "
        "participants. Les pairs relais accueillent les nouveaux venus, les caisses consultent le collectif avant "
        "de modifier leurs formulaires. Aller vers, faire avec et se mettre en réseau : les trois principes de la "
        "médiation ont guidé l'action.</p>",
    ),
    ending(
        "fin-mitigee",
        "Un guichet de plus",
        Phase.EVALUATION,
        "<p>Les permanences survivent ici et là, chacune rattachée à une institution ; le collectif ne se réunit "
        "plus et les blocages ne remontent plus. Un partenariat se prolonge quand ceux qui le font vivre, habitants "
        "compris, décident ensemble de la suite et de ce que chacun y apporte.</p>",
    ),
    ending(
        "fin-guichet",
        "Les mêmes visages",
        Phase.MOBILISATION,
        "<p>La file d'attente s'allonge avec les mêmes personnes, et le non-recours ne bouge pas dans les hameaux. "
        "Ceux qui ne demandent rien ne viennent pas au guichet : il faut aller vers eux.</p>",
    ),
    ending(
        "fin-risque",
        "Une erreur lourde de conséquences",
        Phase.PROJET,
        "<p>Une démarche faite avec les identifiants d'une voisine comporte une erreur ; ses droits sont suspendus "
        "pendant deux mois. Les pairs relais sont une ressource, dans un rôle défini avec eux : faire à la place "
        "d'autrui demande un cadre qui protège la personne.</p>",
    ),
]

CASE = {
    "slug": SLUG,
    "title": "Non-recours et solidarité numérique à Brenne-sur-Aulne",
    "summary": "Le guichet France Services est saturé, mais les habitants des hameaux ne demandent pas leurs "
    "droits. Comment un collectif local peut-il aller vers eux, s'appuyer sur des pairs et faire bouger les "
    "institutions ?",
    "territory": "Brenne-sur-Aulne (commune fictive) et cinq communes rurales voisines, autour d'un espace "
    "France Services",
    "situation": "<p>Vous êtes assistant de service social au CCAS. Avec le conseiller numérique France Services, "
    "vous animez un collectif local qui réunit les services publics du secteur, des associations et des "
    "habitants.</p>",
    "people": PEOPLE,
    "objectives": "<ul><li>Construire un diagnostic du non-recours avec ceux qui ne viennent pas.</li>"
    "<li>Choisir lieux et horaires des permanences avec les habitants.</li>"
    "<li>Définir le rôle des pairs relais et le cadre des démarches faites pour autrui.</li>"
    "<li>Évaluer l'autonomie gagnée et faire remonter les dysfonctionnements.</li></ul>",
    "reflection_prompt": "Quels indicateurs votre service utilise-t-il pour rendre compte de son activité ? Que "
    "montrent-ils, et que laissent-ils dans l'ombre ?",
    "domains": ["DC2", "DC3", "DC4"],
    "nodes": NODES,
}
