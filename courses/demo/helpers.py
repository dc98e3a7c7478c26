"""Builders of lesson body blocks for the demo curriculum, and the reading references it cites.

Values are complete, JSON-ready block values, so that a lesson built twice from the same spec compares equal to
the stored one (see `canonical` in __init__). Activity blocks pointing at other apps' content are markers
resolved when the demo loads (`case_ref`, `quiz_ref`), since case pages and quizzes get their ids then.
"""

CASE_MARKER = "demo_case"

# Slugs of the demo cases (cases/demo): a lesson shows a case only if it exists when the demo loads.
CASE_TILLEULS = "impayes-energie-residence-les-tilleuls"
CASE_CVS_EHPAD = "relancer-le-cvs-de-l-ehpad-les-glycines"
CASE_VILLAGE = "isolement-des-aines-a-vernay"
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
    "Cyprien Avenel, Cristelle Martin, Manuel de l'intervention collective pour les travailleurs sociaux, 2021",
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
    "Saul Alinsky, Rules for Radicals, 1971",
    "Le texte fondateur du community organizing, pour comprendre la place qu'il donne au conflit.",
)
TRIBUNE_RESEAUX = ref(
    "Tribune Fonda n° 253, « Travail social : faire réseaux », mars 2022",
    "Le numéro consacré au travail en réseau, dont la médiation sociale et numérique.",
)
