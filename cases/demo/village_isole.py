"""Demo case B: older people living alone in a village, from scattered signals to a café-rencontre they run.

Fictional places and people.
"""

from ..graph import Phase
from .builders import A, R, X, choice, decision, document, ending, role

SLUG = "isolement-des-aines-a-orvenne"

PEOPLE = [
    role(
        "Vous",
        "professionnel",
        "travailleuse sociale du centre social intercommunal",
        "Vous êtes chargée des actions en direction des personnes âgées sur huit communes rurales.",
    ),
    role(
        "Mme Ferrand",
        "personne",
        "84 ans, veuve, vit seule à la sortie du bourg",
        "Ancienne couturière, elle ne conduit plus depuis deux ans. Elle dit « ne plus voir personne ».",
    ),
    role(
        "M. Berthier",
        "personne",
        "79 ans, ancien agriculteur",
        "Il entretient encore un grand potager et refuse tout ce qui ressemble à « une animation pour vieux ».",
    ),
    role(
        "Mme Lopes",
        "partenaire",
        "pharmacienne du bourg",
        "Elle voit passer chaque semaine des clients qui lui confient leur solitude.",
    ),
    role(
        "Le CCAS d'Orvenne",
        "partenaire",
        "centre communal d'action sociale",
        "Il tient le registre des personnes vulnérables ouvert pour les épisodes de canicule.",
    ),
    role(
        "M. Chabert",
        "elu",
        "maire d'Orvenne",
        "Il propose volontiers la salle des fêtes et attend des résultats visibles avant les prochaines élections.",
    ),
    role(
        "Le club des aînés",
        "partenaire",
        "association de bénévoles",
        "Une dizaine de membres actifs, qui organisent un loto mensuel.",
    ),
]

NODES = [
    decision(
        "signaux",
        "Des signaux dispersés",
        Phase.DIAGNOSTIC,
        "<p>Après un été très chaud, le CCAS d'Orvenne a appelé les personnes inscrites sur son registre. La "
        "secrétaire de mairie vous signale que plusieurs d'entre elles n'avaient parlé à personne depuis des "
        "jours. La pharmacienne et le facteur font le même constat pour d'autres habitants, qui ne figurent sur "
        "aucune liste.</p>",
        [
            choice(
                "croiser-reperages",
                "Croiser les repérages de la pharmacienne, du facteur et des aides à domicile, puis rendre visite",
                R,
                10,
                "visites",
                "Chaque acteur voit une partie de la réalité ; les réunir donne une image plus juste. Et aller "
                "vers les personnes, au lieu d'attendre qu'elles demandent, permet d'entendre ce qu'elles vivent "
                "et souhaitent : c'est le premier pas d'un diagnostic partagé.",
            ),
            choice(
                "s-en-tenir-au-registre",
                "Appeler puis visiter en priorité les personnes inscrites au registre canicule du CCAS",
                A,
                4,
                "visites",
                "Le registre est une bonne porte d'entrée, mais il ne recense que les personnes qui "
                "ont accepté d'y figurer. Les plus isolées en sont souvent absentes : vous "
                "découvrirez plus tard qu'il vous manquait une bonne moitié des situations.",
            ),
            choice(
                "programme-animations",
                "Monter tout de suite avec le club des aînés un programme d'animations : jeux, goûters, sorties en car",
                X,
                1,
                "loto-desert",
                "Vous répondez avant d'avoir compris. Des animations décidées sans les personnes concernées "
                "attirent surtout celles et ceux qui sortent déjà ; elles ne disent rien des raisons de "
                "l'isolement.",
            ),
        ],
        documents=[
            document(
                "Note de la secrétaire de mairie",
                "courrier",
                "Appels du registre canicule : 23 personnes jointes, dont 9 vivent seules sans visite régulière. "
                "Trois ont demandé « si quelqu'un pouvait passer ».",
            ),
        ],
        start=True,
    ),
    decision(
        "loto-desert",
        "Un après-midi presque vide",
        Phase.DIAGNOSTIC,
        "<p>Le premier après-midi jeux a lieu à la salle des fêtes. Quatre personnes viennent, toutes membres du "
        "club. Le maire vous demande pourquoi « les personnes isolées ne se déplacent pas ».</p>",
        [
            choice(
                "aller-demander",
                "Aller voir chez elles les personnes absentes pour comprendre ce qui les retient",
                R,
                8,
                "visites",
                "L'échec est une information : il montre que la réponse ne correspondait pas aux attentes ou aux "
                "possibilités des personnes. Repartir de leur point de vue, c'est remettre le diagnostic à sa "
                "place, avant l'action.",
            ),
            choice(
                "plus-d-affiches",
                "Afficher chez les commerçants et dans le bulletin municipal, puis reprogrammer un après-midi",
                X,
                1,
                "fin-entre-soi",
                "Communiquer davantage sur une réponse que personne n'a demandée ne change rien : les personnes "
                "isolées n'ont souvent pas de moyen de venir, ou pas l'envie d'une activité pensée pour elles.",
            ),
        ],
    ),
    decision(
        "visites",
        "Ce que disent les personnes",
        Phase.DIAGNOSTIC,
        "<p>Avec une bénévole du CCAS, vous rencontrez quatorze personnes. Beaucoup ne sortent plus depuis la "
        "fermeture du café et la suppression de la ligne de car du jeudi. Elles aimeraient « voir du monde », "
        "mais pas « faire des activités ». Mme Ferrand propose de recoudre des ourlets, M. Berthier a trop de "
        "légumes pour lui seul.</p>",
        [
            choice(
                "restitution",
                "Réunir personnes rencontrées, mairie et partenaires pour valider et compléter ces constats",
                R,
                10,
                "premiere-rencontre",
                "La restitution permet aux personnes de se reconnaître dans le diagnostic et de le corriger. Elle "
                "met en lumière les ressources (savoir-faire, potager, voisinage) autant que les manques : "
                "c'est sur elles qu'un projet pourra s'appuyer.",
            ),
            choice(
                "rapport-mairie",
                "Rédiger pour le maire une note sur la fermeture du café et la ligne de car supprimée du jeudi",
                A,
                5,
                "premiere-rencontre",
                "Informer l'élu est utile, car la mobilité et les lieux de rencontre relèvent aussi de la commune. "
                "Mais sans retour vers les personnes, le diagnostic reste le vôtre : elles n'ont pas l'occasion de "
                "le valider ni de s'y engager.",
            ),
            choice(
                "aides-individuelles",
                "Proposer à chaque personne une heure d'aide à domicile en plus par semaine, avec une visite de suivi",
                X,
                2,
                "premiere-rencontre",
                "Une aide à domicile rend service, mais elle ne répond pas au manque de liens entre les habitants. "
                "Traiter l'isolement une personne à la fois passe à côté de ce qu'elles ont exprimé : l'envie de "
                "se retrouver.",
            ),
        ],
        documents=[
            document(
                "Extraits des visites",
                "temoignage",
                "« Depuis que le café a fermé, je ne sais plus où aller. »\n"
                "« Je ne vais pas aller jouer au loto avec des gens que je ne connais pas. »\n"
                "« Si quelqu'un m'emmenait, je viendrais bien boire un café. »",
            ),
        ],
    ),
    decision(
        "premiere-rencontre",
        "Constituer le groupe",
        Phase.MOBILISATION,
        "<p>Neuf personnes viennent à une première rencontre, avec trois membres du club des aînés et une "
        "enseignante retraitée qui veulent « s'occuper de tout ». Votre responsable vous demande combien de "
        "temps vous comptez y consacrer.</p>",
        [
            choice(
                "roles-partages",
                "Fixer votre temps avec votre responsable, puis confier des rôles aux participants, bénévoles en appui",
                R,
                10,
                "lieu-et-rythme",
                "Un mandat clair protège l'action dans la durée. Confier des rôles aux participants fait d'eux les "
                "acteurs de la rencontre et non son public ; les bénévoles sont précieux, à condition d'agir avec "
                "les personnes plutôt qu'à leur place.",
            ),
            choice(
                "vous-animez",
                "Animer vous-même chaque rencontre les premiers mois, pour en garantir la régularité",
                A,
                5,
                "lieu-et-rythme",
                "Votre présence rassure au démarrage. Mais si tout repose sur vous, le groupe s'arrêtera dès que "
                "vous ne serez plus disponible : pensez dès maintenant à la passation des rôles.",
            ),
            choice(
                "benevoles-pilotes",
                "Confier l'organisation à l'enseignante retraitée et au club, motivés, avec vous en appui",
                X,
                2,
                "lieu-et-rythme",
                "La motivation des bénévoles ne remplace pas celle des personnes concernées. Une rencontre "
                "organisée « pour » les aînés isolés reproduit le schéma de l'animation proposée, qui n'avait pas "
                "fonctionné ; les participants redeviennent des invités.",
            ),
        ],
    ),
    decision(
        "lieu-et-rythme",
        "Où et quand se retrouver ?",
        Phase.PROJET,
        "<p>Le groupe discute du projet. La salle des fêtes est froide et éloignée du centre ; la boulangère "
        "propose son arrière-salle le jeudi après-midi. Certains veulent se voir chaque semaine, d'autres une "
        "fois par mois. Quatre personnes n'ont aucun moyen de transport.</p>",
        [
            choice(
                "le-groupe-decide",
                "Poser avec le groupe des critères (accès, transport, coût) "
                "et le laisser choisir, à l'essai trois mois",
                R,
                10,
                "en-route",
                "Le lieu et le rythme ne sont pas des détails : ils décident de qui pourra venir. Des critères "
                "explicites aident le groupe à trancher lui-même, et l'essai limité dans le temps permet d'ajuster "
                "sans se déjuger.",
            ),
            choice(
                "salle-des-fetes",
                "Retenir la salle des fêtes, prêtée gratuitement par le maire, un jeudi sur deux à 14 h",
                A,
                4,
                "en-route",
                "Le soutien de la commune compte, et la salle est gratuite. Mais choisir par commodité "
                "institutionnelle, sans le groupe, risque d'écarter les personnes qui ne peuvent pas s'y rendre.",
            ),
            choice(
                "centre-social",
                "Organiser les rencontres au centre social du bourg-centre, à dix kilomètres, mieux équipé",
                X,
                1,
                "fin-entre-soi",
                "Le lieu vous arrange, pas les personnes. Sans transport, les plus isolées ne viendront pas, et le "
                "groupe se réduira aux habitants qui sortent déjà.",
            ),
        ],
    ),
    decision(
        "en-route",
        "Le café du jeudi",
        Phase.ACTION,
        "<p>Depuis deux mois, « le café du jeudi » réunit une quinzaine de personnes. M. Berthier apporte ses "
        "légumes, Mme Ferrand tient l'accueil. Mais une participante monopolise la parole et une nouvelle venue "
        "n'est pas revenue. Personne ne sait pourquoi Mme Aubry ne vient plus.</p>",
        [
            choice(
                "regles-ensemble",
                "Proposer au groupe de fixer ses règles et de prendre lui-même des nouvelles des absents",
                R,
                10,
                "bilan",
                "Des règles construites ensemble (tour de parole, accueil des nouveaux) régulent le groupe sans "
                "désigner de coupable. Prendre des nouvelles des absents fait du café un réseau d'entraide, pas "
                "seulement un rendez-vous.",
            ),
            choice(
                "entretien-prive",
                "Prendre à part la participante qui monopolise la parole pour en parler avec elle",
                A,
                5,
                "bilan",
                "Un échange individuel peut apaiser, mais il fait de vous l'arbitre du groupe. La régulation est "
                "plus durable quand le groupe se donne lui-même ses règles.",
            ),
            choice(
                "ecarter",
                "Lui demander de ne plus venir quelque temps, pour préserver l'ambiance et les nouveaux venus",
                X,
                0,
                "fin-division",
                "Exclure une personne isolée pour résoudre une difficulté de fonctionnement va à l'encontre du "
                "but poursuivi. Les conflits font partie de la vie d'un groupe ; ils se travaillent avec lui.",
            ),
        ],
    ),
    decision(
        "bilan",
        "Qui soutiendra le café ?",
        Phase.EVALUATION,
        "<p>Six mois plus tard, le temps que votre responsable vous avait accordé touche à sa fin. Une "
        "équipe citoyenne MONALISA du département propose de soutenir le café ; le club des aînés se "
        "dit prêt à « le reprendre ». Trois participants ont repris contact avec d'anciens voisins ; "
        "le covoiturage fonctionne, mais repose sur deux conducteurs.</p>",
        [
            choice(
                "bilan-avec-le-groupe",
                "Présenter les deux offres au groupe et l'aider à choisir ses appuis et ses relais de covoiturage",
                R,
                10,
                "fin-reseau",
                "Faire le point avec les participants sur ce que le café leur apporte (liens, "
                "entraide) et sur ce qui le fragilise, comme le covoiturage à deux conducteurs, leur "
                "permet de choisir eux-mêmes leurs alliés et la forme de la suite. Votre retrait se "
                "prépare avec eux : vous passez d'animatrice à personne-ressource.",
            ),
            choice(
                "chiffres",
                "Signer avec l'équipe MONALISA une convention de soutien au café, puis l'annoncer au groupe",
                A,
                4,
                "fin-fragile",
                "Le soutien d'une équipe citoyenne est une vraie ressource, mais en signant seule vous choisissez "
                "les alliés du groupe à sa place. Les participants deviennent les bénéficiaires d'un partenariat "
                "qu'ils n'ont pas discuté, et personne ne s'occupe de la fragilité du covoiturage.",
            ),
            choice(
                "passer-la-main",
                "Confier le café au club des aînés, qui le demande et "
                "connaît les lieux, et vous retirer à la fin du mois",
                X,
                2,
                "fin-fragile",
                "Se retirer peut être l'objectif, mais cela se prépare avec le groupe. Une passation "
                "décidée sans lui, vers une association qui n'a pas porté le projet, fragilise ce qui a "
                "été construit et fait des participants les invités d'une animation de plus.",
            ),
        ],
    ),
    ending(
        "fin-reseau",
        "Un réseau de voisinage",
        Phase.EVALUATION,
        "<p>Le café du jeudi continue, animé par ses participants, avec l'appui d'une équipe citoyenne. Les "
        "personnes se rendent visite entre deux rencontres. Vous êtes passée d'animatrice à personne-ressource. "
        "À retenir : partir de ce que les personnes expriment, leur confier des rôles et évaluer avec elles.</p>",
    ),
    ending(
        "fin-fragile",
        "Un rendez-vous sans relève",
        Phase.EVALUATION,
        "<p>Le café tient quelques mois puis s'étiole quand un conducteur déménage. Le groupe n'avait pas été "
        "associé au choix de ses appuis ni à la suite. Un bilan partagé aurait fait apparaître "
        "cette fragilité à temps.</p>",
    ),
    ending(
        "fin-entre-soi",
        "Entre habitués",
        Phase.PROJET,
        "<p>Les rencontres réunissent surtout des personnes déjà entourées. Celles qui étaient isolées restent "
        "chez elles. Le lieu, l'horaire et le transport décident de qui participe : ils se choisissent avec les "
        "personnes concernées.</p>",
    ),
    ending(
        "fin-division",
        "Un groupe qui se défait",
        Phase.ACTION,
        "<p>L'exclusion divise le groupe : certains prennent la défense de la participante, d'autres cessent de "
        "venir. Un conflit se travaille avec le groupe, par des règles communes, plutôt qu'en écartant une "
        "personne.</p>",
    ),
]

CASE = {
    "slug": SLUG,
    "title": "Aînés isolés à Orvenne : du repérage au café du jeudi",
    "summary": "Un été de canicule révèle l'isolement de plusieurs habitants âgés d'un village. Comment passer "
    "de signaux dispersés à un lieu de rencontre que les personnes font vivre elles-mêmes ?",
    "territory": "Orvenne (commune fictive), village rural de 900 habitants : le café a fermé, il reste une "
    "boulangerie et une pharmacie",
    "situation": "<p>Vous travaillez au centre social intercommunal. La commune a un CCAS sans personnel dédié ; "
    "un club des aînés organise un loto mensuel. La ligne de car du jeudi a été supprimée l'an dernier.</p>",
    "people": PEOPLE,
    "objectives": "<ul><li>Croiser les repérages pour construire un diagnostic avec les personnes.</li>"
    "<li>Choisir le lieu et le rythme des rencontres avec le groupe.</li>"
    "<li>Définir la place des bénévoles à côté des participants.</li>"
    "<li>Confier des rôles aux participants et évaluer avec eux.</li></ul>",
    "reflection_prompt": "Sur votre territoire, qui repère les personnes isolées qui ne demandent rien ? Comment "
    "pourriez-vous croiser ces regards sans décider à la place des personnes ?",
    "domains": ["DC1", "DC2", "DC4"],
    "nodes": NODES,
}
