"""Module: médiation sociale (aller vers, faire avec, se mettre en réseau; Créteil 2000, charter 2001, XP X60-600)."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    CASE_FRANCE_SERVICES,
    CHARTE_2001,
    FAGET,
    NORME_2016,
    STRATEGIE_PAUVRETE,
    TRIBUNE_RESEAUX,
    case_ref,
    glossary,
    heading,
    key_points,
    reading,
    reflection,
    testimony,
    text,
)

COURSE = {
    "slug": "mediation-sociale",
    "title": "La médiation sociale : aller vers, faire avec, se mettre en réseau",
    "summary": "Ce qu'est la médiation sociale, les textes qui l'encadrent depuis 2000 et les trois principes "
    "d'action qui la rapprochent de l'intervention sociale collective.",
    "objectives": "<ul><li>Définir la médiation sociale et le rôle du tiers.</li>"
    "<li>Citer les repères qui encadrent le métier : définition de 2000, charte de 2001, norme de 2016.</li>"
    "<li>Mettre en œuvre une démarche d'« aller vers » respectueuse des personnes.</li></ul>",
    "audience": "Médiateur·rices sociaux·ales, adultes-relais, travailleur·ses sociaux·ales de proximité",
    "level": CoursePage.Level.DISCOVERY,
    "sequencing": CoursePage.Sequencing.FREE,
    "domains": ["DC3", "DC4"],
    "lessons": [
        {
            "slug": "qu-est-ce-que-la-mediation-sociale",
            "objectives": [
                "Définir la médiation sociale et le rôle du tiers impartial.",
                "Situer la médiation sociale parmi les pratiques de proximité.",
            ],
            "title": "Qu'est-ce que la médiation sociale ?",
            "summary": "Un tiers qui crée ou répare le lien social : la définition européenne de Créteil.",
            "body": [
                heading("La définition de Créteil"),
                text(
                    "<p>En septembre 2000, un séminaire européen réuni à Créteil a rassemblé 42 expert·es de "
                    "12 pays. Ils ont défini la médiation sociale comme un <b>processus de création ou de "
                    "réparation du lien social</b> et de règlement des conflits de la vie quotidienne. Un "
                    "<b>tiers impartial et indépendant</b> y organise des échanges entre des personnes ou des "
                    "institutions, pour améliorer une relation ou régler un différend.</p>"
                ),
                glossary(
                    "Médiation sociale",
                    "Intervention d'un tiers impartial et indépendant pour créer ou réparer le lien social.",
                ),
                heading("Une pratique de proximité", "h3"),
                text(
                    "<p>Née dans les quartiers urbains, la médiation sociale s'exerce dans l'espace public, les "
                    "transports, les halls d'immeubles, les établissements scolaires ou les lieux d'accès aux "
                    "droits. Elle cherche à rendre les personnes vulnérables actrices de leur propre "
                    "développement et à renforcer la cohésion sociale.</p>"
                ),
                heading("Ce qui distingue la médiation d'autres interventions", "h3"),
                text(
                    "<p>Le médiateur ou la médiatrice n'est ni un juge, ni un agent de sécurité, ni un "
                    "représentant de l'une des parties. Il ne tranche pas, ne sanctionne pas et ne décide pas "
                    "à la place des personnes : il crée les conditions d'un échange qui n'aurait pas eu lieu "
                    "sans lui. Sa légitimité vient de cette position de tiers ; elle se perd dès qu'une des "
                    "parties le soupçonne de travailler pour l'autre.</p>"
                    "<p>Cette position a des conséquences concrètes. Un médiateur employé par un bailleur ou "
                    "une collectivité doit pouvoir expliquer à son employeur qu'il ne lui rapportera pas tout ce "
                    "qu'il entend. Il doit aussi savoir dire aux habitant·es ce qu'il peut faire et ce qu'il ne "
                    "peut pas faire : il ne promet pas qu'un conflit sera résolu, il propose qu'on essaie d'en "
                    "parler.</p>"
                ),
                heading("Trois situations de médiation", "h3"),
                text(
                    "<ul><li><b>Un conflit de voisinage</b> : des bruits tard le soir, une place de parking, "
                    "des enfants qui jouent dans la cour. Le médiateur rencontre chacun séparément, puis propose "
                    "une rencontre où chacun peut dire ce qu'il vit.</li>"
                    "<li><b>Une relation rompue avec une institution</b> : une famille ne répond plus aux "
                    "courriers de l'école ou du bailleur. Le médiateur aide à comprendre ce qui bloque des deux "
                    "côtés et à rétablir un contact.</li>"
                    "<li><b>Une présence dans l'espace public</b> : dans les transports ou aux abords d'un "
                    "équipement, le médiateur prévient les tensions par sa présence régulière, avant qu'elles ne "
                    "dégénèrent.</li></ul>"
                    "<p>Dans les trois cas, le résultat recherché n'est pas seulement l'apaisement du jour : "
                    "c'est que les personnes puissent, la fois suivante, se parler sans intermédiaire.</p>"
                ),
                testimony(
                    "Je ne suis ni du côté du bailleur ni du côté des jeunes du hall. Si l'un des deux pense que "
                    "je roule pour l'autre, je ne sers plus à rien.",
                    "Samir",
                    "médiateur social (témoignage fictif)",
                ),
                key_points(
                    "Le médiateur ou la médiatrice est un tiers impartial et indépendant.",
                    "La médiation crée ou répare le lien entre personnes et institutions.",
                    "Elle s'exerce au plus près de la vie quotidienne.",
                ),
                reading(FAGET, NORME_2016),
            ],
        },
        {
            "slug": "charte-2001-et-norme-2016",
            "objectives": [
                "Citer les principes déontologiques de la charte de référence de 2001.",
                "Expliquer ce que décrit la norme expérimentale XP X60-600.",
            ],
            "title": "Un métier encadré : la charte de 2001 et la norme de 2016",
            "summary": "Les principes déontologiques de la charte de référence et le cadre du métier fixé par la "
            "norme expérimentale XP X60-600.",
            "body": [
                heading("La charte de référence de 2001"),
                text(
                    "<p>Rédigée par un groupe de travail interministériel, puis validée par le Comité "
                    "interministériel des villes (CIV) du 1er octobre 2001, la charte de référence de la "
                    "médiation sociale nomme deux principes d'action, <b>« aller vers »</b> et <b>« faire "
                    "avec »</b>, et pose des règles de déontologie :</p>"
                    "<ul><li>neutralité et impartialité du médiateur ou de la médiatrice ;</li>"
                    "<li>recherche du dialogue et de la négociation, sans autorité imposée ;</li>"
                    "<li>libre consentement des personnes ;</li>"
                    "<li>participation des habitant·es et mobilisation des institutions ;</li>"
                    "<li>confidentialité.</li></ul>"
                ),
                heading("La norme XP X60-600", "h3"),
                text(
                    "<p>Le 13 décembre 2016, l'AFNOR a publié la norme <b>expérimentale</b> XP X60-600, "
                    "« Cadre du métier de médiation sociale ». Elle décrit huit registres d'intervention, fixe "
                    "des règles de déontologie et propose une manière d'évaluer l'utilité sociale de la "
                    "médiation. Des structures ont pu faire certifier leur activité à partir de 2019.</p>"
                    "<p>En 2015-2016, la médiation sociale comptait environ 12 000 emplois, dont quelque 4 000 "
                    "adultes-relais.</p>"
                ),
                heading("Des principes à l'épreuve du terrain", "h3"),
                text(
                    "<p>Les principes de la charte paraissent évidents sur le papier ; ils deviennent "
                    "exigeants dans les situations concrètes. Prenons trois exemples.</p>"
                    "<p><b>La confidentialité.</b> Une habitante confie au médiateur qu'elle a peur de son "
                    "voisin. Le bailleur, qui finance le poste, demande un compte rendu nominatif des "
                    "rencontres. Respecter la charte, c'est rendre compte de l'activité et des tendances "
                    "observées sans livrer ce qui a été dit en confiance, et avoir négocié ce point avec "
                    "l'employeur avant que la question ne se pose.</p>"
                    "<p><b>Le libre consentement.</b> Une médiation imposée n'en est pas une. Le médiateur "
                    "peut proposer, expliquer, revenir plus tard ; il ne peut pas obliger quelqu'un à "
                    "s'asseoir à la table. Accepter un refus fait partie du métier, et ce refus est parfois "
                    "une information utile sur l'état de la relation.</p>"
                    "<p><b>L'impartialité.</b> Elle ne signifie pas l'indifférence. Le médiateur peut "
                    "reconnaître qu'une personne vit une situation injuste ; il ne peut pas prendre sa "
                    "défense contre l'autre partie dans la médiation elle-même. Quand un droit est en jeu, "
                    "il oriente vers ceux dont c'est le rôle : service social, association de défense, "
                    "délégué·e du Défenseur des droits.</p>"
                    "<p>La norme de 2016 prolonge cette exigence en invitant les structures à évaluer "
                    "l'utilité sociale de leur activité : non pas compter les interventions, mais montrer ce "
                    "qu'elles changent pour les personnes, les institutions et le territoire.</p>"
                ),
                key_points(
                    "La charte de 2001 fonde la déontologie : impartialité, libre consentement, confidentialité.",
                    "La norme de 2016 est une norme expérimentale (XP), qui décrit le cadre du métier.",
                    "L'utilité sociale de la médiation peut et doit être évaluée.",
                ),
                reading(CHARTE_2001, NORME_2016, FAGET),
            ],
        },
        {
            "slug": "aller-vers-faire-avec-se-mettre-en-reseau",
            "objectives": [
                "Mettre en œuvre une démarche d'« aller vers » respectueuse des personnes.",
                "Distinguer faire avec et faire à la place.",
                "Identifier qui formule chacun de ces principes.",
            ],
            "title": "Aller vers, faire avec, se mettre en réseau",
            "summary": "Trois principes d'action de la médiation sociale, qui valent pour toute intervention "
            "collective.",
            "body": [
                heading("Aller vers"),
                text(
                    "<p>Ne plus attendre que la demande arrive au guichet : maraudes, visites à domicile, "
                    "permanences hors les murs, présence dans les lieux du quotidien. La Stratégie de prévention "
                    "et de lutte contre la pauvreté de 2018 a remis cette démarche au premier plan, notamment "
                    "contre le <b>non-recours</b> aux droits. Cyprien Avenel rappelle qu'il s'agit d'une "
                    "pratique ancienne du travail social.</p>"
                ),
                glossary("Aller vers", "Démarche proactive vers les personnes qui ne demandent rien."),
                glossary("Non-recours", "Le fait de ne pas percevoir un droit auquel on peut prétendre."),
                heading("Faire avec"),
                text(
                    "<p>Faire avec, c'est accompagner la personne dans sa démarche plutôt que la faire à sa "
                    "place : elle repart avec la démarche accomplie et avec la capacité de la refaire.</p>"
                ),
                heading("Se mettre en réseau"),
                text(
                    "<p>La charte de 2001 nomme « aller vers » et « faire avec ». Des auteurs y associent un "
                    "troisième principe ; c'est le cas de la <i>Tribune Fonda</i> (n° 253, mars 2022) : se "
                    "mettre en réseau, c'est tisser des liens durables entre les acteurs d'un territoire, pour "
                    "orienter sans « renvoyer » et faire remonter les dysfonctionnements constatés.</p>"
                ),
                glossary(
                    "Travail en réseau",
                    "Liens durables entre acteurs autour d'une situation ou d'un territoire.",
                ),
                reflection(prompts.PROMPT_REACH_OUT),
                case_ref(
                    CASE_FRANCE_SERVICES,
                    "Dans ce cas, une équipe France Services cherche à rejoindre les personnes qui ne font pas "
                    "valoir leurs droits.",
                ),
                key_points(
                    "Aller vers : rejoindre les personnes là où elles sont.",
                    "Faire avec : accompagner sans faire à la place.",
                    "Se mettre en réseau : relier les acteurs et faire remonter ce qui bloque.",
                ),
                reading(CHARTE_2001, STRATEGIE_PAUVRETE, TRIBUNE_RESEAUX),
            ],
        },
    ],
}
