"""Module: médiation sociale (aller vers, faire avec, se mettre en réseau; Créteil 2000, charter 2001, XP X60-600)."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    CASE_FRANCE_SERVICES,
    FAGET,
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
    "duration_minutes": 70,
    "sequencing": CoursePage.Sequencing.FREE,
    "domains": ["DC3", "DC4"],
    "lessons": [
        {
            "slug": "qu-est-ce-que-la-mediation-sociale",
            "title": "Qu'est-ce que la médiation sociale ?",
            "summary": "Un tiers qui crée ou répare le lien social : la définition européenne de Créteil.",
            "duration_minutes": 20,
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
                reading(FAGET),
            ],
        },
        {
            "slug": "charte-2001-et-norme-2016",
            "title": "Un métier encadré : la charte de 2001 et la norme de 2016",
            "summary": "Les principes déontologiques de la charte de référence et le cadre du métier fixé par la "
            "norme expérimentale XP X60-600.",
            "duration_minutes": 25,
            "body": [
                heading("La charte de référence de 2001"),
                text(
                    "<p>Adoptée le 1er octobre 2001 par le Comité interministériel des villes, la charte de "
                    "référence de la médiation sociale pose des principes :</p>"
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
                key_points(
                    "La charte de 2001 fonde la déontologie : impartialité, libre consentement, confidentialité.",
                    "La norme de 2016 est une norme expérimentale (XP), qui décrit le cadre du métier.",
                    "L'utilité sociale de la médiation peut et doit être évaluée.",
                ),
                reading(FAGET),
            ],
        },
        {
            "slug": "aller-vers-faire-avec-se-mettre-en-reseau",
            "title": "Aller vers, faire avec, se mettre en réseau",
            "summary": "Trois principes d'action de la médiation sociale, qui valent pour toute intervention "
            "collective.",
            "duration_minutes": 25,
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
                    "<p>La Fonda ajoute un troisième principe : tisser des liens durables entre les acteurs "
                    "d'un territoire, pour orienter sans « renvoyer » et faire remonter les "
                    "dysfonctionnements constatés.</p>"
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
                reading(TRIBUNE_RESEAUX),
            ],
        },
    ],
}
