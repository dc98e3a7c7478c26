import json
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from accounts.models import User
from cases.models import CaseDecision
from debrief.models import Vote
from quizzes.models import Attempt
from reflections.models import JournalEntry


def compare_votes(acknowledged, stored, uncertain=()):
    """Live-session votes in the database against the ledger of make load.

    acknowledged: {(session code, node key, pseudonym): last choice the server acknowledged};
    stored: rows (session code, node key, pseudonym, choice key) of the votes in the database;
    uncertain: keys of votes sent without a clear answer, whose stored choice (or presence) can't be known.
    Pseudonyms are unique per session and the bench cases never revisit a node, so a key names one
    (step, participant): any second row under a key, for the same (step, participant) or not, is a double.
    """
    uncertain = {tuple(key) for key in uncertain}
    by_key = {}
    for code, node, pseudonym, choice in stored:
        by_key.setdefault((code, node, pseudonym), []).append(choice)
    return {
        "lost": [key for key in acknowledged if key not in by_key],
        "wrong": [
            key
            for key, choice in acknowledged.items()
            if key in by_key and key not in uncertain and by_key[key] != [choice]
        ],
        "extra": [key for key in by_key if key not in acknowledged and key not in uncertain],
        "duplicated": len(stored) - len(by_key),
        "stored": len(stored),
    }


def compare_with_ledger(sent):
    """Every check of the database against what the clients sent: {label: {"ok", "lost", "extra", "detail"}}."""
    since = datetime.fromtimestamp(sent["since"], tz=UTC)
    slack = sent["uncertain"]  # writes whose answer never arrived may legitimately be stored
    users = User.objects.filter(email__startswith="apprenant-", email__endswith="@bench.collectif.test")
    checks = {}

    def check(label, lost, extra, detail):
        ok = not lost and len(extra) <= slack
        checks[label] = {"ok": ok, "lost": len(lost), "extra": len(extra), "detail": detail}

    stored = set(Attempt.objects.filter(user__in=users, submitted_at__gte=since).values_list("pk", flat=True))
    acknowledged = set(sent["quiz_attempts"])
    check(
        "tentatives de quiz",
        acknowledged - stored,
        stored - acknowledged,
        f"{len(acknowledged)} envoyées, {len(stored)} en base, {len(acknowledged - stored)} perdues, "
        f"{len(stored - acknowledged)} en trop",
    )

    rows = CaseDecision.objects.filter(attempt__user__in=users, decided_at__gte=since)
    stored = set(rows.values_list("attempt_id", "step", "node_key", "choice_key"))
    acknowledged = {tuple(item) for item in sent["decisions"]}
    duplicated = rows.count() - len(stored)
    check(
        "décisions de cas",
        acknowledged - stored,
        (stored - acknowledged) | ({("doublon",)} if duplicated else set()),
        f"{len(acknowledged)} envoyées, {len(stored)} en base, {len(acknowledged - stored)} perdues, "
        f"{len(stored - acknowledged)} en trop, {duplicated} en double",
    )

    drafts = sent["drafts"]
    entries = {str(e.pk): e for e in JournalEntry.objects.filter(author__in=users, created_at__gte=since)}
    lost = [
        pk
        for pk, (version, text) in drafts.items()
        if pk not in entries or entries[pk].draft_revision != version or entries[pk].draft_html != text
    ]
    extra = set(entries) - set(drafts)
    check(
        "brouillons du journal",
        lost,
        extra,
        f"{sent['entries_created']} entrées créées, {len(entries)} en base, {len(lost)} brouillons perdus ou "
        f"périmés, {len(extra)} entrées en trop",
    )
    votes = Vote.objects.filter(
        session__trainer__email=sent.get("trainer", ""),
        session__trainer__email__endswith="@bench.collectif.test",
        session__created_at__gte=since,
    )
    result = compare_votes(
        {tuple(row[:3]): row[3] for row in sent.get("votes", [])},
        list(votes.values_list("session__code", "node_key", "participant__pseudonym", "choice_key")),
        sent.get("vote_uncertain", []),
    )
    lost = result["lost"] + result["wrong"]
    checks["votes en séance"] = {
        "ok": not lost and not result["extra"] and not result["duplicated"],
        "lost": len(lost),
        "extra": len(result["extra"]),
        "duplicated": result["duplicated"],
        "detail": f"{len(sent.get('votes', []))} votes acceptés, {result['stored']} en base, "
        f"{len(result['lost'])} perdus, {len(result['wrong'])} avec un autre choix que le dernier accepté, "
        f"{len(result['extra'])} en trop, {result['duplicated']} en double "
        f"({len(sent.get('vote_uncertain', []))} sans réponse claire, tolérés)",
    }
    return checks


class Command(BaseCommand):
    help = "Compare la base avec ce que les clients de make load ont envoyé (rien de perdu, rien en double)."

    def add_arguments(self, parser):
        parser.add_argument("ledger")

    def handle(self, ledger, **options):
        checks = compare_with_ledger(json.loads(Path(ledger).read_text()))
        self.stdout.write(json.dumps({"ok": all(c["ok"] for c in checks.values()), "checks": checks}))
