"""Publishing rule for cases: a case whose graph is unsound never goes live.

The admin form shows the messages before anything is saved as published (CasePageForm); this
module is the rule itself, used by CasePage.publish for every other path (workflows, scheduled
publishing, code) and by tests.
"""

from django.core.exceptions import ValidationError

from .graph import validate


class CaseNotPublishable(ValidationError):
    pass


def check_publishable(case):
    """Raise CaseNotPublishable with one message per fault (each naming its node) when the graph is unsound."""
    errors = validate(case.graph)
    if errors:
        raise CaseNotPublishable(errors)


def publish_case(case, user=None):
    """Save the case as a new revision and publish it; raises CaseNotPublishable if the graph is unsound."""
    check_publishable(case)
    revision = case.save_revision(user=user)
    revision.publish(user=user)
    return revision
