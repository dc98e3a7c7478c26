"""Which reasoning reports a trainer may open, and whose decisions they read there (rule in core/scope.py)."""

from django.http import Http404

from accounts.permissions import is_trainer
from core import scope

from .models import CaseAttempt


def report_scope(user, case):
    """Whose attempts this trainer reads in the case's report; Http404 when the report is not theirs."""
    seen = scope.scope_for(user, case.activity_key)
    if not seen.everyone and not seen.restrict(case.attempts.all()).exists():
        raise Http404
    return seen


def reportable_case_ids(user):
    """Ids of the cases whose report this person may open (None: every case): the cases of their courses' lessons
    and those their teams' learners played. Cached for the request."""
    if not is_trainer(user):
        return frozenset()
    if scope.sees_everyone(user):
        return None

    def compute():
        taught = scope.activity_ids(scope.course_activity_keys(user), "case")
        followed = CaseAttempt.objects.filter(user__in=scope.trained_learners(user)).values_list("case_id", flat=True)
        return frozenset(taught | set(followed.distinct()))

    return scope.cached_on(user, "_collectif_reportable_cases", compute)


def may_open_report(user, case):
    ids = reportable_case_ids(user)
    return ids is None or case.pk in ids
