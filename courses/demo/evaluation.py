"""Module: evaluating a collective action (effects on the situation, the people and the institutions)."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    LE_BOSSE,
    MANUEL,
    QUIZ_AFTER,
    QUIZ_LANDMARKS,
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
    "slug": "evaluer-une-action-collective",
    "title": "Évaluer une action collective",
    "summary": "Construire avec le groupe l'évaluation d'une action collective : ses effets sur la situation, "
    "sur les personnes et sur les institutions, puis la décision de poursuivre, transmettre ou clore.",
    "objectives": "<ul><li>Associer le groupe à la conception et à la conduite de l'évaluation.</li>"
    "<li>Choisir des indicateurs pour chacun des trois niveaux d'effets.</li>"
    "<li>Rendre compte à l'institution sans réduire l'action à des chiffres d'activité.</li>"
    "<li>Décider avec le groupe de la suite à donner.</li></ul>",
    "audience": "Professionnel·les qui ont déjà conduit ou accompagné une action collective",
    "level": CoursePage.Level.EXPERT,
    "duration_minutes": 80,
    "sequencing": CoursePage.Sequencing.LINEAR,
    "domains": ["DC2", "DC3"],
    "prerequisites": ["demarche-isic-pas-a-pas"],
    "lessons": [
        {
            "slug": "evaluer-avec-le-groupe",
            "title": "Pourquoi et avec qui évaluer ?",
            "summary": "L'évaluation fait partie de la démarche : elle se prépare dès le début et se conduit avec "
            "les personnes concernées.",
            "duration_minutes": 20,
            "body": [
                heading("Une étape du cycle, pas un bilan pour l'institution"),
                text(
                    "<p>L'évaluation clôt le cycle de l'intervention d'intérêt collectif, mais elle se prépare "
                    "dès l'élaboration du projet : qu'est-ce que le groupe veut voir changer, et comment saura-t-"
                    "il que cela a changé ? Conduite avec les personnes, elle devient elle-même un moment où "
                    "elles prennent conscience de ce qu'elles ont accompli.</p>"
                ),
                heading("Qui y participe ?", "h3"),
                text(
                    "<ul><li>Les membres du groupe, qui disent ce qui a changé pour eux.</li>"
                    "<li>Les partenaires, qui observent les effets sur leurs pratiques.</li>"
                    "<li>L'employeur et les élu·es, qui ont donné le mandat et attendent un compte rendu.</li>"
                    "</ul>"
                ),
                testimony(
                    "On a fait le bilan en cercle, avec des post-it de trois couleurs : ce qui a changé dans "
                    "l'immeuble, ce qui a changé pour moi, ce que le bailleur fait autrement. Le vert, pour "
                    "moi, c'était : j'ose appeler.",
                    "Mme D.",
                    "locataire, membre du groupe d'habitants (témoignage fictif)",
                ),
                key_points(
                    "L'évaluation se prépare dès le projet.",
                    "Elle se conduit avec le groupe, pas seulement sur lui.",
                    "Elle fait partie du processus de pouvoir d'agir.",
                ),
                reading(MANUEL),
            ],
        },
        {
            "slug": "trois-niveaux-d-effets",
            "title": "Trois niveaux d'effets et leurs indicateurs",
            "summary": "La situation, les personnes, les institutions : des repères pour ne rien oublier de ce "
            "que produit une action collective.",
            "duration_minutes": 30,
            "body": [
                heading("Sur la situation"),
                text(
                    "<p>Le problème de départ a-t-il évolué ? Montant des impayés, travaux réalisés, horaires de "
                    "transport modifiés, droits ouverts : ces indicateurs se comparent à l'état décrit dans le "
                    "diagnostic partagé.</p>"
                ),
                heading("Sur les personnes"),
                text(
                    "<p>Confiance en soi, compétences acquises, liens tissés entre voisin·es, capacité à "
                    "refaire seul·e une démarche : ces effets se recueillent par des récits, des entretiens, "
                    "des outils simples d'auto-évaluation.</p>"
                ),
                heading("Sur les institutions"),
                text(
                    "<p>Pratiques modifiées, dysfonctionnements signalés puis corrigés, nouvelles coopérations "
                    "entre services : ces effets sont les plus souvent oubliés. Ce sont pourtant eux qui "
                    "passent du curatif au préventif.</p>"
                ),
                glossary("Action collective", "Action menée par un groupe pour un but commun."),
                heading("Un piège fréquent", "h3"),
                text(
                    "<p>Ne compter que les dossiers traités ou le nombre de participant·es passe à côté de "
                    "l'essentiel : l'autonomie gagnée et les changements obtenus des institutions.</p>"
                ),
                reflection(prompts.PROMPT_EVALUATION),
                key_points(
                    "Trois niveaux : la situation, les personnes, les institutions.",
                    "Des indicateurs chiffrés et des récits se complètent.",
                    "Les effets sur les institutions sont les plus souvent oubliés.",
                ),
                reading(LE_BOSSE),
            ],
        },
        {
            "slug": "decider-de-la-suite-et-rendre-compte",
            "title": "Décider de la suite et rendre compte",
            "summary": "Poursuivre, transmettre ou clore, et rendre compte de l'action de façon lisible pour tous.",
            "duration_minutes": 30,
            "body": [
                heading("Poursuivre, transmettre ou clore"),
                text(
                    "<p>Au vu du bilan, le groupe décide : poursuivre l'action avec de nouveaux objectifs, la "
                    "transmettre à une association d'habitant·es ou à un partenaire, ou la clore. Clore n'est "
                    "pas échouer : c'est parfois le signe que l'objectif est atteint.</p>"
                ),
                heading("Rendre compte", "h3"),
                text(
                    "<p>Le compte rendu s'adresse à plusieurs publics : le groupe lui-même, l'employeur, les "
                    "partenaires, les élu·es. Une version en « facile à lire et à comprendre » (FALC), affichée "
                    "et discutée, permet à chacun·e de s'en saisir. C'est aussi l'occasion de faire remonter "
                    "les dysfonctionnements constatés.</p>"
                ),
                heading("Faire le point sur vos acquis"),
                text(
                    "<p>Pour terminer le parcours, reprenez le questionnaire de positionnement rempli au début "
                    "et comparez vos réponses, puis vérifiez vos repères avec le quiz noté.</p>"
                ),
                quiz_ref(QUIZ_AFTER),
                quiz_ref(QUIZ_LANDMARKS),
                key_points(
                    "La suite se décide avec le groupe.",
                    "Clore une action peut être un succès.",
                    "Un compte rendu lisible par tous fait vivre la participation.",
                ),
                reading(MANUEL, LE_BOSSE),
            ],
        },
    ],
}
