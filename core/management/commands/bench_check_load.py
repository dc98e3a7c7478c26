import json
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from accounts.models import User
from cases.models import CaseDecision
from quizzes.models import Attempt
from reflections.models import JournalEntry


class Command(BaseCommand):
    help = "Compare la base avec ce que les clients de make load ont envoyé (rien de perdu, rien en double)."

    def add_arguments(self, parser):
        parser.add_argument("ledger")

    def handle(self, ledger, **options):
        sent = json.loads(Path(ledger).read_text())
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
            for pk, (revision, _text) in drafts.items()
            if pk not in entries
            or entries[pk].draft_revision != revision
            or f"version {revision}." not in entries[pk].draft_html
        ]
        extra = set(entries) - set(drafts)
        check(
            "brouillons du journal",
            lost,
            extra,
            f"{sent['entries_created']} entrées créées, {len(entries)} en base, {len(lost)} brouillons perdus ou "
            f"périmés, {len(extra)} entrées en trop",
        )
        self.stdout.write(json.dumps({"ok": all(c["ok"] for c in checks.values()), "checks": checks}))
