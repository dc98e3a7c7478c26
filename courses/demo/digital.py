"""Module: médiation numérique and digital inclusion (2018 strategy, Aidants Connect, conseillers numériques, PIX)."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    CASE_SCHOOL_DIGITAL,
    QUIZ_MEDIATION,
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
    "duration_minutes": 90,
    "sequencing": CoursePage.Sequencing.FREE,
    "domains": ["DC1", "DC4"],
    "lessons": [
        {
            "slug": "exclusion-numerique-et-acces-aux-droits",
            "title": "L'exclusion numérique, un enjeu d'accès aux droits",
            "summary": "Quand les démarches passent en ligne, ne pas savoir ou ne pas pouvoir s'en servir éloigne "
            "des droits.",
            "duration_minutes": 20,
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
                reading(TRIBUNE_FONDA),
            ],
        },
        {
            "slug": "aidants-connect-faire-a-la-place-en-securite",
            "title": "Faire une démarche pour quelqu'un, en sécurité : Aidants Connect",
            "summary": "Quand il faut vraiment agir à la place d'une personne, un mandat limité et traçable la "
            "protège.",
            "duration_minutes": 25,
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
            ],
        },
        {
            "slug": "acteurs-de-l-inclusion-numerique",
            "title": "Les acteurs de l'inclusion numérique",
            "summary": "Conseillers numériques, France Services, PIX, collectifs locaux : qui fait quoi sur un "
            "territoire.",
            "duration_minutes": 20,
            "body": [
                heading("Les conseillers numériques France Services"),
                text(
                    "<p>Annoncé le 17 novembre 2020, le dispositif des <b>conseillers numériques France "
                    "Services</b> a financé 4 000 postes grâce au plan France Relance, pour 200 millions "
                    "d'euros. Les premiers conseiller·es ont pris leur poste à l'été 2021.</p>"
                ),
                glossary("CnFS", "Conseiller numérique France Services."),
                glossary("France Services", "Guichets de proximité qui regroupent plusieurs services publics."),
                heading("Évaluer les compétences : PIX", "h3"),
                text(
                    "<p><b>PIX</b> est le service public d'évaluation et de certification des compétences "
                    "numériques. Lancé en 2016, il est devenu un groupement d'intérêt public en 2017. Il peut "
                    "aider une personne à mesurer ses progrès et à les faire reconnaître.</p>"
                ),
                heading("Les collectifs locaux de solidarité numérique", "h3"),
                text(
                    "<p>Des intervenant·es sociaux·ales ont noué des coopérations avec ces nouveaux acteurs pour "
                    "monter, avec les personnes concernées, des actions d'inclusion numérique de proximité et "
                    "des collectifs locaux de solidarité numérique : points d'accès wifi libres, ateliers, "
                    "entraide entre habitant·es.</p>"
                ),
                glossary("ANCT", "Agence nationale de la cohésion des territoires."),
                key_points(
                    "Les conseillers numériques France Services sont en poste depuis l'été 2021.",
                    "PIX évalue et certifie les compétences numériques.",
                    "L'inclusion numérique se construit en réseau sur un territoire.",
                ),
                reading(TRIBUNE_RESEAUX),
            ],
        },
        {
            "slug": "ateliers-numeriques-viser-l-autonomie",
            "title": "Des ateliers collectifs qui visent l'autonomie",
            "summary": "Passer de la démarche faite pour la personne à l'atelier où les participant·es apprennent "
            "ensemble.",
            "duration_minutes": 25,
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
