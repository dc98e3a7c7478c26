"""Demo case C: parents lost with the school's digital tools, from a shared finding to parents helping parents.

Fictional places and people.
"""

from ..graph import Phase
from .builders import A, R, X, choice, decision, document, ending, role

SLUG = "parents-et-outils-numeriques-du-college"

PEOPLE = [
    role(
        "Vous",
        "professionnel",
        "référente familles du centre social du Moulin",
        "Vous coordonnez l'accompagnement à la scolarité et les actions avec les parents du quartier.",
    ),
    role(
        "Mme Benali",
        "personne",
        "mère de deux collégiens",
        "Elle a un smartphone mais n'a jamais réussi à ouvrir l'espace numérique du collège ; elle a peur d'y "
        "découvrir de mauvaises nouvelles.",
    ),
    role(
        "M. Traoré",
        "personne",
        "père d'une élève de cinquième",
        "À l'aise avec les outils numériques, il aide déjà ses voisins de palier.",
    ),
    role(
        "M. Pasquier",
        "partenaire",
        "conseiller principal d'éducation (CPE) du collège des Tanneurs",
        "Il constate que beaucoup de messages envoyés aux familles ne sont jamais lus.",
    ),
    role(
        "Mme Vidal",
        "professionnel",
        "conseillère numérique France Services",
        "Elle tient des permanences au centre social deux demi-journées par semaine.",
    ),
    role(
        "Mme Roux",
        "partenaire",
        "principale du collège",
        "Elle souhaite que les familles soient « autonomes » sur l'espace numérique d'ici la fin de l'année.",
    ),
]

NODES = [
    decision(
        "constat",
        "« Vous pouvez regarder pour moi ? »",
        Phase.DIAGNOSTIC,
        "<p>Pendant l'accompagnement à la scolarité, plusieurs mères vous tendent leur téléphone pour que vous "
        "regardiez les notes et les absences de leurs enfants sur l'espace numérique de travail (ENT) du collège. "
        "Le même jour, le CPE vous appelle : de nombreuses familles du quartier ne se connectent jamais, et des "
        "convocations restent sans réponse.</p>",
        [
            choice(
                "constat-croise",
                "Proposer au collège et aux parents de faire ensemble le point sur ce qui bloque",
                R,
                10,
                "diagnostic",
                "Le constat est partagé par le collège et par le centre social : c'est une base pour un diagnostic "
                "commun. En y associant les parents, vous partez de ce qu'ils vivent plutôt que d'une explication "
                "toute faite (« ils ne s'intéressent pas à la scolarité »).",
            ),
            choice(
                "tutoriel",
                "Distribuer aux familles le tutoriel de connexion fourni par le collège",
                A,
                4,
                "diagnostic",
                "Le tutoriel aidera quelques parents, mais il suppose que le problème est seulement technique. "
                "Rien ne dit encore ce qui retient les familles : la langue, le matériel, les mots de passe ou "
                "l'appréhension.",
            ),
            choice(
                "se-connecter-pour-eux",
                "Vous connecter avec les identifiants des parents pour leur donner les informations",
                X,
                0,
                "identifiants",
                "Vous rendez service, mais en vous connectant à leur place vous accédez à des données personnelles "
                "qui ne vous sont pas destinées, et vous installez une dépendance. L'objectif est que les parents "
                "puissent le faire eux-mêmes.",
            ),
        ],
        documents=[
            document(
                "Message du CPE",
                "courrier",
                "Sur les 120 familles du quartier du Moulin, 45 ne se sont jamais connectées à l'ENT cette année. "
                "Nous ne savons pas comment les joindre autrement que par le carnet de correspondance.",
            ),
        ],
        start=True,
    ),
    decision(
        "identifiants",
        "Un carnet de mots de passe",
        Phase.DIAGNOSTIC,
        "<p>En trois semaines, vous vous êtes connectée pour cinq familles. Une mère vous laisse désormais son mot "
        "de passe « parce que c'est plus simple ». Une collègue s'en inquiète.</p>",
        [
            choice(
                "arreter-expliquer",
                "Arrêter, expliquer aux familles pourquoi, et leur proposer d'apprendre ensemble",
                R,
                8,
                "diagnostic",
                "Revenir sur une pratique est une marque de professionnalisme. Les identifiants sont personnels ; "
                "les garder vous expose et prive les parents de leur autonomie. Expliquer la raison aux familles "
                "ouvre la voie à un travail collectif.",
            ),
            choice(
                "carnet",
                "Continuer, en notant les mots de passe dans un carnet rangé sous clé, pour gagner du temps",
                X,
                0,
                "fin-dependance",
                "Conserver les mots de passe de familles est une faute de confidentialité et de sécurité. Le "
                "service rendu aujourd'hui crée une dépendance qui durera autant que votre présence.",
            ),
        ],
    ),
    decision(
        "diagnostic",
        "Ce qui bloque vraiment",
        Phase.DIAGNOSTIC,
        "<p>Onze parents viennent à une rencontre avec le CPE et la conseillère numérique. La plupart ont un "
        "smartphone, peu ont un ordinateur. Certains ne lisent pas bien le français ; d'autres redoutent ce qu'ils "
        "vont découvrir. Beaucoup ignorent qu'ils peuvent demander une information sur papier. M. Traoré et une "
        "autre mère aident déjà des voisins.</p>",
        [
            choice(
                "ressources-et-manques",
                "Recenser avec les parents difficultés et ressources (entraide déjà là), puis fixer les priorités",
                R,
                10,
                "mobilisation",
                "Un diagnostic partagé recense les ressources autant que les manques. Reconnaître que des parents "
                "savent déjà faire et aident leurs voisins, c'est s'appuyer sur des savoirs d'expérience et "
                "préparer un projet porté par les familles.",
            ),
            choice(
                "liste-difficultes",
                "Rédiger la liste des difficultés relevées et l'envoyer au CPE pour qu'il la transmette à la direction",
                A,
                5,
                "mobilisation",
                "La liste sera utile au collège, mais elle ne retient que les manques et elle ne revient pas vers "
                "les parents. Ils risquent de ne pas s'y reconnaître.",
            ),
            choice(
                "equiper",
                "Chercher un financement pour équiper chaque famille d'une tablette, avec une prise en main",
                X,
                2,
                "mobilisation",
                "Le matériel n'est qu'une partie du problème : les familles ont déjà des smartphones. Une réponse "
                "décidée sans elles, centrée sur l'équipement, laisse de côté la langue, la confiance et le lien "
                "avec le collège.",
            ),
        ],
    ),
    decision(
        "mobilisation",
        "Atteindre les parents qui ne viennent pas",
        Phase.MOBILISATION,
        "<p>Le groupe veut toucher les 45 familles qui ne se connectent jamais. Elles ne viennent ni aux "
        "réunions du collège ni au centre social.</p>",
        [
            choice(
                "parents-relais",
                "Aller vers les familles avec des parents volontaires, à la sortie du collège et au marché",
                R,
                10,
                "qui-anime",
                "L'« aller vers » avec des pairs lève bien des réticences : un parent du quartier qui dit « moi "
                "aussi j'avais du mal » convainc mieux qu'une affiche. Les parents du groupe deviennent acteurs "
                "de la mobilisation.",
            ),
            choice(
                "mot-dans-le-carnet",
                "Glisser une invitation dans le carnet de correspondance, avec un coupon-réponse",
                A,
                4,
                "qui-anime",
                "Le carnet atteint toutes les familles, mais un écrit de plus ne lève ni la barrière de la langue "
                "ni la méfiance. Quelques familles viendront, souvent les moins éloignées.",
            ),
            choice(
                "obligation",
                "Demander au collège de rendre les ateliers obligatoires pour les parents d'élèves souvent absents",
                X,
                0,
                "fin-defiance",
                "La contrainte transforme une proposition d'appui en sanction. Les familles visées se sentent "
                "accusées, et la participation cesse d'être libre : c'est l'inverse d'une démarche collective.",
            ),
        ],
    ),
    decision(
        "qui-anime",
        "Qui anime les ateliers ?",
        Phase.PROJET,
        "<p>Le groupe prévoit des ateliers le samedi matin au centre social. Reste à décider qui les anime et ce "
        "qu'on y vise.</p>",
        [
            choice(
                "binomes",
                "Ateliers en binômes de parents avec la conseillère numérique, "
                "visant l'autonomie, et une voie papier gardée",
                R,
                10,
                "ateliers",
                "Les binômes font circuler les savoirs entre parents, et ceux qui progressent peuvent devenir "
                "relais. Viser l'autonomie plutôt que le dépannage, et garder avec le collège une voie non "
                "numérique pour ceux qui en ont besoin, évite qu'une partie des familles reste à l'écart.",
            ),
            choice(
                "conseillere-seule",
                "Confier tous les ateliers à la conseillère numérique, dont "
                "c'est le métier, avec un programme progressif",
                A,
                6,
                "ateliers",
                "La conseillère numérique a les compétences pour enseigner. Mais sans rôle pour les parents, les "
                "ateliers deviennent des cours, et l'entraide repérée pendant le diagnostic n'est pas mobilisée.",
            ),
            choice(
                "programme-fixe",
                "Les animer vous-même, avec un programme préparé à l'avance : connexion, notes, absences, messagerie",
                X,
                2,
                "ateliers",
                "Un programme préparé sans les parents risque de ne pas répondre à leurs questions. Et vous "
                "n'êtes pas la mieux placée pour la médiation numérique : la coopération avec la conseillère "
                "numérique vaut mieux que la juxtaposition des rôles.",
            ),
        ],
    ),
    decision(
        "ateliers",
        "Ce que les ateliers font apparaître",
        Phase.ACTION,
        "<p>Après six ateliers, une vingtaine de parents savent se connecter. Ils ont découvert que les absences "
        "ne sont signalées que par l'application, et que les comptes bloqués mettent des semaines à être "
        "réactivés. La principale propose de vous « envoyer toutes les familles en difficulté ».</p>",
        [
            choice(
                "retour-au-college",
                "Préparer avec les parents une rencontre au collège où ils présentent ce qui devrait changer",
                R,
                10,
                "evaluation",
                "Les difficultés ne viennent pas que des familles : l'organisation du collège en crée aussi. Faire "
                "remonter les dysfonctionnements par les parents eux-mêmes change la relation avec l'institution "
                "et évite que le centre social devienne un simple guichet de dépannage.",
            ),
            choice(
                "accepter",
                "Accueillir toutes les familles que le collège orientera, en ouvrant un atelier de plus",
                A,
                4,
                "evaluation",
                "Accueillir plus de familles est utile, mais sans discussion avec le collège sur ses propres "
                "pratiques, le problème se déplace au centre social au lieu d'être traité.",
            ),
            choice(
                "publier-critique",
                "Publier sur la page du centre social un article sur les blocages de l'ENT, pour alerter le collège",
                X,
                1,
                "fin-defiance",
                "Interpeller publiquement un partenaire sans dialogue préalable, et sans que les parents l'aient "
                "décidé, rompt la coopération et expose les familles dans leurs relations avec l'école.",
            ),
        ],
    ),
    decision(
        "evaluation",
        "Un succès à partager",
        Phase.EVALUATION,
        "<p>L'année se termine. Le collège a ajouté des envois sur papier à la demande et une permanence à la "
        "rentrée ; quatre binômes de parents continuent de s'entraider. La principale veut présenter ces résultats "
        "à la réunion de rentrée comme le « plan numérique du collège », et vous demande une page de bilan.</p>",
        [
            choice(
                "mesurer-autonomie",
                "Préparer avec les parents un bilan qu'ils présenteront eux-mêmes à la réunion de rentrée",
                R,
                10,
                "fin-autonomie",
                "Le succès est partagé : le collège a changé ses pratiques, les parents ont gagné en "
                "autonomie. Faire le bilan avec les parents (ce qu'ils savent faire seuls, les binômes "
                "actifs, ce qui a changé au collège) et leur laisser la parole devant l'institution "
                "montre qui a porté l'action, sans rompre le partenariat.",
            ),
            choice(
                "compter-ateliers",
                "Envoyer à la principale la page demandée : ateliers, participants, changements",
                A,
                4,
                "fin-mitigee",
                "Répondre à un partenaire est normal, et les chiffres sont utiles. Mais une page rédigée "
                "par vous laisse l'institution raconter seule l'histoire : les parents, qui ont fait "
                "remonter les blocages, disparaissent du bilan et ne décident pas de la suite.",
            ),
            choice(
                "questionnaire-en-ligne",
                "Demander à la principale de ne pas présenter ces résultats, dont le mérite revient aux parents",
                X,
                1,
                "fin-mitigee",
                "Vous défendez les parents, mais sans leur demander leur avis, et vous faites du collège un "
                "adversaire alors que ses changements comptent aussi. La question n'est pas à qui revient le "
                "mérite, mais qui prend la parole : c'est avec les parents qu'elle se règle.",
            ),
        ],
    ),
    ending(
        "fin-autonomie",
        "Des parents qui se font confiance",
        Phase.EVALUATION,
        "<p>À la rentrée, des parents du groupe accueillent eux-mêmes les nouvelles familles, et le collège "
        "associe le centre social à sa réunion de rentrée. L'objectif n'était pas de faire à la place des "
        "parents, mais qu'ils puissent faire seuls ou entre eux, avec une voie non numérique pour qui en a "
        "besoin.</p>",
    ),
    ending(
        "fin-mitigee",
        "Des ateliers sans lendemain",
        Phase.EVALUATION,
        "<p>Les ateliers ont rendu service, mais les parents ne se reconnaissent pas dans le bilan présenté à la "
        "rentrée, et le groupe ne se retrouve pas. Évaluer l'autonomie gagnée et les changements obtenus avec les "
        "parents, et leur laisser la parole devant l'institution, aurait donné des raisons de continuer.</p>",
    ),
    ending(
        "fin-dependance",
        "Une dépendance installée",
        Phase.DIAGNOSTIC,
        "<p>Vous êtes devenue l'intermédiaire obligée entre les familles et le collège, et vous détenez des "
        "identifiants qui ne vous appartiennent pas. En médiation numérique, on ne se connecte pas à la place "
        "des personnes : on les accompagne vers l'autonomie.</p>",
    ),
    ending(
        "fin-defiance",
        "La confiance perdue",
        Phase.ACTION,
        "<p>Les familles se sentent mises en cause et la relation avec le collège se tend. La démarche collective "
        "suppose une participation libre et un dialogue avec les partenaires avant toute interpellation "
        "publique, décidée par le groupe.</p>",
    ),
]

CASE = {
    "slug": SLUG,
    "title": "Parents et outils numériques du collège",
    "summary": "Des parents tendent leur téléphone pour qu'on lise à leur place l'espace numérique du collège. "
    "Comment passer du dépannage à l'autonomie, avec les familles et avec l'école ?",
    "territory": "Quartier du Moulin (fictif), quartier d'habitat social d'une ville de 30 000 habitants, "
    "desservi par le collège des Tanneurs",
    "situation": "<p>Vous êtes référente familles au centre social du Moulin. Le collège utilise un espace "
    "numérique de travail pour les notes, les absences et les messages aux familles. Une conseillère "
    "numérique France Services tient des permanences au centre social.</p>",
    "people": PEOPLE,
    "objectives": "<ul><li>Construire un constat partagé entre familles, collège et centre social.</li>"
    "<li>Distinguer l'accompagnement vers l'autonomie du fait de faire à la place.</li>"
    "<li>Décider avec le groupe qui anime les ateliers.</li>"
    "<li>Faire remonter les dysfonctionnements à l'institution avec les parents.</li></ul>",
    "reflection_prompt": "Quand vous rendez un service numérique à une personne, comment faites-vous la différence "
    "entre l'aider à faire et faire à sa place ?",
    "domains": ["DC1", "DC3", "DC4"],
    "nodes": NODES,
}
