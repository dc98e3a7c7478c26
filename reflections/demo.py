"""Demo content of the journal: ready-made reflection prompts and a few entries of the demo learner.

PROMPTS are block values for lessons: the courses demo places them with
`("reflection", reflections.demo.PROMPTS[0])`; their ids are fixed so that the activity keys stay the same
each time the demo is loaded.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User

from . import services
from .models import Feedback, JournalEntry
from .sanitize import clean_html

PROMPT_PARTICIPATION = {
    "prompt": (
        "Repensez à une réunion collective que vous avez préparée ou animée. Qui a pris la parole, qui s'est tu, "
        "et qu'est-ce qui, dans l'organisation de la réunion, a pu produire cet écart ?"
    ),
    "guiding_questions": [
        "Qui avait choisi l'horaire, le lieu et l'ordre du jour ?",
        "À quel moment avez-vous parlé à la place du groupe ?",
        "Que changeriez-vous pour que la parole circule davantage la prochaine fois ?",
    ],
    "expected_length": "medium",
    "required": True,
    "prompt_id": "0b5e7a52-3c1f-4d0e-9a57-6f1d2c8e4a01",
}

PROMPT_INDIVIDUAL_COLLECTIVE = {
    "prompt": (
        "Choisissez une situation que vous suivez en accompagnement individuel et qui ressemble à celles d'autres "
        "personnes (logement, énergie, accès aux droits). Qu'est-ce qu'une approche collective pourrait y apporter, "
        "sans remplacer l'aide individuelle ?"
    ),
    "guiding_questions": [
        "Quelles préoccupations communes entendez-vous d'une personne à l'autre ?",
        "Quelles ressources (habitants, partenaires, lieux) existent déjà sur le territoire ?",
        "Que faudrait-il négocier avec votre employeur pour vous y engager ?",
    ],
    "expected_length": "long",
    "required": True,
    "prompt_id": "0b5e7a52-3c1f-4d0e-9a57-6f1d2c8e4a02",
}

PROMPT_POSTURE = {
    "prompt": (
        "« Le professionnel garantit le cadre et la méthode plus qu'il n'apporte les solutions. » Qu'est-ce que "
        "cette phrase change, concrètement, dans votre manière de travailler avec un groupe ?"
    ),
    "guiding_questions": [
        "Dans quelle situation récente avez-vous proposé une solution toute faite ?",
        "Qu'est-ce qui vous rassure quand c'est vous qui décidez ?",
    ],
    "expected_length": "short",
    "required": False,
    "prompt_id": "0b5e7a52-3c1f-4d0e-9a57-6f1d2c8e4a03",
}


def _prompt(number, prompt, guiding_questions, expected_length="medium", required=False):
    """A prompt with a fixed id, so that its activity key stays the same each time the demo is loaded."""
    return {
        "prompt": prompt,
        "guiding_questions": list(guiding_questions),
        "expected_length": expected_length,
        "required": required,
        "prompt_id": f"0b5e7a52-3c1f-4d0e-9a57-6f1d2c8e4a{number:02d}",
    }


PROMPT_FAMILIES = _prompt(
    4,
    "Parmi le travail social communautaire, le travail avec les groupes et le développement social local, quelle "
    "approche votre service pratique-t-il déjà, même sans la nommer ainsi ?",
    [
        "Citez une action récente qui réunissait plusieurs personnes concernées : qui l'avait proposée ?",
        "Quelle approche vous semble la plus éloignée des habitudes de votre service, et pourquoi ?",
    ],
    expected_length="short",
)

PROMPT_WHAT_MATTERS = _prompt(
    5,
    "Pensez à une personne ou à un groupe que vous accompagnez. Qu'est-ce qui compte vraiment pour eux, et en "
    "quoi est-ce différent du problème tel que votre institution l'a défini ?",
    [
        "Avec quels mots les personnes décrivent-elles elles-mêmes leur difficulté ?",
        "Sur quoi ont-elles, dès aujourd'hui, un peu de prise ?",
        "Quel obstacle tient au contexte (règles, horaires, dispositifs) plutôt qu'aux personnes ?",
    ],
    required=True,
)

PROMPT_LADDER = _prompt(
    6,
    "Choisissez une instance de participation que vous connaissez (conseil de la vie sociale, conseil citoyen, "
    "comité d'usagers, réunion d'habitants). Où la situeriez-vous sur l'échelle de Sherry Arnstein, et pourquoi ?",
    [
        "Qui prépare l'ordre du jour, et qui rédige le compte rendu ?",
        "Citez un avis des participant·es qui a réellement changé une décision.",
        "Que faudrait-il modifier pour monter d'un barreau ?",
    ],
    expected_length="long",
    required=True,
)

PROMPT_FRAME = _prompt(
    7,
    "Rédigez les trois ou quatre règles de fonctionnement que vous proposeriez à un groupe qui se réunit pour la "
    "première fois, puis dites comment vous laisseriez le groupe les modifier.",
    [
        "Que direz-vous de la confidentialité de ce qui se dit dans le groupe ?",
        "Qui choisira les horaires et le lieu des prochaines rencontres ?",
    ],
    expected_length="short",
)

PROMPT_CONFLICT = _prompt(
    8,
    "Racontez un désaccord survenu dans un groupe que vous animiez, ou entre ce groupe et une institution. "
    "Comment l'avez-vous accueilli, et qu'en a fait le groupe ?",
    [
        "Avez-vous cherché d'abord à apaiser, à trancher ou à comprendre ?",
        "Qu'est-ce que ce désaccord disait des intérêts en présence ?",
        "De quoi auriez-vous eu besoin (analyse des pratiques, appui de votre encadrement) ?",
    ],
    required=True,
)

PROMPT_REACH_OUT = _prompt(
    9,
    "Qui ne vient jamais à votre permanence ou à vos réunions, alors que vous savez que ces personnes sont "
    "concernées ? Imaginez une démarche pour « aller vers » elles.",
    [
        "Où ces personnes passent-elles au quotidien, et à quelles heures ?",
        "Quel partenaire les rencontre déjà et pourrait vous présenter ?",
        "Comment éviter que la démarche soit vécue comme un contrôle ?",
    ],
)

PROMPT_DIGITAL = _prompt(
    10,
    "Décrivez la dernière démarche en ligne que vous avez faite pour une personne, ou avec elle. Qu'a-t-elle "
    "appris ce jour-là, et que devra-t-elle encore demander la prochaine fois ?",
    [
        "Qui tenait le clavier et la souris ?",
        "Quel cadre protégeait ses identifiants et ses données ?",
        "Existait-il une autre voie, sans numérique, pour cette démarche ?",
    ],
    required=True,
)

PROMPT_TERRITORY = _prompt(
    11,
    "Dessinez la carte des acteurs de votre territoire autour d'une question qui vous occupe (logement, "
    "isolement, mobilité). Qui coopère déjà, qui s'ignore, et où sont les habitant·es ?",
    [
        "Quelles données chiffrées avez-vous, et quels récits d'habitant·es les complètent ?",
        "Quelles ressources du territoire passent inaperçues dans les rapports d'activité ?",
    ],
    expected_length="long",
)

PROMPT_EVALUATION = _prompt(
    12,
    "Pour une action collective que vous connaissez, listez un effet sur la situation, un effet sur les personnes "
    "et un effet sur les institutions. Lequel serait absent d'un bilan qui ne compterait que les participant·es ?",
    [
        "Qui pourrait témoigner de chacun de ces effets ?",
        "Comment le groupe lui-même pourrait-il participer au bilan ?",
    ],
    required=True,
)

PROMPT_PARTNERSHIP = _prompt(
    13,
    "Pensez à un partenaire avec qui vous suivez souvent les mêmes personnes sans vraiment coopérer. Que "
    "faudrait-il pour passer de la juxtaposition à un projet commun ?",
    [
        "Que sait ce partenaire que vous ignorez, et inversement ?",
        "Quelle première action commune, modeste, pourriez-vous lui proposer ?",
    ],
    expected_length="short",
)

PROMPTS = [
    PROMPT_PARTICIPATION,
    PROMPT_INDIVIDUAL_COLLECTIVE,
    PROMPT_POSTURE,
    PROMPT_FAMILIES,
    PROMPT_WHAT_MATTERS,
    PROMPT_LADDER,
    PROMPT_FRAME,
    PROMPT_CONFLICT,
    PROMPT_REACH_OUT,
    PROMPT_DIGITAL,
    PROMPT_TERRITORY,
    PROMPT_EVALUATION,
    PROMPT_PARTNERSHIP,
]

LEARNER_EMAIL = "apprenante@demo.collectif.test"
TRAINER_EMAIL = "formatrice@demo.collectif.test"

ENTRIES = [
    {
        "title": "Le café des voisins de la résidence",
        "prompt": PROMPT_PARTICIPATION,
        "days_ago": 12,
        "shared": True,
        "html": (
            "<p>Jeudi, nous avons réuni pour la deuxième fois les locataires du bâtiment C autour des factures "
            "d'énergie. Sur quatorze personnes, trois ont parlé presque tout le temps, dont moi.</p>"
            "<p>En relisant mes notes, je vois que <strong>j'ai ouvert chaque point de l'ordre du jour</strong> "
            "et que j'ai proposé moi-même de contacter le bailleur. Une habitante a dit ensuite : « vous allez "
            "vous en occuper ». Je crois que je le leur ai un peu suggéré.</p>"
            "<ul><li>Horaire fixé par le service : 14 h, alors que plusieurs personnes travaillent.</li>"
            "<li>Salle du centre social : confortable, mais loin pour les personnes âgées.</li></ul>"
            "<p>La prochaine fois, je voudrais que l'ordre du jour soit préparé avec deux locataires volontaires.</p>"
        ),
        "feedback": (
            "<p>Merci pour cette analyse très honnête. Repérer que vous avez ouvert chaque point est déjà un "
            "changement de regard.</p><p>Pour la prochaine réunion, vous pourriez proposer un <em>tour de table "
            "des préoccupations</em> avant tout ordre du jour, et demander au groupe qui souhaite porter la parole "
            "auprès du bailleur. Nous en reparlerons en séance d'analyse de pratiques.</p>"
        ),
    },
    {
        "title": "Ce que je fais à la place des parents",
        "prompt": PROMPT_POSTURE,
        "days_ago": 5,
        "shared": True,
        "html": (
            "<p>Aux ateliers sur l'espace numérique du collège, j'ai souvent pris la souris pour aller plus vite. "
            "Deux mères m'ont demandé de me connecter avec leurs identifiants : j'ai refusé, mais j'ai montré les "
            "manipulations à leur place.</p>"
            "<blockquote><p>Ce qui me rassure quand je décide, c'est que l'atelier se termine à l'heure.</p>"
            "</blockquote>"
            "<p>Je voudrais essayer les binômes de parents proposés dans le module, et garder une solution sans "
            "numérique pour les familles qui le souhaitent.</p>"
        ),
        "feedback": None,
    },
    {
        "title": "Premières idées sur les impayés d'énergie",
        "prompt": PROMPT_INDIVIDUAL_COLLECTIVE,
        "days_ago": 2,
        "shared": False,
        "html": (
            "<p>Huit ménages du même immeuble sont venus pour des impayés en un mois. Je continue les demandes "
            "d'aide individuelles, mais je me demande si le problème ne vient pas du chauffage collectif.</p>"
            "<ol><li>Vérifier avec les locataires les relevés et l'état des fenêtres.</li>"
            "<li>Proposer une rencontre commune, sans promettre de résultat.</li></ol>"
        ),
        "feedback": None,
    },
]


def load():
    learner = User.objects.filter(email=LEARNER_EMAIL).first()
    trainer = User.objects.filter(email=TRAINER_EMAIL).first()
    if learner is None:
        return []
    created = 0
    for spec in ENTRIES:
        entry = JournalEntry.objects.filter(author=learner, title=spec["title"]).first()
        if entry is None:
            created += 1
            entry = services.new_entry(learner)
            entry.prompt_key = f"reflection:{spec['prompt']['prompt_id']}"
            entry.prompt_title = spec["prompt"]["prompt"][:300]
            entry = services.save(entry, spec["title"], clean_html(spec["html"]))
            when = timezone.now() - timedelta(days=spec["days_ago"])
            JournalEntry.objects.filter(pk=entry.pk).update(created_at=when, saved_at=when, draft_updated_at=when)
            if spec["shared"]:
                entry.shared_at = when + timedelta(hours=1)
                entry.save(update_fields=["shared_at"])
        if spec["feedback"] and trainer and not entry.feedback.exists():
            feedback = Feedback.objects.create(entry=entry, author=trainer, body_html=clean_html(spec["feedback"]))
            when = timezone.now() - timedelta(days=spec["days_ago"] - 2)
            Feedback.objects.filter(pk=feedback.pk).update(created_at=when)
    return [f"Journal de démonstration : {created} entrée(s) créée(s) pour {LEARNER_EMAIL}."] if created else []
