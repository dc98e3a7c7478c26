"""Demo case G: reviving the conseil de la vie sociale of a nursing home with its residents and families.

Fictional places and people.
"""

from ..graph import Phase
from .builders import A, R, X, choice, decision, document, ending, role

SLUG = "relancer-le-cvs-de-l-ehpad-les-glycines"

PEOPLE = [
    role(
        "Vous",
        "professionnel",
        "conseillère en économie sociale familiale de l'établissement",
        "La nouvelle directrice vous a demandé de relancer le conseil de la vie sociale (CVS).",
    ),
    role(
        "Mme Perrin",
        "personne",
        "résidente depuis quatre ans, ancienne institutrice",
        "Elle a siégé au CVS autrefois et dit que « ça ne servait à rien ».",
    ),
    role(
        "M. Girard",
        "personne",
        "fils d'un résident",
        "Il vient tous les jours et se plaint souvent de l'organisation des repas.",
    ),
    role(
        "Mme Keller",
        "professionnel",
        "directrice de l'EHPAD",
        "Arrivée il y a six mois, elle veut respecter les nouvelles règles et craint les séances « de doléances ».",
    ),
    role(
        "M. Blanc",
        "professionnel",
        "aide-soignant, représentant du personnel",
        "Il connaît bien les résidents et leurs habitudes.",
    ),
    role(
        "Le médecin coordonnateur",
        "professionnel",
        "médecin de l'établissement",
        "Il peut éclairer les questions de santé, sans les trancher à la place des résidents.",
    ),
]

NODES = [
    decision(
        "etat-des-lieux",
        "Un conseil en sommeil",
        Phase.DIAGNOSTIC,
        "<p>Le CVS des Glycines ne s'est pas réuni depuis dix-huit mois. Les derniers comptes rendus ne "
        "contiennent que des informations de la direction. Les règles du CVS ont été revues par un décret "
        "d'avril 2022, entré en vigueur en janvier 2023.</p>",
        [
            choice(
                "ecouter",
                "Rencontrer résidents, familles et personnel pour comprendre pourquoi le CVS s'est arrêté",
                R,
                10,
                "elections",
                "Relancer une instance sans savoir pourquoi elle s'est éteinte, c'est reproduire les mêmes causes. "
                "Écouter les personnes concernées fait du diagnostic une première étape de participation.",
            ),
            choice(
                "relire-textes",
                "Rédiger seule, avant tout, un nouveau règlement intérieur conforme au décret de 2022",
                X,
                2,
                "elections",
                "Depuis la réforme de 2022, c'est le conseil lui-même qui adopte son règlement intérieur, lors de "
                "sa première réunion (CASF, art. D. 311-19). Un texte écrit seule par une professionnelle prend "
                "la place d'une décision qui revient aux membres élus, et ne dit rien des attentes des résidents. "
                "Vous pourrez en revanche préparer avec eux un projet qu'ils discuteront et adopteront.",
            ),
            choice(
                "convoquer-vite",
                "Convoquer les anciens membres la semaine prochaine, avec un ordre du jour préparé par la direction",
                X,
                1,
                "seance-direction",
                "Réunir vite l'instance donne l'apparence de la relance, mais sans préparation ni écoute, la "
                "séance risque de ressembler aux précédentes, celles qui avaient découragé les participants.",
            ),
        ],
        documents=[
            document(
                "Dernier compte rendu du CVS",
                "compte_rendu",
                "Points d'information de la direction : travaux de peinture, budget, calendrier des animations.\n"
                "Questions des résidents : aucune.",
            ),
        ],
        start=True,
    ),
    decision(
        "seance-direction",
        "Une séance d'information",
        Phase.DIAGNOSTIC,
        "<p>La séance dure une heure, dont quarante-cinq minutes de présentation du budget. Deux résidents "
        "s'endorment ; M. Girard part avant la fin en disant que « rien ne change ».</p>",
        [
            choice(
                "reprendre",
                "Proposer à la directrice de repartir d'un temps d'écoute des résidents et des familles",
                R,
                8,
                "elections",
                "Reconnaître que la séance n'a pas fonctionné permet de repartir sur de meilleures bases. "
                "L'instance n'existe vraiment que si les résidents y trouvent une place.",
            ),
            choice(
                "considerer-fait",
                "Considérer que le CVS est relancé puisqu'il s'est réuni, et fixer la date de la prochaine séance",
                X,
                0,
                "fin-alibi",
                "Une réunion tenue n'est pas une participation réelle. Fixer la séance suivante "
                "sans rien changer reproduit le même format : un CVS qui ne fait qu'informer les "
                "résidents sert d'alibi et décourage ceux qui y croyaient encore.",
            ),
        ],
    ),
    decision(
        "elections",
        "Des candidats à trouver",
        Phase.MOBILISATION,
        "<p>Il faut organiser l'élection des représentants. Peu de résidents se proposent : « à quoi bon ? ». "
        "Plusieurs ont des troubles de la mémoire ; certaines familles se disent prêtes à « parler pour "
        "eux ».</p>",
        [
            choice(
                "accompagner",
                "Présenter le CVS en petits groupes avec Mme Perrin, en facile à lire, et adapter le vote",
                R,
                10,
                "ordre-du-jour",
                "La participation se prépare : une information accessible, le témoignage d'une pair et un vote "
                "adapté permettent aux résidents, y compris les plus fragiles, de se sentir concernés. Les "
                "familles ont leur place, à côté des résidents.",
            ),
            choice(
                "appel-a-candidatures",
                "Afficher un appel à candidatures dans chaque unité et organiser le vote dans les formes prévues",
                A,
                5,
                "ordre-du-jour",
                "La procédure est respectée, mais un affichage touche peu les résidents qui ne se déplacent plus "
                "ou lisent difficilement. Les candidats risquent d'être ceux qui s'expriment déjà.",
            ),
            choice(
                "familles-seules",
                "Laisser les représentants des familles occuper tous les sièges, les résidents étant trop fatigués",
                X,
                1,
                "ordre-du-jour",
                "Les familles ont leur regard, mais il ne remplace pas celui des résidents. Décider qu'ils sont "
                "trop fatigués pour participer, c'est parler à leur place dès le départ.",
            ),
        ],
    ),
    decision(
        "ordre-du-jour",
        "Qui prépare l'ordre du jour ?",
        Phase.PROJET,
        "<p>Le nouveau CVS est élu ; Mme Perrin en est la présidente. Les textes confient à la présidence la "
        "convocation du conseil, au moins trois fois par an, et la fixation de son ordre du jour (CASF, "
        "art. D. 311-16). La première séance approche : la directrice propose pourtant de préparer l'ordre du "
        "jour « comme d'habitude » et de l'envoyer à Mme Perrin pour signature.</p>",
        [
            choice(
                "preparation-collective",
                "Les représentants recueillent les questions dans chaque "
                "unité ; la présidente arrête ensuite l'ordre du jour",
                R,
                10,
                "seance",
                "L'ordre du jour relève de la présidente (CASF, art. D. 311-16) : vous l'aidez à exercer ce rôle "
                "au lieu de l'exercer pour elle. Le recueil dans les unités permet aux représentants de porter la "
                "parole des autres, pas seulement la leur, et la direction garde la possibilité de proposer ses "
                "propres points.",
            ),
            choice(
                "direction-et-presidente",
                "Laisser la présidente arrêter l'ordre du jour en tête-à-tête "
                "avec la directrice, qui connaît les dossiers",
                A,
                6,
                "seance",
                "La présidente exerce bien son rôle, mais sans recueil auprès des autres résidents les sujets "
                "qui les préoccupent au quotidien risquent de ne pas remonter, et le tête-à-tête avec la direction "
                "peut peser sur ses choix.",
            ),
            choice(
                "direction-seule",
                "Laisser la direction préparer l'ordre du jour comme avant, "
                "et le soumettre à la présidente pour signature",
                X,
                0,
                "fin-alibi",
                "L'ordre du jour revient à la présidente (CASF, art. D. 311-16) : le laisser à la direction prive "
                "l'instance de ce que le texte lui donne, et reproduit ce qui l'avait éteinte.",
            ),
        ],
    ),
    decision(
        "seance",
        "L'heure du dîner",
        Phase.ACTION,
        "<p>En séance, Mme Perrin relaie une demande de nombreux résidents : le dîner, servi à 17 h 45, est trop "
        "tôt. La directrice répond que c'est impossible à cause des horaires des équipes.</p>",
        [
            choice(
                "avis-et-suites",
                "Faire inscrire l'avis au compte rendu, proposer un groupe de travail avec la cuisine et les équipes",
                R,
                10,
                "compte-rendu",
                "Un avis qui reçoit une suite, même négative, montre que la parole compte. Le groupe de travail "
                "réunit ceux qui connaissent les contraintes et ceux qui les vivent : c'est là que des solutions "
                "peuvent naître.",
            ),
            choice(
                "noter",
                "Noter la demande « pour plus tard » et passer au point suivant, pour ne pas braquer la directrice",
                A,
                4,
                "compte-rendu",
                "La demande n'est pas écartée, mais rien ne garantit qu'elle sera traitée. Les résidents jugeront "
                "le CVS sur les suites données à leurs avis.",
            ),
            choice(
                "clore-sujet",
                "Clore le sujet : l'organisation du travail des équipes ne relève pas du CVS mais de la direction",
                X,
                1,
                "compte-rendu",
                "La vie quotidienne, dont les repas, est au cœur de ce qui concerne les résidents. Écarter le "
                "sujet décourage la participation dès la première séance.",
            ),
        ],
    ),
    decision(
        "compte-rendu",
        "Rendre compte à tous",
        Phase.ACTION,
        "<p>Il faut rédiger et diffuser le compte rendu de la séance.</p>",
        [
            choice(
                "falc",
                "Rédiger avec les représentants une version facile à lire, affichée et discutée dans chaque unité",
                R,
                10,
                "bilan",
                "Un compte rendu compréhensible, affiché et discuté fait vivre le lien entre les représentants et "
                "les autres résidents. Il permet à chacun de suivre les suites données aux avis.",
            ),
            choice(
                "version-officielle",
                "Afficher à l'entrée la version officielle du compte rendu, "
                "près du tableau des menus et des animations",
                A,
                4,
                "bilan",
                "Afficher le compte rendu est une bonne pratique, mais un texte long et administratif, placé à "
                "l'entrée, sera peu lu par les résidents.",
            ),
            choice(
                "classer",
                "Transmettre le compte rendu à la direction et aux membres, puis le classer au dossier du CVS",
                X,
                0,
                "bilan",
                "Transmis aux seuls membres puis classé, le compte rendu n'atteint pas les "
                "autres résidents : les représentants sont coupés de ceux qu'ils "
                "représentent, et personne ne sait ce qui a été dit et obtenu.",
            ),
        ],
    ),
    decision(
        "bilan",
        "« À quoi bon ? », de nouveau",
        Phase.EVALUATION,
        "<p>Un an après la relance, le CVS s'est réuni quatre fois. Après un essai, le dîner est servi "
        "trente minutes plus tard dans deux unités. Mais deux demandes attendent une réponse depuis "
        "six mois (une sortie par mois, le suivi du linge égaré), et dans les unités on recommence à "
        "entendre « à quoi bon ». La directrice dit manquer de budget.</p>",
        [
            choice(
                "bilan-partage",
                "Préparer avec la présidente un point en séance sur chaque "
                "avis et sa suite, réponse de la direction comprise",
                R,
                10,
                "fin-vivante",
                "Évaluer les suites données aux avis, c'est mesurer ce qui fait la valeur d'un CVS. "
                "Fait en séance, avec la réponse argumentée de la direction, même négative, le "
                "bilan appartient à l'instance : les résidents voient où en sont leurs demandes et "
                "décident eux-mêmes de ce qu'ils reprennent ou ajustent.",
            ),
            choice(
                "rapport-activite",
                "Mentionner dans le rapport d'activité les avis du CVS, ceux suivis d'effet et ceux en attente",
                A,
                4,
                "fin-formelle",
                "Écrire noir sur blanc quels avis ont été suivis est honnête, mais un rapport d'activité "
                "n'est pas lu dans les unités. Les résidents qui disent « à quoi bon » n'y trouvent pas "
                "de réponse, et l'instance ne discute pas elle-même de ses suites.",
            ),
            choice(
                "pas-de-bilan",
                "Plaider vous-même auprès de la directrice pour les deux "
                "demandes, afin de ne pas décourager les résidents",
                X,
                1,
                "fin-formelle",
                "Votre intention est de protéger l'élan du CVS, mais en plaidant seule vous parlez "
                "à sa place : la réponse de la direction vous est adressée, pas à l'instance, et "
                "les résidents ne voient pas que leurs avis reçoivent une suite.",
            ),
        ],
    ),
    ending(
        "fin-vivante",
        "Un CVS vivant",
        Phase.EVALUATION,
        "<p>Les résidents connaissent leurs représentants, apportent leurs questions et suivent les réponses. "
        "La directrice voit dans le CVS un appui pour améliorer la vie de l'établissement. La participation se "
        "joue à chaque étape : l'ordre du jour, la séance, le compte rendu et les suites.</p>",
    ),
    ending(
        "fin-formelle",
        "Une instance conforme, mais fragile",
        Phase.EVALUATION,
        "<p>Le CVS se réunit comme prévu, mais les résidents s'y intéressent de moins en moins. Sans bilan des "
        "suites données aux avis, l'instance perd son sens pour ceux qu'elle représente.</p>",
    ),
    ending(
        "fin-alibi",
        "Une participation alibi",
        Phase.PROJET,
        "<p>Le CVS se réunit pour écouter la direction. Les résidents n'y viennent plus, les familles s'en "
        "détournent. Une instance animée par la seule direction donne l'apparence de la participation sans en "
        "donner le pouvoir.</p>",
    ),
]

CASE = {
    "slug": SLUG,
    "title": "Relancer le conseil de la vie sociale de l'EHPAD Les Glycines",
    "summary": "Le CVS d'un EHPAD ne se réunit plus depuis dix-huit mois. Comment en refaire un lieu où les "
    "résidents et les familles pèsent vraiment sur la vie de l'établissement ?",
    "territory": "EHPAD Les Glycines (fictif), 80 résidents répartis en quatre unités, dans une petite ville",
    "situation": "<p>Vous êtes conseillère en économie sociale familiale dans l'établissement. Le conseil de "
    "la vie sociale, prévu par la loi du 2 janvier 2002, réunit des représentants des résidents, des familles et "
    "du personnel ainsi que la direction.</p>",
    "people": PEOPLE,
    "objectives": "<ul><li>Comprendre pourquoi une instance de participation s'éteint.</li>"
    "<li>Rendre l'élection et les séances accessibles aux résidents.</li>"
    "<li>Partager la préparation de l'ordre du jour.</li>"
    "<li>Donner des suites visibles aux avis et rendre compte de façon compréhensible.</li></ul>",
    "reflection_prompt": "Dans votre structure, quelles instances donnent la parole aux personnes accompagnées ? "
    "Que deviennent leurs avis ?",
    "domains": ["DC1", "DC3", "DC4"],
    "nodes": NODES,
}
