"""Module: facilitating a group (posture, framework, dynamics, conflicts, travail social avec les groupes)."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    ALINSKY,
    CASE_UNHEALTHY_HOUSING,
    CASE_VILLAGE,
    MANUEL,
    QUIZ_POSTURE_AFTER,
    QUIZ_POSTURE_BEFORE,
    TRIBUNE_FONDA,
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
    "slug": "animer-un-groupe",
    "title": "Animer un groupe : posture, cadre et dynamiques",
    "summary": "Le travail social avec les groupes en pratique : la posture de l'animateur·rice, le cadre qui "
    "protège, les dynamiques qui font vivre un groupe et les conflits qu'il faut savoir traverser.",
    "objectives": "<ul><li>Adopter une posture de garant·e du cadre plutôt que de fournisseur de solutions.</li>"
    "<li>Poser avec le groupe des règles de fonctionnement explicites.</li>"
    "<li>Reconnaître les étapes de la vie d'un groupe et l'aide mutuelle qui s'y joue.</li>"
    "<li>Accueillir un conflit comme une information sur les intérêts en présence.</li></ul>",
    "audience": "Travailleur·ses sociaux·ales, animateur·rices, médiateur·rices qui réunissent des groupes",
    "level": CoursePage.Level.DEEPENING,
    "sequencing": CoursePage.Sequencing.FREE,
    "domains": ["DC1", "DC3"],
    "lessons": [
        {
            "slug": "posture-garantir-le-cadre",
            "objectives": [
                "Décrire la posture de garant du cadre et de la méthode.",
                "Distinguer apporter des solutions et aider un groupe à construire les siennes.",
            ],
            "title": "La posture : garantir le cadre plutôt qu'apporter les solutions",
            "summary": "Dans un groupe, l'expertise du ou de la professionnel·le porte sur la méthode et la qualité "
            "des échanges, pas sur la réponse au problème.",
            "body": [
                quiz_ref(QUIZ_POSTURE_BEFORE),
                heading("Un renversement de posture"),
                text(
                    "<p>En entretien individuel, le ou la professionnel·le connaît les dispositifs et propose des "
                    "réponses. Dans un groupe, son rôle change : il ou elle <b>favorise la relation</b> entre "
                    "les participant·es, veille à la forme des échanges et garantit la rigueur de la démarche. "
                    "Les solutions viennent du groupe.</p>"
                    "<p>Ce déplacement suppose de réduire l'écart de pouvoir entre professionnel·les, bénévoles "
                    "et personnes accompagnées, et de s'appuyer sur les forces et les habiletés de chacun·e "
                    "plutôt que sur ses seules difficultés.</p>"
                ),
                testimony(
                    "Le plus dur a été de me taire quand le groupe cherchait. Une fois, j'ai compté jusqu'à dix "
                    "avant de répondre : c'est une participante qui a trouvé l'idée que je m'apprêtais à donner.",
                    "Julien",
                    "éducateur spécialisé (témoignage fictif)",
                ),
                reflection(prompts.PROMPT_POSTURE),
                key_points(
                    "Le ou la professionnel·le garantit le cadre et la méthode.",
                    "Les solutions appartiennent au groupe.",
                    "S'appuyer sur les forces des personnes, pas seulement sur leurs manques.",
                ),
                reading(MANUEL, TRIBUNE_FONDA),
            ],
        },
        {
            "slug": "poser-le-cadre-d-un-groupe",
            "objectives": [
                "Poser avec un groupe des règles de fonctionnement partagées.",
                "Adapter les conditions pratiques (lieu, horaires, accessibilité) aux participants.",
            ],
            "title": "Poser le cadre d'un groupe",
            "summary": "Horaires, lieu, règles de parole, confidentialité : un cadre explicite protège les "
            "personnes et libère la parole.",
            "body": [
                heading("Ce que le cadre précise"),
                text(
                    "<ul><li><b>Le pourquoi</b> : ce qui réunit le groupe, dit avec ses mots.</li>"
                    "<li><b>Le mandat</b> : ce que l'institution permet, ce qu'elle ne permet pas, et le temps "
                    "dont dispose l'animateur·rice.</li>"
                    "<li><b>Le quand et le où</b> : des horaires compatibles avec la vie des participant·es, un "
                    "lieu accessible et neutre.</li>"
                    "<li><b>Les règles de parole</b> : chacun·e parle pour soi, on ne coupe pas, on peut "
                    "ne rien dire.</li>"
                    "<li><b>La confidentialité</b> : ce qui se dit sur la vie de chacun·e reste dans le groupe.</li>"
                    "</ul>"
                ),
                heading("Un cadre proposé, puis adopté", "h3"),
                text(
                    "<p>Le cadre n'est pas un règlement imposé. L'animateur·rice en propose une première version, "
                    "le groupe la discute, la modifie et l'adopte ; il pourra la revoir. C'est souvent la "
                    "première décision collective du groupe, et elle donne le ton des suivantes.</p>"
                ),
                reflection(prompts.PROMPT_FRAME),
                key_points(
                    "Un cadre explicite protège et libère la parole.",
                    "Les horaires et le lieu se choisissent avec les participant·es.",
                    "Le groupe adopte son cadre et peut le faire évoluer.",
                ),
                reading(MANUEL),
            ],
        },
        {
            "slug": "dynamiques-de-groupe-tsg",
            "objectives": [
                "Décrire le groupe comme système d'aide mutuelle selon le travail social avec les groupes.",
                "Repérer les objectifs individuels, collectifs et sociaux d'un groupe.",
            ],
            "title": "Les dynamiques de groupe et le travail social avec les groupes",
            "summary": "Le groupe comme système d'aide mutuelle : ses origines, ses objectifs et les étapes de sa vie.",
            "body": [
                heading("Une méthode venue d'Amérique du Nord"),
                text(
                    "<p>Le <b>travail social avec les groupes</b> (TSG) s'est développé en Amérique du Nord, "
                    "notamment avec Gisela Konopka, puis au Québec avec Simone Paré et Ginette Berteau. En "
                    "France, il est porté entre autres par l'ANTSG et par les travaux d'Hélène Massa.</p>"
                ),
                glossary("TSG", "Travail social avec les groupes."),
                heading("L'aide mutuelle"),
                text(
                    "<p>Réuni par un·e professionnel·le, le groupe devient un lieu où les membres s'aident les "
                    "uns les autres : ils partagent des informations, se reconnaissent dans l'expérience des "
                    "autres, osent des choses qu'ils n'auraient pas tentées seuls. Les objectifs sont à la fois "
                    "<b>individuels</b> (reprendre confiance), <b>collectifs</b> (avancer ensemble) et "
                    "<b>sociaux</b> (faire changer une pratique ou une règle).</p>"
                ),
                heading("Un groupe évolue", "h3"),
                text(
                    "<p>Un groupe passe par des moments différents : la prudence des débuts, la recherche de sa "
                    "place, les tensions, puis un fonctionnement plus autonome, et enfin la séparation, qu'il "
                    "faut préparer. L'animateur·rice ajuste sa présence : très présent·e au début, plus en "
                    "retrait quand le groupe prend ses marques.</p>"
                ),
                testimony(
                    "Dans le groupe des personnes surendettées, la première fois, personne ne disait le montant "
                    "de sa dette. À la quatrième séance, une participante a apporté son dossier pour montrer "
                    "aux autres comment elle avait négocié un échéancier.",
                    "Martine",
                    "conseillère en économie sociale familiale (témoignage fictif)",
                ),
                case_ref(
                    CASE_VILLAGE,
                    "Dans ce cas, il faut décider avec des personnes âgées isolées du lieu, du rythme et de "
                    "l'animation de leurs rencontres.",
                ),
                key_points(
                    "Le groupe est un système d'aide mutuelle.",
                    "Objectifs individuels, collectifs et sociaux se combinent.",
                    "La présence de l'animateur·rice évolue avec la vie du groupe.",
                ),
                reading(MANUEL),
            ],
        },
        {
            "slug": "traverser-les-conflits",
            "objectives": [
                "Distinguer conflit d'usage, conflit de pouvoir et conflit avec une institution.",
                "Choisir entre négociation et rapport de force en mesurant les risques pour chacun.",
            ],
            "title": "Traverser les conflits",
            "summary": "Désaccords dans le groupe, tensions avec une institution : le conflit n'est pas un échec, "
            "c'est une information à travailler.",
            "body": [
                heading("Deux sortes de conflits"),
                text(
                    "<p><b>Dans le groupe</b>, des désaccords surgissent sur les priorités, la répartition des "
                    "rôles ou la manière de s'adresser à un interlocuteur. Les faire dire, les reformuler et "
                    "chercher ce qu'ils révèlent des intérêts de chacun·e fait souvent avancer le groupe.</p>"
                    "<p><b>Entre le groupe et une institution</b> (un bailleur, une collectivité, parfois "
                    "l'employeur du ou de la professionnel·le), le conflit peut être assumé. Le community "
                    "organizing, né à Chicago avec Saul Alinsky, en fait même un levier : recueillir les "
                    "colères, construire des alliances larges, mener des campagnes non violentes aux "
                    "revendications précises.</p>"
                ),
                glossary(
                    "Community organizing",
                    "Organisation d'habitant·es pour bâtir un contre-pouvoir et obtenir des changements précis.",
                ),
                heading("Quelques repères", "h3"),
                text(
                    "<ul><li>Clarifier sa propre position vis-à-vis de son employeur avant que le conflit "
                    "n'éclate.</li>"
                    "<li>Ne jamais exposer une personne fragile en première ligne.</li>"
                    "<li>Ne pas promettre de résultat : le groupe décide en connaissant les risques.</li>"
                    "<li>Prendre du recul avec ses pairs, en analyse des pratiques ou en supervision.</li></ul>"
                ),
                glossary("APP / GAPP", "Analyse des pratiques professionnelles, conduite en groupe."),
                glossary("Supervision", "Analyse réflexive de la pratique avec un tiers formé."),
                reflection(prompts.PROMPT_CONFLICT),
                case_ref(
                    CASE_UNHEALTHY_HOUSING,
                    "Dans ce cas, des locataires d'un logement indigne hésitent entre négocier et créer un "
                    "rapport de force : à vous de les accompagner sans décider à leur place.",
                ),
                quiz_ref(QUIZ_POSTURE_AFTER),
                key_points(
                    "Un conflit dit quelque chose des intérêts en présence.",
                    "Clarifier sa position avec son employeur avant d'y être confronté·e.",
                    "Analyse des pratiques et supervision aident à tenir dans la durée.",
                ),
                reading(ALINSKY),
            ],
        },
    ],
}
