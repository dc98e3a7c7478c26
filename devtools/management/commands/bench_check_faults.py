import json
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from accounts.models import User
from bench import seed
from reflections.models import JournalEntry
from statements.models import Statement

from .bench_check_load import compare_with_ledger


def statements_check(sent, users, since):
    """Every statement a client saw acknowledged is stored once, under the learner who sent it."""
    acknowledged = sent["statements"]  # statement id → e-mail of the sender
    # Only the H5P activity's: the platform also records its own statements (cases, quizzes, lessons).
    rows = Statement.objects.filter(user__in=users, stored_at__gte=since, object_id=sent["h5p_iri"])
    rows = rows.values_list("statement_id", "user__email")
    stored = {str(statement_id): email for statement_id, email in rows}
    lost = [sid for sid in acknowledged if sid not in stored]
    wrong = [sid for sid, email in acknowledged.items() if sid in stored and stored[sid] != email]
    extra = [sid for sid in stored if sid not in acknowledged]
    return {
        "ok": not lost and not wrong and len(extra) <= sent["uncertain"],
        "lost": len(lost) + len(wrong),
        "extra": len(extra),
        "detail": f"{len(acknowledged)} acquittées, {len(stored)} en base, {len(lost)} perdues, "
        f"{len(wrong)} sous une autre personne, {len(extra)} en trop",
    }


def forwarding_check(sent, users, since):
    """Every stored statement reached the LRS: the worker kept forwarding through the outages and the kill."""
    rows = Statement.objects.filter(user__in=users, stored_at__gte=since)
    stored = {str(sid) for sid in rows.values_list("statement_id", flat=True)}
    received = set(sent["lrs_received"])
    missing = stored - received
    return {
        "ok": not missing,
        "lost": len(missing),
        "extra": 0,
        "detail": f"{len(stored)} en base, {len(stored & received)} reçues par le LRS, "
        f"{len(missing)} jamais transmises",
    }


def journal_owner_check(users, since):
    """No journal text under another learner: each draft names its author (the clients write it in)."""
    entries = JournalEntry.objects.filter(author__in=users, created_at__gte=since).select_related("author")
    misplaced = [e.pk for e in entries if e.draft_html and f"Brouillon de {e.author.email}," not in e.draft_html]
    return {
        "ok": not misplaced,
        "lost": len(misplaced),
        "extra": 0,
        "detail": f"{len(entries)} entrées, {len(misplaced)} avec le texte d'une autre personne",
    }


class Command(BaseCommand):
    help = "Compare la base avec ce que les clients de make faults ont envoyé et vu acquitté (rien de perdu ni mêlé)."

    def add_arguments(self, parser):
        parser.add_argument("ledger")

    def handle(self, ledger, **options):
        sent = json.loads(Path(ledger).read_text())
        since = datetime.fromtimestamp(sent["since"], tz=UTC)
        users = User.objects.filter(email__startswith="apprenant-", email__endswith="@" + seed.DOMAIN)
        checks = compare_with_ledger(sent)
        checks["déclarations xAPI (H5P)"] = statements_check(sent, users, since)
        checks["déclarations transmises au LRS"] = forwarding_check(sent, users, since)
        checks["textes du journal sous la bonne personne"] = journal_owner_check(users, since)
        self.stdout.write(json.dumps({"ok": all(c["ok"] for c in checks.values()), "checks": checks}))
