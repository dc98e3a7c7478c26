"""Which reasoning reports a trainer may open, and whose decisions they read there (rule in core/scope.py)."""

from django.http import Http404

from accounts.permissions import is_trainer
from core import scope

from .models import CaseAttempt


def authored_by(user, case):
    """The case's author: owner or reviser of the case page, or of a lesson (or its course) embedding it."""
    return case.pk in scope.authored_pages(user) or case.activity_key in scope.authored_activity_keys(user)


def report_scope(user, case):
    """Whose attempts this trainer reads in the case's report; Http404 when the report is not theirs."""
    seen = scope.scope_for(user, authored_by(user, case))
    if not seen.everyone and not seen.restrict(case.attempts.all()).exists():
        raise Http404
    return seen


def reportable_case_ids(user):
    """Ids of the cases whose report this person may open (None: every case). Cached for the request; the set may
    also hold ids of other pages the trainer authored, which is harmless for a membership test."""
    if not is_trainer(user):
        return frozenset()
    if scope.sees_everyone(user):
        return None

    def compute():
        authored = set(scope.authored_pages(user))
        authored |= {
            int(key[5:]) for key in scope.authored_activity_keys(user) if key.startswith("case:") and key[5:].isdigit()
        }
        followed = CaseAttempt.objects.filter(user__in=scope.trained_learners(user)).values_list("case_id", flat=True)
        return frozenset(authored | set(followed.distinct()))

    return scope.cached_on(user, "_collectif_reportable_cases", compute)


def may_open_report(user, case):
    ids = reportable_case_ids(user)
    return ids is None or case.pk in ids
