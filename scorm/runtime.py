"""What a SCORM runtime commit means for the platform: the attempt it updates and the progress it records.

The lesson page runs scorm-again's API for the module and sends each commit here as "flattened" CMI
(`{"cmi.core.lesson_status": "passed", ...}` for SCORM 1.2, `{"cmi.completion_status": ...}` for 2004).
Only the elements the platform keeps are read, each checked against the vocabulary of the standard;
anything else in the commit is ignored. SCORM 1.2 reports one lesson_status where 2004 separates
completion and success: both are stored the 2004 way.
"""

import math
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from progress import api as progress
from progress.models import Status

from . import xapi
from .models import ScormAttempt, ScormVersion

MAX_SUSPEND_DATA = 64000
MAX_LOCATION = 1000
LESSON_STATUS_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
COMPLETION_2004 = {"completed", "incomplete", "not attempted", "unknown"}
SUCCESS_2004 = {"passed", "failed", "unknown"}
EXIT_VALUES = {"", "time-out", "timeout", "suspend", "logout", "normal"}
# SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) and SCORM 2004 ISO 8601 durations (PnYnMnDTnHnMnS).
TIMESPAN_12 = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$")
DURATION_2004 = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$")

# The element names of each version for what the platform keeps.
ELEMENTS = {
    ScormVersion.SCORM_12: {
        "location": "cmi.core.lesson_location",
        "exit": "cmi.core.exit",
        "session_time": "cmi.core.session_time",
        "score_raw": "cmi.core.score.raw",
        "score_min": "cmi.core.score.min",
        "score_max": "cmi.core.score.max",
    },
    ScormVersion.SCORM_2004: {
        "location": "cmi.location",
        "exit": "cmi.exit",
        "session_time": "cmi.session_time",
        "score_raw": "cmi.score.raw",
        "score_min": "cmi.score.min",
        "score_max": "cmi.score.max",
        "score_scaled": "cmi.score.scaled",
    },
}


def _string(data, key, limit, label):
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValidationError(_("%(label)s : valeur invalide.") % {"label": label})
    value = str(value)
    if len(value) > limit:
        raise ValidationError(
            _("%(label)s dépasse %(max)s caractères : enregistrement refusé.") % {"label": label, "max": limit}
        )
    if "\x00" in value:
        raise ValidationError(_("%(label)s contient un caractère nul.") % {"label": label})
    return value


def _number(data, key, label):
    """A CMIDecimal: a finite number or the empty string (not set)."""
    value = data.get(key, "")
    if value in ("", None):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise ValidationError(_("%(label)s n'est pas un nombre.") % {"label": label}) from error
    if isinstance(value, bool) or not math.isfinite(number):
        raise ValidationError(_("%(label)s doit être un nombre fini.") % {"label": label})
    return number


def _choice(data, key, allowed, label):
    value = _string(data, key, 40, label)
    if value and value not in allowed:
        raise ValidationError(
            _("%(label)s : « %(value)s » n'est pas une valeur SCORM.") % {"label": label, "value": value}
        )
    return value


def session_seconds(value):
    """Seconds in a SCORM 1.2 timespan or a 2004 duration; 0 when absent or unreadable."""
    if match := TIMESPAN_12.match(value or ""):
        hours, minutes, seconds, fraction = match.groups()
        return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + (1 if fraction and float(fraction) >= 0.5 else 0)
    if (match := DURATION_2004.match(value or "")) and value != "P":
        years, months, days, hours, minutes, seconds = (float(part or 0) for part in match.groups())
        return round((years * 365 + months * 30 + days) * 86400 + hours * 3600 + minutes * 60 + seconds)
    return 0


def _statuses(version, data):
    """(completion_status, success_status) the 2004 way, from either version."""
    if version == ScormVersion.SCORM_12:
        status = _choice(data, "cmi.core.lesson_status", LESSON_STATUS_12, "cmi.core.lesson_status")
        completion = {"passed": "completed", "failed": "completed", "completed": "completed", "browsed": "incomplete"}
        success = {"passed": "passed", "failed": "failed"}
        return completion.get(status, status or "not attempted"), success.get(status, "unknown")
    return (
        _choice(data, "cmi.completion_status", COMPLETION_2004, "cmi.completion_status") or "unknown",
        _choice(data, "cmi.success_status", SUCCESS_2004, "cmi.success_status") or "unknown",
    )


def _score(version, data):
    """(fraction between 0 and 1 or None, raw score or None)."""
    names = ELEMENTS[version]
    raw = _number(data, names["score_raw"], names["score_raw"])
    low = _number(data, names["score_min"], names["score_min"])
    high = _number(data, names["score_max"], names["score_max"])
    scaled = _number(data, names["score_scaled"], names["score_scaled"]) if "score_scaled" in names else None
    if scaled is not None:
        if not -1 <= scaled <= 1:
            raise ValidationError(_("cmi.score.scaled doit être compris entre -1 et 1."))
        return max(scaled, 0.0), raw
    if raw is None:
        return None, None
    low = low or 0.0
    high = high if high not in (None, 0.0) and high > low else 100.0
    return min(max((raw - low) / (high - low), 0.0), 1.0), raw


def read_commit(version, data):
    """The attempt fields a commit sets, validated; ValidationError with a French message otherwise."""
    if not isinstance(data, dict):
        raise ValidationError(_("L'envoi du module n'est pas un objet JSON."))
    names = ELEMENTS[version]
    completion, success = _statuses(version, data)
    fraction, raw = _score(version, data)
    return {
        "completion_status": completion,
        "success_status": success,
        "score_scaled": fraction,
        "score_raw": raw,
        "location": _string(data, names["location"], MAX_LOCATION, names["location"]),
        "suspend_data": _string(data, "cmi.suspend_data", MAX_SUSPEND_DATA, "cmi.suspend_data"),
        "exit": _choice(data, names["exit"], EXIT_VALUES, names["exit"]),
        "session_seconds": session_seconds(_string(data, names["session_time"], 40, names["session_time"])),
    }


def current_attempt_number(user, package):
    """The attempt a launch continues: the latest unfinished one, else a new one (not created until a commit)."""
    latest = ScormAttempt.objects.filter(learner=user, package=package).order_by("-number").first()
    if latest is None:
        return 1
    return latest.number + 1 if latest.finished else latest.number


@transaction.atomic
def commit(user, package, attempt_number, data, terminate=False, counts=True):
    """Store a commit in its attempt and record progress; returns the attempt."""
    fields = read_commit(package.version, data)
    attempt, _created = ScormAttempt.objects.select_for_update().get_or_create(
        learner=user, package=package, number=attempt_number
    )
    session = fields.pop("session_seconds")
    for name, value in fields.items():
        setattr(attempt, name, value)
    if terminate:
        attempt.total_seconds += session
        attempt.finished = attempt.completion_status == "completed" and attempt.exit != "suspend"
    attempt.save()
    if counts:
        _record_progress(user, package, attempt, session if terminate else None)
        if terminate:
            xapi.session_ended(user, package, attempt)
    return attempt


def _record_progress(user, package, attempt, duration):
    if attempt.completion_status == "completed" or attempt.success_status in ("passed", "failed"):
        status = Status.COMPLETED
    else:
        status = Status.STARTED
    progress.record_activity(user, package.activity_key, status, score=attempt.score_scaled, duration=duration)


def launch_data(user, package, attempt_number):
    """The flattened CMI the runtime starts from: who the learner is, and where they left off."""
    attempt = ScormAttempt.objects.filter(learner=user, package=package, number=attempt_number).first()
    name = f"{user.last_name}, {user.first_name}".strip(", ") or user.get_username()
    if package.version == ScormVersion.SCORM_12:
        data = {"cmi.core.student_id": str(user.pk), "cmi.core.student_name": name}
        if attempt is not None:
            data.update(_resume_12(attempt))
        return data
    data = {"cmi.learner_id": str(user.pk), "cmi.learner_name": name}
    if attempt is not None:
        data.update(_resume_2004(attempt))
    return data


def _resume_12(attempt):
    status = attempt.success_status if attempt.success_status != "unknown" else attempt.completion_status
    data = {
        "cmi.core.entry": "resume" if attempt.exit == "suspend" else "",
        "cmi.core.lesson_location": attempt.location,
        "cmi.suspend_data": attempt.suspend_data,
    }
    if status in LESSON_STATUS_12:
        data["cmi.core.lesson_status"] = status
    if attempt.score_raw is not None:
        data["cmi.core.score.raw"] = _decimal(attempt.score_raw)
    return data


def _resume_2004(attempt):
    data = {
        "cmi.entry": "resume" if attempt.exit == "suspend" else "",
        "cmi.location": attempt.location,
        "cmi.suspend_data": attempt.suspend_data,
        "cmi.completion_status": attempt.completion_status,
        "cmi.success_status": attempt.success_status,
    }
    if attempt.score_raw is not None:
        data["cmi.score.raw"] = _decimal(attempt.score_raw)
    return data


def _decimal(number):
    return f"{number:g}"
