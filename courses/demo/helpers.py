"""Builders of lesson body blocks for the demo curriculum, and the reading references it cites.

Values are complete, JSON-ready block values, so that a lesson built twice from the same spec compares equal to
the stored one (see `canonical` in __init__). Activity blocks pointing at other apps' content are markers
resolved when the demo loads (`case_ref`, `quiz_ref`), since case pages and quizzes get their ids then.
"""

CASE_MARKER = "demo_case"

# Slugs of the demo cases (cases/demo): a lesson shows a case only if it exists when the demo loads.
CASE_TILLEULS = "impayes-energie-residence-les-tilleuls"
CASE_CVS_EHPAD = "relancer-le-cvs-de-l-ehpad-les-glycines"
CASE_VILLAGE = "isolement-des-aines-a-orvenne"
CASE_UNHEALTHY_HOUSING = "locataires-face-au-logement-indigne"
CASE_FRANCE_SERVICES = "non-recours-et-solidarite-numerique-a-brenne-sur-aulne"
CASE_SCHOOL_DIGITAL = "parents-et-outils-numeriques-du-college"
CASE_RURAL_YOUTH = "jeunes-sans-transport-aux-trois-vallons"
QUIZ_MARKER = "demo_quiz"

# Slugs of the demo quiz pages (quizzes/demo), resolved the same way.
QUIZ_BEFORE = "ou-en-suis-je-avant"
QUIZ_AFTER = "ou-en-suis-je-apres"
QUIZ_LANDMARKS = "reperes-isc"
QUIZ_PARTICIPATION = "participation-des-personnes"
QUIZ_MEDIATION = "mediation-sociale-et-numerique"
QUIZ_POSTURE_BEFORE = "posture-animation-avant"
QUIZ_POSTURE_AFTER = "posture-animation-apres"
QUIZ_JUDGEMENT = "jugement-en-situation"


def block(kind, value):
    return {"type": kind, "value": value}


def heading(text, level="h2"):
    return block("heading", {"text": text, "level": level})


def text(html):
    return block("rich_text", html)


def key_points(*points, title="À retenir"):
    return block("key_points", {"title": title, "points": list(points)})


def glossary(term, definition):
    return block("glossary_term", {"term": term, "definition": definition})


def testimony(quote, author, role):
    """Testimonies of the demo are written for it: `role` always says so (« témoignage fictif »)."""
    return block("testimony", {"quote": quote, "author": author, "role": role})


def reading(*items, title="Pour aller plus loin"):
    return block("further_reading", {"title": title, "items": list(items)})


def reflection(prompt):
    """A prompt of reflections.demo, placed as is (its fixed id keeps the activity key stable)."""
    return block("reflection", dict(prompt))


def case_ref(slug, introduction, required=False):
    """A case block resolved at load time; left out when no case has this slug."""
    return block(CASE_MARKER, {"slug": slug, "introduction": introduction, "required": required})


def quiz_ref(page_slug, required=False):
    """A quiz block resolved at load time from the slug of the quiz's page; left out when missing."""
    return block(QUIZ_MARKER, {"page_slug": page_slug, "required": required})


def ref(reference, note):
    return {"reference": reference, "url": "", "note": note}


TRIBUNE_FONDA = ref(
    "Cristelle Martin, « L'intervention sociale collective : un renouvellement du travail social », "
    "Tribune Fonda n° 253, mars 2022",
    "L'article d'où part cette plateforme : pourquoi l'aide au cas par cas ne suffit plus.",
)
MANUEL = ref(
    "Cyprien Avenel, Cristelle Martin, Manuel de l'intervention collective pour les travailleurs sociaux, "
    "La Documentation française, 2021",
    "Un manuel pratique, étape par étape, écrit pour les professionnel·les.",
)
LE_BOSSE = ref(
    "Yann Le Bossé, Sortir de l'impuissance, Ardis, 2012 (tome 2 en 2016)",
    "La référence du développement du pouvoir d'agir des personnes et des collectivités (DPA-PC).",
)
BACQUE = ref(
    "Marie-Hélène Bacqué, Carole Biewener, L'empowerment, une pratique émancipatrice, La Découverte, 2013",
    "Pour distinguer l'émancipation collective de la simple responsabilisation individuelle.",
)
SANCHEZ = ref(
    "Jean-Louis Sanchez, Développement social local : les voies de l'action au service du changement, "
    "Cahiers de l'ODAS, 2007",
    "Le développement social local vu par l'un de ses promoteurs.",
)
BOURGUIGNON = ref(
    "Brigitte Bourguignon, Reconnaître et valoriser le travail social, rapport, 2015",
    "Le rapport qui a préparé le plan d'action interministériel d'octobre 2015.",
)
BACQUE_MECHMACHE = ref(
    "Marie-Hélène Bacqué, Mohamed Mechmache, Pour une réforme radicale de la politique de la ville, rapport, 2013",
    "Le rapport dont sont issus les conseils citoyens de la loi du 21 février 2014.",
)
FAGET = ref(
    "Jacques Faget, Médiations. Les ateliers silencieux de la démocratie, Érès, 2010",
    "Une lecture d'ensemble des médiations et de leur portée démocratique.",
)
ALINSKY = ref(
    "Saul Alinsky, Rules for Radicals, Random House, 1971",
    "Le texte fondateur du community organizing, pour comprendre la place qu'il donne au conflit.",
)
TRIBUNE_RESEAUX = ref(
    "Tribune Fonda n° 253, « Travail social : faire réseaux », mars 2022",
    "Le numéro consacré au travail en réseau, dont la médiation sociale et numérique.",
)


# Legal texts and public reports cited by the lessons: each names its article or its date; no address is given
# where it is not certain.
CASF_D142_1_1 = ref(
    "Code de l'action sociale et des familles, art. D. 142-1-1 (issu du décret n° 2017-877 du 6 mai 2017)",
    "La définition réglementaire du travail social, qui associe approches individuelles et collectives.",
)
ARRETES_2018 = ref(
    "Décrets et arrêtés du 22 août 2018 relatifs aux diplômes d'État du travail social (JO du 23 août 2018)",
    "Les référentiels des diplômes réformés (DEASS, DEES, DEETS, DEEJE, DECESF) et leurs domaines de compétences.",
)
PLAN_2015 = ref(
    "Plan d'action interministériel en faveur du travail social et du développement social, "
    "Conseil des ministres du 21 octobre 2015",
    "Les 26 mesures issues des États généraux du travail social.",
)
LOI_2002_2 = ref(
    "Loi n° 2002-2 du 2 janvier 2002 rénovant l'action sociale et médico-sociale ; CASF, art. L. 311-6",
    "Les droits des personnes accompagnées et les formes de participation, dont le conseil de la vie sociale.",
)
CVS_2022 = ref(
    "Décret n° 2022-688 du 25 avril 2022 ; CASF, art. D. 311-3 et suivants, notamment D. 311-16 et D. 311-19",
    "Les règles actuelles du conseil de la vie sociale : composition, convocation, ordre du jour, règlement intérieur.",
)
ALUR_CRPA = ref(
    "Loi n° 2014-366 du 24 mars 2014 (dite ALUR), art. 40 ; décret n° 2016-1440 du 26 octobre 2016",
    "La participation des personnes accueillies ou accompagnées du secteur accueil-hébergement-insertion (CNPA, CRPA).",
)
LOI_LAMY = ref(
    "Loi n° 2014-173 du 21 février 2014 de programmation pour la ville et la cohésion urbaine, art. 7",
    "La création des conseils citoyens dans les quartiers prioritaires de la politique de la ville.",
)
CASF_L123_6 = ref(
    "Code de l'action sociale et des familles, art. L. 123-6",
    "Le CCAS, établissement public administré par un conseil d'administration que préside le maire.",
)
CHARTE_2001 = ref(
    "Charte de référence de la médiation sociale, validée par le Comité interministériel des villes du "
    "1er octobre 2001",
    "Les principes d'action et la déontologie de la médiation sociale.",
)
NORME_2016 = ref(
    "AFNOR, norme expérimentale XP X60-600, « Cadre du métier de médiation sociale », décembre 2016",
    "Les registres d'intervention, la déontologie et l'évaluation de l'utilité sociale de la médiation.",
)
STRATEGIE_NUMERIQUE = ref(
    "Stratégie nationale pour un numérique inclusif, 13 septembre 2018",
    "D'où vient le chiffre de 13 millions de personnes éloignées du numérique, et les dispositifs qui ont suivi.",
)
STRATEGIE_PAUVRETE = ref(
    "Stratégie nationale de prévention et de lutte contre la pauvreté, septembre 2018",
    "La stratégie qui a remis l'« aller vers » au premier plan contre le non-recours.",
)
ARNSTEIN = ref(
    "Sherry R. Arnstein, « A Ladder of Citizen Participation », Journal of the American Institute of Planners, "
    "vol. 35, n° 4, 1969",
    "L'échelle de la participation, pour situer un dispositif entre manipulation et contrôle citoyen.",
)
