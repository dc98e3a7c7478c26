"""Demo content: French question banks on collective social intervention, four scored quizzes (one of
situational judgement) and two before/after self-positioning pairs, each published on its own page. Idempotent
(get_or_create)."""

from accounts.demo import give_to_demo_trainer
from core.models import CompetenceDomain

from .demo_questions import (
    MEDIATION,
    MEDIATION_QUESTIONS,
    PARTICIPATION,
    PARTICIPATION_QUESTIONS,
    POSTURE,
    POSTURE_QUESTIONS,
)
from .demo_sjt import SJT, SJT_QUESTIONS
from .models import AnswerVisibility, Choice, Question, QuestionCategory, QuestionType, Quiz, QuizItem, QuizKind
from .models.pages import QuizIndexPage, QuizPage

BANK = "Repères de l'intervention sociale collective"
SCALE = "Auto-positionnement en intervention collective"

# (name, type, text, domains, extra fields, choices [(text, correct, match, feedback)])
QUESTIONS = [
    (
        "ISIC : rapport fondateur",
        QuestionType.SINGLE,
        "Quel organisme a formalisé en 1988 la notion d'intervention sociale d'intérêt collectif (ISIC) ?",
        ["DC2"],
        {
            "feedback_correct": "Oui : c'est le rapport du CSTS de 1988 qui pose la notion.",
            "feedback_incorrect": "Pas tout à fait : la notion vient d'un rapport de 1988.",
            "explanation": "Le Conseil supérieur du travail social (CSTS) a défini l'ISIC en 1988 : agir avec la "
            "population d'un territoire pour faire émerger des intérêts communs.",
        },
        [
            ("Le Conseil supérieur du travail social (CSTS)", True, "", "C'est bien lui, créé en 1984."),
            ("Le Haut Conseil du travail social (HCTS)", False, "", "Le HCTS n'existe que depuis 2016."),
            ("L'Observatoire national de l'action sociale (ODAS)", False, "", "L'ODAS a porté le DSL, plus tard."),
            ("L'Association nationale des assistants de service social (ANAS)", False, "", ""),
        ],
    ),
    (
        "Démarche : point de départ",
        QuestionType.SINGLE,
        "Par quelle étape commence habituellement une intervention sociale collective ?",
        ["DC1"],
        {
            "feedback_correct": "Exact : tout part d'un diagnostic construit avec les personnes.",
            "feedback_incorrect": "Non : avant d'agir, on construit un état des lieux partagé.",
            "explanation": "Le diagnostic partagé croise données, récits et observations avec habitants, "
            "partenaires et élus ; il recense les ressources autant que les manques.",
        },
        [
            ("Le diagnostic partagé", True, "", ""),
            ("L'action", False, "", "L'action vient après la mobilisation et l'élaboration du projet."),
            ("L'évaluation", False, "", "L'évaluation clôt le cycle, elle ne l'ouvre pas."),
            ("La demande de subvention", False, "", "Les moyens se discutent lors de l'élaboration du projet."),
        ],
    ),
    (
        "Aidants Connect : qui peut agir",
        QuestionType.SINGLE,
        "Avec Aidants Connect, qui peut réaliser une démarche en ligne à la place d'un usager ?",
        ["DC4"],
        {
            "feedback_correct": "Oui : seul un aidant professionnel habilité peut utiliser le mandat.",
            "feedback_incorrect": "Non : le dispositif exclut les aidants non professionnels.",
            "explanation": "Le mandat Aidants Connect est limité à des démarches précises, pour un an au plus ; "
            "bénévoles, services civiques et aidants familiaux en sont exclus.",
        },
        [
            ("Un aidant professionnel habilité (travailleur social, agent France Services...)", True, "", ""),
            ("Un membre de la famille", False, "", "Les aidants familiaux sont exclus du dispositif."),
            ("Un bénévole d'association", False, "", "Les bénévoles ne peuvent pas être habilités."),
            ("Un volontaire en service civique", False, "", "Les services civiques sont exclus."),
        ],
    ),
    (
        "Les trois familles de l'ISIC",
        QuestionType.MULTIPLE,
        "Quelles approches l'ISIC regroupe-t-elle ?",
        ["DC1"],
        {
            "feedback_correct": "Bravo : ce sont les trois familles de l'ISIC.",
            "feedback_incorrect": "Il manque une famille, ou une réponse n'en fait pas partie.",
            "explanation": "L'ISIC réunit le travail social communautaire, le travail social avec les groupes (TSG) "
            "et le développement social local (DSL).",
        },
        [
            ("Le travail social communautaire", True, "", "Oui, même s'il reste rare en France."),
            ("Le travail social avec les groupes (TSG)", True, "", ""),
            ("Le développement social local (DSL)", True, "", ""),
            (
                "La médiation numérique",
                False,
                "",
                "C'est un autre champ : l'accompagnement vers l'autonomie numérique.",
            ),
        ],
    ),
    (
        "Principes de l'intervention collective",
        QuestionType.MULTIPLE,
        "Parmi ces principes, lesquels guident une intervention sociale collective ?",
        ["DC1", "DC3"],
        {
            "feedback_correct": "Oui : partir des personnes, reconnaître leurs savoirs, prendre le temps.",
            "feedback_incorrect": "Attention : le professionnel garantit le cadre et la méthode, il n'impose pas "
            "les solutions.",
            "explanation": "Le professionnel garantit le cadre et la méthode plus qu'il n'apporte les solutions ; "
            "la participation est recherchée à chaque étape.",
        },
        [
            ("Partir des préoccupations exprimées par les personnes", True, "", ""),
            ("Reconnaître les savoirs d'expérience", True, "", ""),
            ("Laisser le professionnel choisir les solutions", False, "", "C'est le groupe qui formule le projet."),
            ("Inscrire l'action dans le temps long", True, "", ""),
        ],
    ),
    (
        "Définition de 2017",
        QuestionType.TRUE_FALSE,
        "La définition réglementaire du travail social de 2017 oppose les approches individuelles et collectives.",
        ["DC2"],
        {
            "true_false_answer": False,
            "feedback_correct": "Exact : elle les associe.",
            "feedback_incorrect": "Non : le décret de 2017 les associe au service du changement social.",
            "explanation": "Le décret du 6 mai 2017 (article D. 142-1-1 du CASF) mentionne des approches "
            "individuelles et collectives, et les savoirs d'expérience des personnes.",
        },
        [],
    ),
    (
        "HCTS et CSTS",
        QuestionType.TRUE_FALSE,
        "Le Haut Conseil du travail social (HCTS) a succédé en 2016 au Conseil supérieur du travail social.",
        ["DC4"],
        {
            "true_false_answer": True,
            "feedback_correct": "Oui : le HCTS a été créé par décret du 1er juillet 2016.",
            "feedback_incorrect": "Si : le HCTS, créé en 2016, a pris la suite du CSTS.",
            "explanation": "Le HCTS comprend un collège de personnes accompagnées.",
        },
        [],
    ),
    (
        "Norme de médiation sociale",
        QuestionType.TRUE_FALSE,
        "La norme AFNOR publiée en 2016 sur le métier de médiation sociale était une norme expérimentale.",
        ["DC4"],
        {
            "true_false_answer": True,
            "feedback_correct": "Oui : c'était la norme expérimentale XP X60-600.",
            "feedback_incorrect": "Si : en 2016, la norme était expérimentale (XP), pas encore « NF ».",
            "explanation": "La norme XP X60-600 décrit huit registres d'intervention, une déontologie et "
            "l'évaluation de l'utilité sociale.",
        },
        [],
    ),
    (
        "Courants et repères",
        QuestionType.MATCHING,
        "Associez chaque courant à ce qui le caractérise.",
        ["DC1", "DC2"],
        {
            "feedback_correct": "Toutes les associations sont justes.",
            "feedback_incorrect": "Certaines associations sont à revoir.",
            "explanation": "Chaque courant met l'accent sur un levier : le groupe, le territoire, le pouvoir "
            "d'agir ou le rapport de force.",
        },
        [
            ("Travail social avec les groupes", False, "Le groupe comme système d'aide mutuelle", ""),
            ("Développement social local", False, "L'ancrage territorial et le décloisonnement des politiques", ""),
            ("Pouvoir d'agir (DPA-PC)", False, "Agir davantage sur ce qui compte pour soi et son collectif", ""),
            ("Community organizing", False, "Recueillir les colères et bâtir des alliances larges", ""),
        ],
    ),
    (
        "Sigles du secteur",
        QuestionType.MATCHING,
        "Associez chaque sigle à sa signification.",
        ["DC3"],
        {
            "feedback_correct": "Parfait.",
            "feedback_incorrect": "Relisez le glossaire : certains sigles sont inversés.",
            "explanation": "Ces sigles reviennent souvent dans les partenariats locaux.",
        },
        [
            ("CCAS", False, "Centre communal d'action sociale", ""),
            ("CVS", False, "Conseil de la vie sociale", ""),
            ("CASF", False, "Code de l'action sociale et des familles", ""),
            ("CnFS", False, "Conseiller numérique France Services", ""),
        ],
    ),
    (
        "Étapes de la démarche",
        QuestionType.ORDERING,
        "Remettez dans l'ordre les cinq étapes de la démarche d'intervention collective, telle que présentée "
        "dans ce parcours.",
        ["DC1"],
        {
            "feedback_correct": "C'est l'ordre dans lequel ce parcours présente les étapes.",
            "feedback_incorrect": "L'ordre n'est pas celui dans lequel ce parcours présente les étapes.",
            "explanation": "Cet ordre est celui de la présentation, pas une recette : sur le terrain, les étapes se "
            "chevauchent et l'évaluation relance un nouveau cycle (poursuivre, transmettre ou clore).",
        },
        [
            ("Diagnostic partagé", False, "", ""),
            ("Mobilisation", False, "", ""),
            ("Élaboration du projet", False, "", ""),
            ("Action", False, "", ""),
            ("Évaluation", False, "", ""),
        ],
    ),
    (
        "Chronologie de la réforme",
        QuestionType.ORDERING,
        "Classez ces textes et événements du plus ancien au plus récent.",
        ["DC2"],
        {
            "feedback_correct": "La chronologie est juste.",
            "feedback_incorrect": "La chronologie n'est pas la bonne.",
            "explanation": "1988 : rapport du CSTS ; 2002 : loi sur les droits des usagers ; 2015 : plan d'action "
            "interministériel ; 2016 : création du HCTS ; 2017 : définition du travail social.",
        },
        [
            ("Rapport du CSTS sur l'ISIC", False, "", ""),
            ("Loi du 2 janvier 2002 sur les droits des usagers", False, "", ""),
            ("Plan d'action interministériel en faveur du travail social", False, "", ""),
            ("Création du Haut Conseil du travail social", False, "", ""),
            ("Décret définissant le travail social", False, "", ""),
        ],
    ),
    (
        "Sigle DSL",
        QuestionType.SHORT_ANSWER,
        "Que signifie le sigle DSL ?",
        ["DC4"],
        {
            "accepted_answers": "développement social local",
            "feedback_correct": "Oui : le développement social local.",
            "feedback_incorrect": "Non : DSL désigne le développement social local.",
            "explanation": "Le DSL a été porté par l'ODAS et des départements pionniers dans les années 1990-2000.",
        },
        [],
    ),
    (
        "Non-recours",
        QuestionType.SHORT_ANSWER,
        "Comment nomme-t-on le fait de ne pas percevoir un droit auquel on peut prétendre ?",
        ["DC2"],
        {
            "accepted_answers": "non-recours\nnon recours\nle non-recours",
            "feedback_correct": "Exact.",
            "feedback_incorrect": "Le terme attendu est « non-recours ».",
            "explanation": "Permanences mobiles, ateliers collectifs et pairs relais aident à lutter contre le "
            "non-recours.",
        },
        [],
    ),
]

SCALE_LEVELS = ["Pas du tout à l'aise", "Peu à l'aise", "Plutôt à l'aise", "Tout à fait à l'aise"]
SCALE_QUESTIONS = [
    ("Diagnostic partagé", "Je sais mener un diagnostic partagé avec les habitants d'un territoire."),
    ("Formuler le problème", "Je sais aider un groupe à formuler lui-même le problème qui le réunit."),
    ("Mandat institutionnel", "Je sais clarifier avec mon employeur le mandat d'une action collective."),
    ("Évaluer les effets", "Je sais évaluer les effets d'une action sur les personnes et les institutions."),
    ("Travail en réseau", "Je sais coopérer avec les partenaires d'un territoire sans juxtaposer les dispositifs."),
]


def _question(category, name, qtype, text, domain_codes, fields, choices):
    question, created = Question.objects.get_or_create(
        name=name, category=category, defaults={"qtype": qtype, "text": text, **fields}
    )
    if created:
        for order, (choice_text, correct, match, feedback) in enumerate(choices):
            Choice.objects.create(
                question=question,
                sort_order=order,
                text=choice_text,
                is_correct=correct,
                match_text=match,
                feedback=feedback,
            )
        question.domains.set(CompetenceDomain.objects.filter(code__in=domain_codes))
    return question


def _sjt(category, name, mode, text, domain_codes, fields, responses):
    """A situational-judgement question: its responses carry the expert's rank instead of a right answer."""
    question, created = Question.objects.get_or_create(
        name=name, category=category, defaults={"qtype": QuestionType.SJT, "sjt_mode": mode, "text": text, **fields}
    )
    if created:
        for order, (response, rank, feedback) in enumerate(responses):
            Choice.objects.create(
                question=question, sort_order=order, text=response, expert_rank=rank, feedback=feedback
            )
        question.domains.set(CompetenceDomain.objects.filter(code__in=domain_codes))
    return question


def _quiz(title, items, **fields):
    quiz, created = Quiz.objects.get_or_create(title=title, defaults=fields)
    if created:
        for order, item in enumerate(items):
            QuizItem.objects.create(quiz=quiz, sort_order=order, **item)
    return quiz


def _page(index, quiz, title, slug, intro):
    page = QuizPage.objects.filter(slug=slug).first()
    if page is None:
        page = QuizPage(title=title, slug=slug, intro=intro, quiz=quiz)
        index.add_child(instance=page)
        page.save_revision().publish()
    return page


def _index():
    index = QuizIndexPage.objects.first()
    if index is None:
        from wagtail.models import Site

        home = Site.objects.get(is_default_site=True).root_page  # the home page, without importing home
        index = QuizIndexPage(title="Quiz", slug="quiz", intro="Testez vos repères et situez-vous.")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _likert(category, specs):
    return [
        _question(
            category,
            name,
            QuestionType.LIKERT,
            text,
            ["DC1"],
            {"explanation": "Aucune réponse n'est attendue : comparez-vous à vous-même en fin de formation."},
            [(level, False, "", "") for level in SCALE_LEVELS],
        )
        for name, text in specs
    ]


def _category(name, description):
    category, _created = QuestionCategory.objects.get_or_create(name=name, defaults={"description": description})
    return category


def _before_after(likert, title, before_intro, after_intro):
    """A self-positioning pair: the same questions before and after, the second linked to the first."""
    options = {"kind": QuizKind.SELF_POSITIONING, "show_answers": AnswerVisibility.NEVER, "shuffle_choices": False}
    items = [{"question": q} for q in likert]
    before = _quiz(f"{title} (avant la formation)", items, intro=before_intro, **options)
    after = _quiz(f"{title} (après la formation)", items, intro=after_intro, before_quiz=before, **options)
    return before, after


def _scored(title, questions, intro):
    return _quiz(
        title,
        [{"question": q} for q in questions],
        intro=intro,
        pass_mark=70,
        max_attempts=3,
        show_answers=AnswerVisibility.AFTER_EACH,
    )


def load():
    bank = _category(BANK, "Notions, courants, textes et outils de l'intervention collective.")
    scale = _category(SCALE, "Questions sans bonne réponse, pour se situer avant et après.")
    mediation = _category(MEDIATION, "Médiation sociale, « aller vers », inclusion et médiation numériques.")
    participation = _category(PARTICIPATION, "Droits des usagers, instances et degrés de participation.")
    posture = _category(POSTURE, "Questions sans bonne réponse sur la posture d'animation d'un groupe.")
    judgement = _category(SJT, "Scénarios de terrain : choisir ou classer des réponses, comparées à un expert.")
    questions = [_question(bank, *spec) for spec in QUESTIONS]
    mediation_questions = [_question(mediation, *spec) for spec in MEDIATION_QUESTIONS]
    participation_questions = [_question(participation, *spec) for spec in PARTICIPATION_QUESTIONS]
    sjt_questions = [_sjt(judgement, *spec) for spec in SJT_QUESTIONS]
    likert = _likert(scale, SCALE_QUESTIONS)
    posture_likert = _likert(posture, POSTURE_QUESTIONS)
    fixed = [questions[i] for i in (0, 3, 5, 8, 10, 12)]
    scored = _quiz(
        "Les repères de l'intervention sociale collective",
        [{"question": q} for q in fixed] + [{"category": bank, "draw_count": 4}],
        intro="Dix questions pour vérifier vos repères : six fixes et quatre tirées au sort dans la banque.",
        pass_mark=70,
        max_attempts=3,
        time_limit_minutes=20,
        show_answers=AnswerVisibility.AFTER_EACH,
    )
    mediation_quiz = _scored(
        "Médiation sociale et numérique",
        mediation_questions,
        "Huit questions sur les principes de la médiation sociale et les outils de l'inclusion numérique.",
    )
    participation_quiz = _scored(
        "La participation des personnes accompagnées",
        participation_questions,
        "Neuf questions sur les droits des usagers, les instances de participation et le pouvoir d'agir.",
    )
    sjt_quiz = _scored(
        "Jugement en situation",
        sjt_questions,
        "Quinze situations de terrain : choisissez la meilleure et la moins bonne réponse, ou classez-les. "
        "Votre réponse est comparée à celle d'un expert, chaque choix est expliqué.",
    )
    before, after = _before_after(
        likert,
        "Où en suis-je ?",
        "Situez-vous avant de commencer. Il n'y a ni bonne ni mauvaise réponse.",
        "Les mêmes questions qu'au début : comparez votre positionnement.",
    )
    posture_before, posture_after = _before_after(
        posture_likert,
        "Ma posture d'animation de groupe",
        "Avant le module sur l'animation de groupe : situez-vous, sans bonne ni mauvaise réponse.",
        "Après le module : les mêmes affirmations, pour mesurer le chemin parcouru.",
    )
    index = _index()
    pages = [
        _page(index, quiz, quiz.title, slug, intro)
        for quiz, slug, intro in [
            (scored, "reperes-isc", "Un quiz noté pour faire le point sur les notions clés."),
            (before, "ou-en-suis-je-avant", "À remplir avant le premier module."),
            (after, "ou-en-suis-je-apres", "À remplir à la fin du parcours."),
            (
                mediation_quiz,
                "mediation-sociale-et-numerique",
                "Un quiz noté sur l'« aller vers », le « faire avec » et les dispositifs du numérique inclusif.",
            ),
            (
                participation_quiz,
                "participation-des-personnes",
                "Un quiz noté sur la participation : de la loi de 2002 à l'échelle d'Arnstein.",
            ),
            (
                sjt_quiz,
                "jugement-en-situation",
                "Un quiz noté de jugement en situation : CCAS, centre social, EHPAD, mission locale, bailleur.",
            ),
            (posture_before, "posture-animation-avant", "À remplir avant le module sur l'animation de groupe."),
            (posture_after, "posture-animation-apres", "À remplir à la fin du module sur l'animation de groupe."),
        ]
    ]
    give_to_demo_trainer(QuizPage.objects.filter(pk__in=[page.pk for page in pages]))
    return [f"Quiz : {Question.objects.count()} questions en banque, {Quiz.objects.count()} quiz publiés."]
