"""Turn the xAPI statements an H5P player sends into stored statements and progress.

The player posts every statement H5P emits (see static/h5p/player.js). Here we check its structure
(statements.api), that it is about this activity and that its actor is the logged-in learner; we
store it, and "answered"/"completed" statements about the activity itself (not one of its
sub-questions) with a scaled score complete the activity in the progress core.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from progress import api as progress
from progress.models import Status
from statements import api as statements

SCORING_VERBS = {statements.VERBS["answered"], statements.VERBS["completed"]}
STARTING_VERBS = {statements.VERBS["attempted"]}


def scaled_score(data):
    """result.score.scaled, or raw/max when only those are given; None without a score."""
    result = data.get("result")
    score = result.get("score") if isinstance(result, dict) else None
    if not isinstance(score, dict):
        return None
    scaled = score.get("scaled")
    if isinstance(scaled, int | float) and not isinstance(scaled, bool):
        return float(scaled)
    raw, maximum = score.get("raw"), score.get("max")
    if isinstance(raw, int | float) and isinstance(maximum, int | float) and maximum > 0:
        return float(raw) / float(maximum)
    return None


def check_object(activity, data):
    """The statement must be about this activity (its IRI) or one of its sub-contents."""
    iri = activity.get_iri()
    object_id = data["object"]["id"]
    if object_id != iri and not object_id.startswith(iri + "?"):
        raise ValidationError(_("La déclaration ne concerne pas cette activité."))
    return object_id == iri


def record(user, activity, data):
    """Validate, authorise and store a statement; update progress. Returns (statement, result or None)."""
    data = statements.validate_statement(data)
    if "actor" not in data:
        raise ValidationError(_("La déclaration n'a pas d'acteur (actor)."))
    if not statements.is_actor(data["actor"], user):
        raise PermissionDenied(_("Vous ne pouvez pas envoyer de déclaration au nom d'une autre personne."))
    about_activity_itself = check_object(activity, data)
    statement = statements.store_statement(user, data)
    result = None
    verb = data["verb"]["id"]
    if about_activity_itself:
        score = scaled_score(data)
        if verb in SCORING_VERBS and score is not None:
            result = progress.record_activity(user, activity.activity_key, Status.COMPLETED, score=max(score, 0.0))
        elif verb in STARTING_VERBS:
            result = progress.record_activity(user, activity.activity_key, Status.STARTED)
    return statement, result
