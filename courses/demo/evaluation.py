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
    "sequencing": CoursePage.Sequencing.LINEAR,
    "domains": ["DC2", "DC3"],
    "prerequisites": ["demarche-isic-pas-a-pas"],
    "lessons": [
        {
            "slug": "evaluer-avec-le-groupe",
            "objectives": [
                "Expliquer pourquoi l'évaluation se mène avec le groupe.",
                "Distinguer évaluer une action et rendre compte d'une activité.",
            ],
            "title": "Pourquoi et avec qui évaluer ?",
            "summary": "L'évaluation fait partie de la démarche : elle se prépare dès le début et se conduit avec "
            "les personnes concernées.",
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
                    "<p>Ces regards ne pèsent pas de la même façon et ne cherchent pas la même chose. Le groupe "
                    "veut savoir si sa situation s'est améliorée ; l'employeur veut savoir si le temps passé "
                    "était justifié ; un élu veut savoir si la demande reviendra. Une bonne évaluation répond "
                    "à ces trois questions sans laisser la dernière écraser les deux premières.</p>"
                ),
                heading("Évaluer une action, rendre compte d'une activité", "h3"),
                text(
                    "<p>Rendre compte d'une activité, c'est dire ce qui a été fait : le nombre de réunions, de "
                    "personnes présentes, de courriers envoyés. C'est utile, et souvent demandé. Évaluer une "
                    "action, c'est se demander ce que ces réunions ont changé : pour la situation de départ, "
                    "pour les personnes qui s'y sont engagées, pour les institutions qu'elles ont "
                    "interpellées. Un collectif peut tenir vingt réunions sans que rien ne bouge, ou obtenir "
                    "beaucoup en quatre rencontres bien préparées.</p>"
                    "<p>Le piège le plus courant consiste à ne garder que ce qui se compte facilement. Le "
                    "nombre de dossiers d'aide traités pendant l'action dit peu de chose ; la confiance "
                    "gagnée par une habitante qui ose désormais téléphoner au bailleur dit beaucoup, mais il "
                    "faut aller la chercher.</p>"
                ),
                heading("Préparer l'évaluation dès le projet", "h3"),
                text(
                    "<p>Au moment où le groupe formule ses objectifs, trois questions simples préparent le "
                    "bilan : qu'est-ce qui devrait être différent dans six mois ? Comment le verrons-nous ? Qui "
                    "gardera la trace de ce que nous observons en chemin ? Noter au fil de l'action les "
                    "petites avancées, les refus, les surprises évite de reconstruire l'histoire de mémoire à "
                    "la fin, quand chacun a oublié d'où il partait.</p>"
                    "<p>Le moment du bilan mérite aussi une forme adaptée au groupe : un tour de parole, un "
                    "support visuel, une rencontre dans un lieu familier plutôt qu'un questionnaire écrit. "
                    "L'enjeu n'est pas seulement de recueillir des avis, mais de permettre au groupe de "
                    "mesurer lui-même le chemin parcouru.</p>"
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
            "objectives": [
                "Distinguer les effets sur la situation, sur les personnes et sur les institutions.",
                "Choisir des indicateurs pour chacun de ces niveaux.",
            ],
            "title": "Trois niveaux d'effets et leurs indicateurs",
            "summary": "La situation, les personnes, les institutions : des repères pour ne rien oublier de ce "
            "que produit une action collective.",
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
            "objectives": [
                "Décider avec le groupe de poursuivre, transmettre ou clore.",
                "Rendre compte de l'action à l'institution sans la réduire à un nombre de dossiers.",
            ],
            "title": "Décider de la suite et rendre compte",
            "summary": "Poursuivre, transmettre ou clore, et rendre compte de l'action de façon lisible pour tous.",
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
