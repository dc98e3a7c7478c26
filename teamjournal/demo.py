"""Demo of the team journal: one open practice-analysis session in the first demo team of the demo CCAS,
facilitated by the demo trainer, with a few contributions and replies. Runs after the teams loader."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from reflections.sanitize import text_to_html
from teams.demo import ORGANISATION

from .models import Contribution, PracticeSession

TEAM_NAME = "Accueil et accès aux droits"
TRAINER_EMAIL = "formatrice@demo.collectif.test"
LEARNER_EMAIL = "apprenante@demo.collectif.test"

TITLE = "Animer un premier groupe d'habitants : ce qui nous a surpris"
DESCRIPTION = (
    "Chacun·e raconte une première réunion, un premier atelier ou un premier café-rencontre animé avec des "
    "habitants : ce qui s'est passé, ce qui vous a surpris, ce que vous avez ressenti sur le moment.\n\n"
    "- On décrit avant d'interpréter.\n"
    "- On questionne la situation, pas la personne.\n"
    "- Ce qui se dit ici reste dans l'équipe.\n\n"
    "Pensez à anonymiser les personnes dont vous parlez."
)

# (key, author: "learner" | "trainer" | member index, parent key, text)
CONTRIBUTIONS = [
    (
        "cafe",
        "learner",
        None,
        "Pour le premier café-rencontre à la résidence, j'avais préparé un ordre du jour en quatre points et des "
        "affiches. Huit personnes sont venues, presque toutes pour parler du chauffage collectif en panne depuis "
        "trois semaines. Mon ordre du jour n'a pas tenu dix minutes.\n\n"
        "Sur le moment, j'ai eu l'impression de perdre le fil. Avec le recul, c'est peut-être là que le groupe a "
        "commencé à exister : deux voisines qui ne se parlaient pas se sont proposées pour faire le tour des "
        "logements touchés.",
    ),
    (
        "silence",
        0,
        None,
        "Moi, c'est le silence qui m'a surpris. J'avais ouvert avec une question très large : « Qu'est-ce qui vous "
        "préoccupe dans le quartier ? ». Personne n'a répondu pendant un long moment.\n\n"
        "J'ai fini par proposer moi-même trois sujets, et la discussion est partie sur ce que j'avais proposé. "
        "Je me demande si je n'ai pas parlé à la place du groupe.",
    ),
    (
        "silence-trainer",
        "trainer",
        "silence",
        "Ce silence est fréquent au début : une question aussi ouverte peut sembler risquée quand on ne se connaît "
        "pas encore. Que se serait-il passé avec une entrée plus concrète, par exemple un tour de table sur le "
        "chemin que chacun·e fait pour venir jusqu'ici ?",
    ),
    (
        "silence-learner",
        "learner",
        "silence",
        "Ça me parle. La fois suivante, j'ai laissé le silence durer un peu plus longtemps, en comptant dans ma "
        "tête. C'était inconfortable, mais quelqu'un a fini par prendre la parole.",
    ),
    (
        "mairie",
        1,
        None,
        "Ce qui m'a surprise, c'est la place de mon employeur dans la tête des habitants. Une dame m'a demandé si "
        "je venais « pour la mairie » et si ce qui se disait serait répété.\n\n"
        "J'ai compris qu'il fallait dire dès le début, simplement, ce que je peux garantir sur la confidentialité "
        "et ce que je ne peux pas garantir.",
    ),
]


def _authors(team):
    trainer = User.objects.filter(email=TRAINER_EMAIL).first()
    learner = User.objects.filter(email=LEARNER_EMAIL, team_memberships__team=team).first()
    others = list(team.member_users().exclude(email=LEARNER_EMAIL).order_by("pk")[:2])
    if trainer is None or learner is None or len(others) < 2:
        return None
    return {"trainer": trainer, "learner": learner, 0: others[0], 1: others[1]}


def load():
    from teams.models import Team

    team = Team.objects.filter(organisation__name=ORGANISATION, name=TEAM_NAME).first()
    if team is None:
        return []
    authors = _authors(team)
    if authors is None:
        return []
    team.trainers.add(authors["trainer"])
    session, _ = PracticeSession.objects.get_or_create(
        team=team,
        title=TITLE,
        defaults={
            "description_html": text_to_html(DESCRIPTION),
            "date": timezone.localdate() - timedelta(days=6),
            "opened_by": authors["trainer"],
        },
    )
    by_key = {}
    for key, author, parent_key, text in CONTRIBUTIONS:
        contribution, _ = Contribution.objects.get_or_create(
            session=session,
            author=authors[author],
            parent=by_key.get(parent_key),
            body_html=text_to_html(text),
        )
        by_key[key] = contribution
    return [f"Journal d'équipe : séance « {TITLE} » dans l'équipe {TEAM_NAME}, animée par {TRAINER_EMAIL}"]
