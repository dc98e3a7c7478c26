"""Module: médiation numérique and digital inclusion (2018 strategy, Aidants Connect, conseillers numériques, PIX)."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    CASE_SCHOOL_DIGITAL,
    QUIZ_MEDIATION,
    STRATEGIE_NUMERIQUE,
    TRIBUNE_FONDA,
    TRIBUNE_RESEAUX,
    case_ref,
    glossary,
    heading,
    key_points,
    quiz_ref,
    reading,
    reflection,
    testimony,
    text,
)

COURSE = {
    "slug": "mediation-numerique-et-inclusion",
    "title": "Médiation numérique et inclusion numérique",
    "summary": "Accompagner vers l'autonomie numérique sans faire à la place : les enjeux d'accès aux droits, "
    "le cadre d'Aidants Connect, les acteurs de l'inclusion numérique et des ateliers collectifs qui visent "
    "l'autonomie.",
    "objectives": "<ul><li>Relier exclusion numérique et non-recours aux droits.</li>"
    "<li>Appliquer les règles du mandat Aidants Connect et ne jamais utiliser les identifiants d'autrui.</li>"
    "<li>Identifier les acteurs de l'inclusion numérique d'un territoire.</li>"
    "<li>Concevoir un atelier collectif qui vise l'autonomie et garde une voie non numérique.</li></ul>",
    "audience": "Agent·es d'accueil, travailleur·ses sociaux·ales, conseiller·es numériques, agent·es France Services",
    "level": CoursePage.Level.DISCOVERY,
    "sequencing": CoursePage.Sequencing.FREE,
    "domains": ["DC1", "DC4"],
    "lessons": [
        {
            "slug": "exclusion-numerique-et-acces-aux-droits",
            "objectives": [
                "Expliquer en quoi l'exclusion numérique est un enjeu d'accès aux droits.",
                "Dater et sourcer les chiffres de l'éloignement numérique.",
            ],
            "title": "L'exclusion numérique, un enjeu d'accès aux droits",
            "summary": "Quand les démarches passent en ligne, ne pas savoir ou ne pas pouvoir s'en servir éloigne "
            "des droits.",
            "body": [
                heading("13 millions de personnes éloignées du numérique"),
                text(
                    "<p>En 2018, la Stratégie nationale pour un numérique inclusif, présentée le 13 septembre, "
                    "estimait à <b>13 millions</b> le nombre de Français·es éloigné·es du numérique. Pour "
                    "beaucoup, la difficulté ne tient pas seulement à l'équipement : elle touche aussi la "
                    "maîtrise des outils, la confiance, la compréhension des démarches.</p>"
                    "<p>Quand une aide se demande uniquement en ligne, ces difficultés se traduisent en "
                    "<b>non-recours</b>. Une réponse au cas par cas, où un·e intervenant·e connecté·e fait la "
                    "démarche à la place de la personne, règle le dossier du jour mais ne rend pas la personne "
                    "plus autonome.</p>"
                ),
                heading("Plusieurs formes d'éloignement", "h3"),
                text(
                    "<p>Parler d'« exclusion numérique » au singulier masque des situations très différentes. "
                    "Certaines personnes n'ont pas d'équipement ou de connexion fiable : un forfait limité, un "
                    "téléphone partagé, pas d'ordinateur pour remplir un long formulaire. D'autres sont "
                    "équipées mais ne maîtrisent pas les gestes utiles : créer un mot de passe, retrouver un "
                    "courriel, joindre un justificatif. D'autres encore savent se servir des outils mais se "
                    "perdent dans la logique des démarches administratives, qui resterait difficile sur "
                    "papier. Enfin, beaucoup manquent de confiance : la peur de se tromper, de « casser » "
                    "quelque chose ou de perdre un droit suffit à faire renoncer.</p>"
                    "<p>Ces difficultés se cumulent souvent avec d'autres : âge, handicap, maîtrise du "
                    "français, isolement, précarité. Elles ne se voient pas toujours : une personne jeune et "
                    "équipée d'un smartphone peut être incapable de déclarer ses revenus en ligne.</p>"
                ),
                heading("Ce que cela change pour le travail social", "h3"),
                text(
                    "<p>Repérer ces difficultés fait désormais partie de l'accueil. Une question simple "
                    "(« Comment faites-vous d'habitude pour vos démarches ? ») en apprend plus qu'un test. "
                    "La réponse ne consiste pas à tout faire à la place des personnes, ni à les renvoyer vers "
                    "un atelier sans suite : elle se construit avec elles, en distinguant ce qu'elles veulent "
                    "apprendre, ce qu'elles préfèrent déléguer, et ce qui doit rester possible sans écran.</p>"
                    "<p>C'est aussi une question collective : quand les mêmes blocages reviennent, ils "
                    "méritent d'être signalés aux organismes concernés, qui peuvent simplifier un formulaire ou "
                    "rétablir un accueil physique.</p>"
                ),
                glossary("Médiation numérique", "Accompagnement des personnes vers l'autonomie numérique."),
                glossary("Non-recours", "Le fait de ne pas percevoir un droit auquel on peut prétendre."),
                testimony(
                    "Je n'osais pas dire que je ne savais pas ouvrir une pièce jointe. Au guichet, on me "
                    "répondait « c'est sur le site ». Alors je n'ai pas demandé la prime.",
                    "Gérard",
                    "retraité, participant à un atelier numérique (témoignage fictif)",
                ),
                key_points(
                    "L'exclusion numérique produit du non-recours aux droits.",
                    "Faire à la place règle un dossier, pas la difficulté.",
                    "Une voie non numérique doit rester possible pour les démarches sociales.",
                ),
                reading(STRATEGIE_NUMERIQUE, TRIBUNE_FONDA),
            ],
        },
        {
            "slug": "aidants-connect-faire-a-la-place-en-securite",
            "objectives": [
                "Décrire le mandat Aidants Connect et ses limites.",
                "Savoir quand faire une démarche pour quelqu'un et quand l'accompagner à la faire.",
            ],
            "title": "Faire une démarche pour quelqu'un, en sécurité : Aidants Connect",
            "summary": "Quand il faut vraiment agir à la place d'une personne, un mandat limité et traçable la "
            "protège.",
            "body": [
                heading("Le mandat Aidants Connect"),
                text(
                    "<p>Avec <b>Aidants Connect</b>, un <b>aidant professionnel habilité</b> (travailleur·se "
                    "social·e, agent·e France Services, agent·e de CCAS...) peut réaliser une démarche en ligne "
                    "pour le compte d'un·e usager·e. Il le fait dans le cadre d'un <b>mandat</b> :</p>"
                    "<ul><li>limité à des démarches précises, choisies avec la personne ;</li>"
                    "<li>d'une durée d'un an au plus ;</li>"
                    "<li>signé par la personne au moyen de FranceConnect.</li></ul>"
                    "<p>Les bénévoles, les volontaires en service civique et les aidant·es familiaux·ales ne "
                    "peuvent pas utiliser ce dispositif.</p>"
                ),
                glossary(
                    "Aidants Connect",
                    "Mandat numérique sécurisé pour les démarches faites par un aidant professionnel.",
                ),
                heading("Ce qu'on ne fait jamais", "h3"),
                text(
                    "<p>Se connecter avec les identifiants d'une personne, même à sa demande, même pour aller "
                    "plus vite, la prive de la maîtrise de ses données et engage la responsabilité du ou de la "
                    "professionnel·le. Le mandat existe précisément pour éviter cette pratique.</p>"
                ),
                reflection(prompts.PROMPT_DIGITAL),
                key_points(
                    "Seul un aidant professionnel habilité peut utiliser Aidants Connect.",
                    "Le mandat porte sur des démarches précises, pour un an au plus.",
                    "Ne jamais utiliser les identifiants d'une autre personne.",
                ),
                reading(STRATEGIE_NUMERIQUE),
            ],
        },
        {
            "slug": "acteurs-de-l-inclusion-numerique",
            "objectives": [
                "Identifier les acteurs de l'inclusion numérique d'un territoire.",
                "Situer dans le temps le programme des conseillers numériques.",
            ],
            "title": "Les acteurs de l'inclusion numérique",
            "summary": "Conseillers numériques, France Services, PIX, collectifs locaux : qui fait quoi sur un "
            "territoire.",
            "body": [
                heading("Les conseillers numériques"),
                text(
                    "<p>Annoncé le 17 novembre 2020, le dispositif alors appelé <b>conseillers numériques "
                    "France Services</b> (CnFS) a financé 4 000 postes sur les crédits du plan France Relance, "
                    "pour 200 millions d'euros ; les premiers conseiller·es ont pris leur poste à l'été 2021. "
                    "Ces chiffres datent du lancement : depuis 2022, le programme a été renommé "
                    "« conseillers numériques » et la part de l'État dans le financement des postes a baissé, "
                    "si bien que leur nombre sur un territoire dépend aujourd'hui aussi des collectivités et "
                    "des structures qui les emploient. Vérifiez qui est en poste près de chez vous avant de "
                    "bâtir un partenariat.</p>"
                ),
                glossary("CnFS", "Conseiller numérique France Services, ancien nom des conseillers numériques."),
                glossary("France Services", "Guichets de proximité qui regroupent plusieurs services publics."),
                heading("Évaluer les compétences : PIX", "h3"),
                text(
                    "<p><b>PIX</b> est le service public d'évaluation et de certification des compétences "
                    "numériques. Lancé en 2016, il est devenu un groupement d'intérêt public en 2017. Il peut "
                    "aider une personne à mesurer ses progrès et à les faire reconnaître.</p>"
                    "<p>Une évaluation n'a de sens que si la personne la demande ou en voit l'intérêt : pour "
                    "un emploi, une formation, ou simplement pour constater ce qu'elle a appris. Imposée "
                    "d'emblée à quelqu'un qui doute de lui, elle risque surtout de confirmer ce doute.</p>"
                ),
                heading("Les collectifs locaux de solidarité numérique", "h3"),
                text(
                    "<p>Le réseau des espaces France Services est animé au niveau national par l'Agence "
                    "nationale de la cohésion des territoires (<b>ANCT</b>), qui a aussi piloté le programme "
                    "des conseillers numériques : c'est un interlocuteur à connaître quand on cherche les "
                    "acteurs d'un territoire.</p>"
                    "<p>Sur un même territoire coexistent souvent plusieurs lieux : un espace France Services, "
                    "une médiathèque qui propose des ateliers, un centre social, une association d'entraide, un "
                    "service de CCAS. Chacun a ses horaires, ses publics et ses limites. Les connaître permet "
                    "d'orienter une personne vers le lieu qui lui convient, plutôt que vers le seul que l'on "
                    "connaît, et d'éviter qu'elle soit renvoyée de l'un à l'autre.</p>"
                    "<p>Une carte simple, tenue à jour avec les partenaires, suffit souvent : qui accueille, "
                    "quand, pour quel type d'aide (apprendre, être accompagné pour une démarche, accéder à un "
                    "ordinateur), sur rendez-vous ou non. La construire ensemble est déjà un travail en "
                    "réseau : chacun découvre ce que font les autres, et les manques du territoire "
                    "apparaissent plus clairement que dans un seul service.</p>"
                    "<p>Des intervenant·es sociaux·ales ont noué des coopérations avec ces nouveaux acteurs pour "
                    "monter, avec les personnes concernées, des actions d'inclusion numérique de proximité et "
                    "des collectifs locaux de solidarité numérique : points d'accès wifi libres, ateliers, "
                    "entraide entre habitant·es.</p>"
                ),
                glossary("ANCT", "Agence nationale de la cohésion des territoires."),
                key_points(
                    "Les premiers conseillers numériques ont pris leur poste à l'été 2021 ; le programme a "
                    "changé de nom et de financement depuis 2022.",
                    "PIX évalue et certifie les compétences numériques.",
                    "L'inclusion numérique se construit en réseau sur un territoire.",
                ),
                reading(STRATEGIE_NUMERIQUE, TRIBUNE_RESEAUX),
            ],
        },
        {
            "slug": "ateliers-numeriques-viser-l-autonomie",
            "objectives": [
                "Concevoir un atelier collectif qui vise l'autonomie des participants.",
                "Garder une voie non numérique pour l'accès aux droits.",
            ],
            "title": "Des ateliers collectifs qui visent l'autonomie",
            "summary": "Passer de la démarche faite pour la personne à l'atelier où les participant·es apprennent "
            "ensemble.",
            "body": [
                heading("Partir des besoins exprimés"),
                text(
                    "<p>Un atelier réussi part des démarches que les participant·es ont réellement à faire : "
                    "suivre la scolarité de ses enfants, déclarer ses ressources, prendre un rendez-vous "
                    "médical. Chacun·e garde la main sur le clavier ; l'animateur·rice montre, puis laisse "
                    "faire.</p>"
                ),
                heading("S'appuyer sur les pairs", "h3"),
                text(
                    "<p>Les binômes entre participant·es, ou des « pairs relais » formés, prolongent l'atelier "
                    "dans la vie quotidienne. Ils transforment une compétence individuelle en ressource "
                    "collective.</p>"
                ),
                testimony(
                    "Maintenant, c'est moi qui montre aux nouvelles mamans comment trouver les devoirs sur "
                    "l'espace numérique du collège. Je ne pensais pas en être capable en septembre.",
                    "Leïla",
                    "mère d'élève, binôme dans un atelier parents (témoignage fictif)",
                ),
                case_ref(
                    CASE_SCHOOL_DIGITAL,
                    "Dans ce cas, des parents se perdent dans les outils numériques de l'école : à vous de "
                    "construire avec eux et le collège une réponse qui vise leur autonomie.",
                ),
                quiz_ref(QUIZ_MEDIATION),
                key_points(
                    "Partir des démarches réelles des participant·es.",
                    "Laisser la main sur le clavier à la personne.",
                    "Les pairs font vivre l'autonomie au-delà de l'atelier.",
                    "Garder une voie non numérique pour celles et ceux qui le souhaitent.",
                ),
                reading(TRIBUNE_FONDA),
            ],
        },
    ],
}
