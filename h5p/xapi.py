"""Turn the xAPI statements of an H5P player into stored statements and progress.

The lesson page relays every statement the sandboxed player emits (see static/h5p/lesson.js). Here we
check its structure (statements.api), its score (scaled in [0, 1], min <= raw <= max, max > 0, all finite,
scaled consistent with raw/max), that it is about this activity and that its actor is the logged-in
learner; we store it (a reused id is a DuplicateStatement), and "answered"/"completed" statements about
the activity itself (not one of its sub-questions) with a score complete the activity in the progress core.
"""

import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from progress import api as progress
from progress.models import Status
from statements import api as statements

SCORING_VERBS = {statements.VERBS["answered"], statements.VERBS["completed"]}
STARTING_VERBS = {statements.VERBS["attempted"]}


# H5P rounds scaled to 4 decimals (XAPIEvent.setScoredResult).
TOLERANCE = 0.001


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_score(data):
    """Refuse a score the player could not have produced honestly; a statement without result.score passes."""
    result = data.get("result")
    if result is None:
        return
    if not isinstance(result, dict):
        raise ValidationError(_("Le résultat (result) de la déclaration doit être un objet."))
    score = result.get("score")
    if score is None:
        return
    if not isinstance(score, dict):
        raise ValidationError(_("Le score (result.score) doit être un objet."))
    for key in ("scaled", "raw", "min", "max"):
        if key in score and not _is_number(score[key]):
            raise ValidationError(_("Le score (result.score.%(key)s) doit être un nombre fini.") % {"key": key})
    scaled, raw, minimum, maximum = (score.get(key) for key in ("scaled", "raw", "min", "max"))
    if scaled is not None and not 0 <= scaled <= 1:
        raise ValidationError(_("Le score relatif (result.score.scaled) doit être compris entre 0 et 1."))
    if maximum is not None and maximum <= 0:
        raise ValidationError(_("Le score maximal (result.score.max) doit être supérieur à 0."))
    if raw is not None and maximum is not None and raw > maximum:
        raise ValidationError(_("Le score obtenu (result.score.raw) dépasse le score maximal (max)."))
    if raw is not None and minimum is not None and raw < minimum:
        raise ValidationError(_("Le score obtenu (result.score.raw) est inférieur au score minimal (min)."))
    if scaled is None and raw is not None and maximum is None:
        raise ValidationError(_("Un score brut (result.score.raw) doit être accompagné du score maximal (max)."))
    honest = scaled is None or raw is None or maximum is None or minimum or abs(scaled - raw / maximum) <= TOLERANCE
    if not honest:
        raise ValidationError(_("Le score relatif (scaled) ne correspond pas au score obtenu divisé par le maximum."))


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
    if _is_number(raw) and _is_number(maximum) and maximum > 0:
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
    check_score(data)
    if "actor" not in data:
        raise ValidationError(_("La déclaration n'a pas d'acteur (actor)."))
    if not statements.is_actor(data["actor"], user):
        raise PermissionDenied(_("Vous ne pouvez pas envoyer de déclaration au nom d'une autre personne."))
    about_activity_itself = check_object(activity, data)
    statement = statements.store_new_statement(user, data)
    result = None
    verb = data["verb"]["id"]
    if about_activity_itself:
        score = scaled_score(data)
        if verb in SCORING_VERBS and score is not None:
            result = progress.record_activity(user, activity.activity_key, Status.COMPLETED, score=max(score, 0.0))
        elif verb in STARTING_VERBS:
            result = progress.record_activity(user, activity.activity_key, Status.STARTED)
    return statement, result
