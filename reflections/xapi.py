"""The reflection activity's xAPI statement: "completed" the first time the learner saves a text for a lesson's
reflection prompt. The text itself never leaves the platform: journals are private (only the fact is declared)."""

from statements import api as statements


def prompt_iri(prompt_key):
    return statements.activity_iri(f"/reflexions/{prompt_key.removeprefix('reflection:')}")


def reflection_completed(entry):
    statement = statements.build_statement(
        entry.author, "completed", prompt_iri(entry.prompt_key), entry.prompt_title or str(entry.display_title)
    )
    return statements.store_statement(entry.author, statement)
