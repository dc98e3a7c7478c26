"""The SCORM module's xAPI statement: when a session ends with the module completed, passed or failed, one
"completed"/"passed"/"failed" statement with the score the module reported. Stored by statements.api, which forwards
it to the LRS if any (the runtime's own commits are not statements: only the outcome is)."""

from statements import api as statements


def package_iri(package):
    return statements.activity_iri(f"/scorm/{package.pk}")


def outcome_verb(attempt):
    if attempt.success_status in ("passed", "failed"):
        return attempt.success_status
    if attempt.completion_status == "completed":
        return "completed"
    return None


def session_ended(user, package, attempt):
    """Called when the module terminates a session; nothing when it ended unfinished (suspended, incomplete)."""
    verb = outcome_verb(attempt)
    if verb is None:
        return None
    result = {"completion": attempt.completion_status == "completed"}
    if verb != "completed":
        result["success"] = verb == "passed"
    if attempt.score_scaled is not None:
        result["score"] = {"scaled": max(-1.0, min(1.0, float(attempt.score_scaled)))}
    extensions = {statements.extension_iri("attempt-number"): attempt.number}
    statement = statements.build_statement(
        user, verb, package_iri(package), str(package), result=result, extensions=extensions
    )
    return statements.store_statement(user, statement)
