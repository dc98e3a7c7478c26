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


def editor_error(problems):
    """The graph's problems as a StreamBlockValidationError, so the editor shows each one at its node, choice
    and field (e.g. an unknown target under that choice's "Étape suivante"); problems of the whole case are
    shown at the top of the graph field."""
    from wagtail.blocks import ListBlockValidationError, StreamBlockValidationError, StructBlockValidationError

    whole, nodes = [], {}
    for problem in problems:
        if problem.node is None:
            whole.append(problem.message)
            continue
        node = nodes.setdefault(problem.node, {"fields": {}, "messages": [], "choices": {}, "choices_messages": []})
        if problem.choice is not None:
            node["choices"].setdefault(problem.choice, {}).setdefault(problem.field, []).append(problem.message)
        elif problem.field == "choices":
            node["choices_messages"].append(problem.message)
        elif problem.field:
            node["fields"].setdefault(problem.field, []).append(problem.message)
        else:
            node["messages"].append(problem.message)

    block_errors = {}
    for position, node in nodes.items():
        fields = {name: ValidationError(messages) for name, messages in node["fields"].items()}
        if node["choices"] or node["choices_messages"]:
            fields["choices"] = ListBlockValidationError(
                block_errors={
                    index: StructBlockValidationError(
                        block_errors={name: ValidationError(messages) for name, messages in choice.items()}
                    )
                    for index, choice in node["choices"].items()
                },
                non_block_errors=node["choices_messages"],
            )
        block_errors[position] = StructBlockValidationError(block_errors=fields, non_block_errors=node["messages"])
    return StreamBlockValidationError(block_errors=block_errors, non_block_errors=whole)
