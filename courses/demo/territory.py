"""Module: développement social local, partnerships and the diagnostic de territoire."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    CASE_RURAL_YOUTH,
    CASF_L123_6,
    MANUEL,
    SANCHEZ,
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
    "slug": "developpement-social-local-et-territoire",
    "title": "Développement social local, partenariats et diagnostic de territoire",
    "summary": "Agir à l'échelle d'un territoire : les principes du développement social local, la conduite "
    "d'un diagnostic de territoire et la construction de partenariats qui coopèrent au lieu de se juxtaposer.",
    "objectives": "<ul><li>Situer le développement social local et ses trois niveaux d'acteurs.</li>"
    "<li>Conduire un diagnostic de territoire qui aboutit à des enjeux hiérarchisés.</li>"
    "<li>Distinguer partenariat formalisé et travail en réseau, et les faire vivre.</li></ul>",
    "audience": "Travailleur·ses sociaux·ales, chargé·es de développement local, cadres de l'action sociale",
    "level": CoursePage.Level.DEEPENING,
    "sequencing": CoursePage.Sequencing.FREE,
    "domains": ["DC2", "DC4"],
    "lessons": [
        {
            "slug": "principes-du-developpement-social-local",
            "objectives": [
                "Énoncer les principes du développement social local.",
                "Situer les trois niveaux d'acteurs : habitants, élus, professionnels.",
            ],
            "title": "Les principes du développement social local",
            "summary": "Un territoire, trois niveaux d'acteurs et des politiques décloisonnées.",
            "body": [
                heading("Une approche née dans les départements"),
                text(
                    "<p>Le <b>développement social local</b> (DSL) a été promu dans les années 1990 et 2000 par "
                    "l'Observatoire national de l'action sociale (ODAS), autour de Jean-Louis Sanchez, et par "
                    "des départements pionniers comme la Meurthe-et-Moselle de Michel Dinet. Il part d'un "
                    "constat : les politiques sociales découpées par public et par dispositif ne suffisent pas "
                    "à faire vivre un territoire.</p>"
                ),
                glossary("DSL", "Développement social local."),
                heading("Ses principes", "h3"),
                text(
                    "<ul><li><b>L'ancrage territorial</b> : partir d'un quartier, d'une commune, d'un bassin de "
                    "vie.</li>"
                    "<li><b>Trois niveaux d'acteurs</b> réunis : habitant·es, élu·es, professionnel·les.</li>"
                    "<li><b>Le décloisonnement</b> des politiques publiques et des services.</li>"
                    "<li><b>Le temps long</b> : les effets se construisent sur plusieurs années.</li></ul>"
                ),
                glossary("Transversalité", "Décloisonnement entre politiques publiques et entre services."),
                heading("Ce que chaque niveau apporte", "h3"),
                text(
                    "<p>Les <b>habitant·es</b> connaissent la vie quotidienne du territoire : les trajets, les "
                    "horaires, les lieux où l'on se croise et ceux que l'on évite. Leur place ne se limite pas "
                    "à être consultés : ils peuvent porter un projet, en être les premiers acteurs et en juger "
                    "les effets.</p>"
                    "<p>Les <b>élu·es</b> décident des moyens, des équipements et des priorités. Les associer "
                    "tôt évite qu'un projet né sur le terrain bute, au dernier moment, sur une décision prise "
                    "ailleurs. Cela suppose de leur présenter des demandes claires, portées par les "
                    "habitant·es eux-mêmes.</p>"
                    "<p>Les <b>professionnel·les</b> de plusieurs institutions (département, commune, "
                    "caisse d'allocations familiales, associations, bailleurs) apportent une méthode, des "
                    "données et des relais. Le DSL leur demande de sortir de leur dispositif pour travailler "
                    "sur une question commune, ce qui suppose l'accord de leurs employeurs.</p>"
                ),
                heading("Un exemple pour fixer les idées", "h3"),
                text(
                    "<p>Dans une commune rurale fictive, plusieurs services constatent que des familles "
                    "renoncent à des rendez-vous médicaux faute de transport. Pris séparément, chacun "
                    "répondrait par une aide individuelle au déplacement. Une démarche de développement social "
                    "local réunit les familles concernées, la mairie, le centre social et le service de "
                    "protection maternelle et infantile : ensemble, ils recensent les trajets nécessaires, "
                    "repèrent une association de transport solidaire qui existe déjà dans le canton voisin et "
                    "négocient avec l'intercommunalité une extension de son périmètre. Le résultat ne relève "
                    "d'aucun dispositif en particulier : il naît de la coopération.</p>"
                ),
                heading("Des limites à connaître", "h3"),
                text(
                    "<p>Le DSL demande du temps, alors que les financements sont souvent annuels et attachés "
                    "à des publics précis. Il peut aussi rester une affaire d'institutions si les habitant·es "
                    "ne sont invités qu'aux réunions de restitution. Enfin, décloisonner ne signifie pas tout "
                    "mélanger : chaque partenaire garde ses missions et ses règles, notamment sur le secret "
                    "professionnel. Nommer ces limites dès le départ aide à les tenir.</p>"
                    "<p>Une manière simple de les tenir consiste à se donner, dès le lancement, un rendez-vous "
                    "régulier où habitant·es, élu·es et professionnel·les font ensemble le point : ce qui "
                    "avance, ce qui bloque, ce que chacun s'était engagé à faire. Ce temps partagé rend "
                    "visibles les décalages avant qu'ils ne deviennent des reproches.</p>"
                ),
                key_points(
                    "Le DSL s'ancre dans un territoire et dans la durée.",
                    "Il réunit habitant·es, élu·es et professionnel·les.",
                    "Il décloisonne les politiques et les services.",
                ),
                reading(SANCHEZ),
            ],
        },
        {
            "slug": "conduire-un-diagnostic-de-territoire",
            "objectives": [
                "Choisir les sources d'un diagnostic de territoire (données, cartographie, parole des habitants).",
                "Aboutir à des enjeux hiérarchisés et partagés.",
            ],
            "title": "Conduire un diagnostic de territoire",
            "summary": "Croiser chiffres, cartes et paroles d'habitant·es pour aboutir à quelques enjeux partagés.",
            "body": [
                heading("Plusieurs sources, un même territoire"),
                text(
                    "<ul><li><b>Des données</b> : statistiques de l'INSEE, de la CAF, des bailleurs sociaux.</li>"
                    "<li><b>Une cartographie des acteurs</b> : qui intervient, sur quoi, avec qui.</li>"
                    "<li><b>Des enquêtes</b> et des <b>marches exploratoires</b> dans le quartier, avec les "
                    "habitant·es.</li>"
                    "<li><b>La parole des habitant·es</b>, recueillie là où ils et elles vivent.</li></ul>"
                ),
                heading("Des constats aux enjeux", "h3"),
                text(
                    "<p>Le diagnostic ne s'arrête pas à une liste de manques. Il relève aussi les ressources du "
                    "territoire (associations, lieux, savoir-faire des habitant·es) et aboutit à quelques "
                    "<b>enjeux hiérarchisés</b>, discutés avec les personnes concernées, les partenaires et les "
                    "élu·es.</p>"
                ),
                glossary(
                    "Diagnostic partagé",
                    "État des lieux construit avec les acteurs et les habitant·es d'un territoire.",
                ),
                testimony(
                    "Sur la carte, l'arrêt de bus était à 400 mètres. Pendant la marche, les jeunes nous ont "
                    "montré qu'il n'y passait que deux cars par jour, aucun le samedi.",
                    "Claire",
                    "coordinatrice jeunesse d'une intercommunalité (témoignage fictif)",
                ),
                reflection(prompts.PROMPT_TERRITORY),
                key_points(
                    "Croiser données, cartes, enquêtes et paroles d'habitant·es.",
                    "Relever les ressources autant que les manques.",
                    "Aboutir à des enjeux hiérarchisés et partagés.",
                ),
                reading(MANUEL),
            ],
        },
        {
            "slug": "partenariats-et-travail-en-reseau",
            "objectives": [
                "Distinguer partenariat formalisé et travail en réseau.",
                "Faire remonter les dysfonctionnements constatés sans renvoyer les personnes d'un guichet à l'autre.",
            ],
            "title": "Partenariats et travail en réseau",
            "summary": "Passer de la juxtaposition des dispositifs à la coopération entre acteurs d'un territoire.",
            "body": [
                heading("Coopérer plutôt que juxtaposer"),
                text(
                    "<p>Sur un même territoire, plusieurs services suivent souvent les mêmes familles sans se "
                    "parler, chacun avec son dispositif. L'intervention collective demande de passer de cette "
                    "juxtaposition à une logique de <b>coopération</b> : partager un diagnostic, se répartir les "
                    "rôles, porter ensemble un projet.</p>"
                ),
                glossary("Partenariat", "Coopération formalisée entre organisations."),
                glossary(
                    "Travail en réseau",
                    "Liens durables entre acteurs autour d'une situation ou d'un territoire.",
                ),
                heading("Faire vivre un partenariat", "h3"),
                text(
                    "<ul><li>Se mettre d'accord sur ce que chacun·e apporte et attend.</li>"
                    "<li>Formaliser ce qui doit l'être (convention, comité de pilotage) sans alourdir.</li>"
                    "<li>Garder une place aux habitant·es dans les instances.</li>"
                    "<li>Faire le point régulièrement et accepter que les rôles évoluent.</li></ul>"
                    "<p>Ces compétences relèvent du domaine de compétences DC4 des diplômes d'État du travail "
                    "social : dynamiques interinstitutionnelles, partenariats et réseaux.</p>"
                ),
                reflection(prompts.PROMPT_PARTNERSHIP),
                key_points(
                    "Coopérer plutôt que juxtaposer les dispositifs.",
                    "Un partenariat se formalise et se fait vivre.",
                    "Les habitant·es ont leur place dans les instances partenariales.",
                ),
                reading(CASF_L123_6, TRIBUNE_RESEAUX),
            ],
        },
        {
            "slug": "un-projet-de-territoire-avec-les-jeunes",
            "objectives": [
                "Associer des jeunes à un projet dès sa conception.",
                "Négocier un projet avec une intercommunalité en s'appuyant sur de petites victoires.",
            ],
            "title": "Un projet de territoire avec les jeunes",
            "summary": "De la parole de jeunes d'un territoire rural à une négociation avec l'intercommunalité.",
            "body": [
                heading("Une démarche pas à pas"),
                text(
                    "<p>Dans un territoire rural, des jeunes disent leurs difficultés de transport. Un "
                    "diagnostic itinérant permet de les rencontrer là où ils sont ; un groupe se forme ; il "
                    "élabore un projet (mobilité, local) puis le présente à l'intercommunalité. La mission "
                    "locale, la MSA, la prévention spécialisée et les élu·es sont des partenaires possibles.</p>"
                ),
                heading("Ce qui aide, ce qui freine", "h3"),
                text(
                    "<ul><li>Des <b>petites victoires rapides</b> entretiennent la mobilisation.</li>"
                    "<li>Un projet pensé par les adultes, ou des réunions fixées aux horaires des institutions, "
                    "découragent les jeunes.</li>"
                    "<li>Porter le projet par une association de jeunes ou par une structure existante est une "
                    "décision à prendre avec eux.</li></ul>"
                ),
                case_ref(
                    CASE_RURAL_YOUTH,
                    "Dans ce cas, vous accompagnez des jeunes sans moyen de transport jusqu'à la négociation "
                    "avec l'intercommunalité.",
                ),
                key_points(
                    "Rencontrer les jeunes là où ils sont, aux heures où ils sont disponibles.",
                    "Viser des petites victoires rapides.",
                    "Décider avec eux de qui porte le projet.",
                ),
                reading(SANCHEZ, MANUEL),
            ],
        },
    ],
}
