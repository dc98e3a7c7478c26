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

PROMPTS = [PROMPT_PARTICIPATION, PROMPT_INDIVIDUAL_COLLECTIVE, PROMPT_POSTURE]

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
