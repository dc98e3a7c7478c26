"""The quiz's xAPI statements: "attempted" when an attempt starts, "passed"/"failed" (or "completed" for an
unscored questionnaire) when it is submitted. Stored by statements.api, which forwards them to the LRS if any."""

from statements import api as statements


def quiz_iri(quiz):
    """The activity id of a quiz: stable (its number, not a page slug), the one used since the first statements."""
    return statements.activity_iri(f"/quiz/{quiz.pk}")


def _context(attempt):
    return {statements.extension_iri("attempt"): attempt.pk, statements.extension_iri("attempt-number"): attempt.number}


def attempt_started(attempt):
    quiz = attempt.quiz
    statement = statements.build_statement(
        attempt.user, "attempted", quiz_iri(quiz), quiz.title, extensions=_context(attempt)
    )
    statements.store_statement(attempt.user, statement)


def attempt_submitted(attempt, points):
    """`points` are the per-question points of the attempt (0 to 1, None for an unscored question)."""
    quiz = attempt.quiz
    scored = [float(value) for value in points if value is not None]
    duration = max(0, int((attempt.submitted_at - attempt.started_at).total_seconds()))
    result = {"completion": True, "duration": f"PT{duration}S"}
    if attempt.score is None or not scored:
        verb = "completed"
    else:
        verb = "passed" if attempt.passed else "failed"
        result["success"] = bool(attempt.passed)
        result["score"] = {
            "scaled": round(attempt.score, 4),
            "raw": round(sum(scored), 4),
            "min": 0,
            "max": len(scored),
        }
    statement = statements.build_statement(
        attempt.user, verb, quiz_iri(quiz), quiz.title, result=result, extensions=_context(attempt)
    )
    statements.store_statement(attempt.user, statement)
