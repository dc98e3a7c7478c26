"""Module: développement du pouvoir d'agir and the participation of the people concerned."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    ALUR_CRPA,
    ARNSTEIN,
    BACQUE,
    BACQUE_MECHMACHE,
    CASE_CVS_EHPAD,
    CASF_D142_1_1,
    CVS_2022,
    LE_BOSSE,
    LOI_2002_2,
    LOI_LAMY,
    QUIZ_PARTICIPATION,
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
    "slug": "pouvoir-d-agir-et-participation",
    "title": "Pouvoir d'agir et participation des personnes concernées",
    "summary": "Ce que recouvre le développement du pouvoir d'agir, comment la loi organise la participation des "
    "personnes accompagnées, et comment éviter que cette participation reste de façade.",
    "objectives": "<ul><li>Expliquer les quatre axes du développement du pouvoir d'agir selon Yann Le Bossé.</li>"
    "<li>Distinguer les modèles d'empowerment et ce qu'ils impliquent pour la pratique.</li>"
    "<li>Situer les instances de participation prévues par les textes (CVS, CRPA, conseils citoyens) et le "
    "public que chacune concerne.</li>"
    "<li>Évaluer le degré réel de participation d'un dispositif.</li></ul>",
    "audience": "Professionnel·les de l'accompagnement, cadres d'établissements sociaux et médico-sociaux",
    "level": CoursePage.Level.DEEPENING,
    "sequencing": CoursePage.Sequencing.FREE,
    "domains": ["DC1", "DC2"],
    "lessons": [
        {
            "slug": "pouvoir-d-agir-de-quoi-parle-t-on",
            "objectives": [
                "Définir le pouvoir d'agir et ses traductions possibles de l'empowerment.",
                "Distinguer les modèles radical, social-libéral et néolibéral de l'empowerment.",
            ],
            "title": "Le pouvoir d'agir : de quoi parle-t-on ?",
            "summary": "Pouvoir d'agir, empowerment, capacitation : des mots proches qui ne portent pas le même "
            "projet.",
            "body": [
                heading("Un mot, plusieurs projets"),
                text(
                    "<p>Le terme anglais <i>empowerment</i> n'a pas de traduction stable en français : on parle "
                    "de capacitation, d'autonomisation ou de <b>pouvoir d'agir</b>. Derrière ces mots, il s'agit "
                    "toujours d'un processus par lequel des personnes, seules ou ensemble, gagnent de la prise "
                    "sur leur vie. Mais ce processus peut servir des projets très différents.</p>"
                ),
                heading("Trois modèles d'empowerment", "h3"),
                text(
                    "<p>Marie-Hélène Bacqué et Carole Biewener distinguent trois façons de l'entendre :</p>"
                    "<ul><li>un modèle <b>radical</b>, tourné vers l'émancipation collective et la "
                    "transformation des rapports sociaux ;</li>"
                    "<li>un modèle <b>libéral</b> (ou social-libéral), qui associe autonomie des personnes et "
                    "réduction des inégalités, sans remettre en cause l'organisation de la société ;</li>"
                    "<li>un modèle <b>néolibéral</b>, où l'empowerment se réduit à rendre chacun responsable de "
                    "sa propre situation.</li></ul>"
                    "<p>Repérer le modèle à l'œuvre évite de confondre « rendre les personnes actrices » et "
                    "« leur renvoyer la charge de leurs difficultés ».</p>"
                ),
                heading("À quoi le reconnaître dans sa pratique ?", "h3"),
                text(
                    "<p>Trois questions aident à situer une action qui se réclame du pouvoir d'agir.</p>"
                    "<ul><li><b>Qui a défini le problème ?</b> Si le thème d'un atelier a été choisi par "
                    "l'institution avant toute rencontre, le pouvoir des participant·es se limite à y venir ou "
                    "non.</li>"
                    "<li><b>Sur quoi les personnes peuvent-elles agir ?</b> Un groupe qui apprend à gérer un "
                    "budget serré gagne en compétences ; un groupe qui obtient la révision de charges "
                    "injustifiées change aussi la situation qui rendait le budget serré. Les deux ont du sens, "
                    "mais ce ne sont pas les mêmes effets.</li>"
                    "<li><b>Qui décide de la suite ?</b> Quand le financement s'arrête, le groupe peut-il "
                    "continuer, se transformer, s'adresser à d'autres ? Ou l'action disparaît-elle avec le "
                    "dispositif qui la portait ?</li></ul>"
                    "<p>Ces questions ne servent pas à classer les actions en bonnes ou mauvaises. Une action "
                    "centrée sur les compétences individuelles peut être une première étape utile, à condition "
                    "de ne pas présenter comme une émancipation ce qui reste une adaptation. Elles aident "
                    "surtout à dire honnêtement, aux personnes comme à l'institution, ce que l'on cherche.</p>"
                    "<p>La définition réglementaire du travail social parle de développer la capacité d'agir "
                    "des personnes, et d'associer celles-ci à la construction des réponses (CASF, art. "
                    "D. 142-1-1). Le texte fixe une orientation ; c'est dans la manière de conduire chaque "
                    "action qu'elle prend un sens ou un autre.</p>"
                ),
                glossary(
                    "Empowerment",
                    "Processus par lequel des personnes ou des groupes acquièrent du pouvoir sur leur vie, à la "
                    "fois individuellement et collectivement.",
                ),
                glossary(
                    "Pouvoir d'agir",
                    "La capacité réelle d'agir sur ce qui compte pour soi ou pour son groupe.",
                ),
                testimony(
                    "On nous disait sans arrêt qu'il fallait « être acteur de notre parcours ». Le jour où on a "
                    "pu choisir ensemble le sujet de la réunion avec la CAF, j'ai compris ce que ça voulait dire.",
                    "Nadia",
                    "membre d'un groupe de parents solos (témoignage fictif)",
                ),
                key_points(
                    "Pouvoir d'agir et empowerment désignent un processus, individuel et collectif.",
                    "Le même mot peut viser l'émancipation ou la simple responsabilisation.",
                    "La définition du travail social de 2017 mentionne la capacité d'agir des personnes.",
                ),
                reading(CASF_D142_1_1, BACQUE),
            ],
        },
        {
            "slug": "quatre-axes-dpa-pc",
            "objectives": [
                "Énoncer les quatre axes du développement du pouvoir d'agir selon Yann Le Bossé.",
                "Les appliquer à l'analyse d'une situation d'accompagnement.",
            ],
            "title": "Les quatre axes du DPA-PC",
            "summary": "Yann Le Bossé propose une démarche en quatre axes pour aider les personnes et les "
            "collectivités à agir davantage sur ce qui compte pour elles.",
            "body": [
                text(
                    "<p>Le <b>développement du pouvoir d'agir des personnes et des collectivités</b> (DPA-PC) a "
                    "été conceptualisé par Yann Le Bossé, à l'Université Laval, au Québec. Il part d'un constat : "
                    "beaucoup de personnes accompagnées, et beaucoup de professionnel·les, se sentent "
                    "impuissant·es. L'objectif n'est pas de tout changer, mais d'agir davantage sur ce qui "
                    "compte pour soi, ses proches ou son collectif.</p>"
                ),
                glossary("DPA-PC", "Développement du pouvoir d'agir des personnes et des collectivités."),
                heading("Quatre axes pour guider l'intervention"),
                text(
                    "<ol><li><b>L'acteur en contexte</b> comme unité d'analyse : on ne regarde ni la personne "
                    "seule, ni la structure seule, mais une personne aux prises avec une situation donnée.</li>"
                    "<li><b>Une définition négociée du changement</b> visé et de la manière d'y parvenir : le "
                    "problème et la solution ne sont pas posés d'avance par le ou la professionnel·le.</li>"
                    "<li><b>La prise en compte des contextes</b> d'application : ressources, contraintes, "
                    "règles du dispositif, moment propice.</li>"
                    "<li><b>Une démarche d'action conscientisante</b> : en agissant, les personnes comprennent "
                    "mieux ce qui les empêchait d'agir, et ce qu'elles peuvent y faire.</li></ol>"
                ),
                heading("Dans la pratique", "h3"),
                text(
                    "<p>Une mère seule vient pour une aide aux frais de cantine. Le premier axe invite à la voir "
                    "dans son contexte (horaires de travail décalés, école éloignée) ; le deuxième à lui demander "
                    "ce qu'elle voudrait voir changer ; le troisième à repérer ce qui est possible maintenant ; "
                    "le quatrième à faire de chaque pas une occasion de comprendre. Si d'autres parents vivent "
                    "la même chose, la démarche peut devenir collective.</p>"
                ),
                reflection(prompts.PROMPT_WHAT_MATTERS),
                key_points(
                    "Agir davantage sur ce qui compte, pas tout résoudre.",
                    "Le changement visé se négocie avec les personnes.",
                    "Le contexte fait partie du problème autant que la personne.",
                ),
                reading(LE_BOSSE),
            ],
        },
        {
            "slug": "participation-inscrite-dans-la-loi",
            "objectives": [
                "Situer le CVS, les conseils citoyens, le CNPA et les CRPA, et le public de chacun.",
                "Citer les textes qui fondent chacune de ces instances.",
                "Repérer ce que la réforme du CVS de 2022 a changé.",
            ],
            "title": "La participation, un droit inscrit dans les textes",
            "summary": "De la loi du 2 janvier 2002 aux conseils citoyens, les instances où les personnes "
            "concernées ont voix au chapitre.",
            "body": [
                heading("La loi 2002-2 et le conseil de la vie sociale"),
                text(
                    "<p>La <b>loi n° 2002-2 du 2 janvier 2002</b> affirme les droits des usagers des établissements "
                    "et services sociaux et médico-sociaux. Elle leur donne des outils : "
                    "livret d'accueil, charte des droits et libertés, contrat de séjour, règlement de "
                    "fonctionnement, projet d'établissement et <b>conseil de la vie sociale</b> (CVS).</p>"
                    "<p>Le CVS a été organisé par un décret du 25 mars 2004, puis réformé par le décret "
                    "n° 2022-688 du 25 avril 2022, en vigueur depuis le 1er janvier 2023 : composition élargie, "
                    "règlement intérieur, obligation de rendre compte des suites données à ses avis.</p>"
                ),
                glossary("CVS", "Conseil de la vie sociale : instance de participation des personnes accueillies."),
                heading("Les conseils des personnes accueillies ou accompagnées"),
                text(
                    "<p>Le conseil national et les conseils régionaux des personnes accueillies ou accompagnées "
                    "(<b>CNPA et CRPA</b>) ne couvrent pas tous les usagers des établissements sociaux et "
                    "médico-sociaux : ils concernent le secteur de l'accueil, de l'hébergement et de "
                    "l'insertion (AHI), c'est-à-dire les personnes sans domicile, hébergées ou accompagnées "
                    "vers le logement. Ils prolongent une expérience lancée en 2010 par l'Armée du Salut, la "
                    "FNARS (devenue Fédération des acteurs de la solidarité) et l'Uniopss. La loi du 24 mars "
                    "2014 dite ALUR (article 40) a inscrit la participation de ces personnes dans la loi, et le "
                    "décret n° 2016-1440 du 26 octobre 2016 l'a organisée ; les personnes concernées y "
                    "représentent au moins les deux tiers des membres.</p>"
                ),
                glossary(
                    "CRPA / CNPA",
                    "Conseils régional et national des personnes accueillies ou accompagnées.",
                ),
                heading("Les conseils citoyens"),
                text(
                    "<p>Dans les quartiers de la politique de la ville, la loi du 21 février 2014, dite loi "
                    "Lamy, a créé les <b>conseils citoyens</b>. Elle fait suite au rapport de "
                    "Marie-Hélène Bacqué et Mohamed Mechmache remis en 2013.</p>"
                ),
                key_points(
                    "La loi du 2 janvier 2002 fait de la participation un droit des personnes accompagnées.",
                    "Le CVS a été réformé en 2022 ; les suites données à ses avis doivent être connues.",
                    "CNPA et CRPA relèvent du secteur accueil-hébergement-insertion ; les personnes concernées "
                    "y sont au moins deux tiers.",
                ),
                reading(LOI_2002_2, CVS_2022, ALUR_CRPA, LOI_LAMY, BACQUE_MECHMACHE),
            ],
        },
        {
            "slug": "eviter-la-participation-alibi",
            "objectives": [
                "Situer un dispositif sur l'échelle de la participation de Sherry Arnstein.",
                "Repérer les signes d'une participation alibi et proposer des corrections.",
            ],
            "title": "Éviter la participation alibi",
            "summary": "Une instance qui existe sur le papier ne garantit pas que les personnes pèsent sur les "
            "décisions : l'échelle d'Arnstein aide à le mesurer.",
            "body": [
                heading("L'échelle de la participation"),
                text(
                    "<p>En 1969, Sherry Arnstein a proposé une échelle pour situer la participation des "
                    "citoyen·nes. Tout en bas, la manipulation : on réunit les personnes pour obtenir leur "
                    "adhésion à un projet déjà décidé. "
                    "Au milieu, l'information et la consultation : on demande un avis, sans garantie qu'il "
                    "compte. En haut, le partenariat, la délégation de pouvoir et le contrôle par les citoyen·nes "
                    "eux-mêmes.</p>"
                    "<p>Le repère reste utile : une réunion où l'on présente un projet déjà arrêté n'est pas une "
                    "co-construction, même si elle est bien animée.</p>"
                ),
                heading("Des signes qui ne trompent pas", "h3"),
                text(
                    "<ul><li>Qui fixe l'ordre du jour et qui rédige le compte rendu ?</li>"
                    "<li>Les avis donnés reçoivent-ils une réponse écrite, même négative ?</li>"
                    "<li>Les documents sont-ils lisibles par tous, par exemple en « facile à lire et à "
                    "comprendre » (FALC) ?</li>"
                    "<li>Les personnes sont-elles associées à chaque étape, du diagnostic à l'évaluation ?</li>"
                    "</ul>"
                ),
                glossary(
                    "Savoirs d'expérience",
                    "Connaissances tirées du vécu des personnes concernées, reconnues à côté des savoirs "
                    "universitaires et professionnels.",
                ),
                testimony(
                    "Au conseil de la vie sociale, pendant deux ans, c'est la direction qui lisait son rapport. "
                    "Depuis qu'on prépare l'ordre du jour avec les résidents la veille, ce sont eux qui posent "
                    "les questions.",
                    "Hélène",
                    "animatrice en EHPAD (témoignage fictif)",
                ),
                case_ref(
                    CASE_CVS_EHPAD,
                    "Dans ce cas, un conseil de la vie sociale ne se réunit plus : à vous de le relancer avec "
                    "les résidents et leurs familles.",
                ),
                quiz_ref(QUIZ_PARTICIPATION),
                reflection(prompts.PROMPT_LADDER),
                key_points(
                    "Consulter n'est pas associer à la décision.",
                    "Rendre compte des suites données aux avis est une condition de la confiance.",
                    "La participation se joue à chaque étape, pas seulement en réunion.",
                ),
                reading(ARNSTEIN, LE_BOSSE, BACQUE),
            ],
        },
    ],
}
