"""What a learner did in a course, for the drill-down, the exports and the Qualiopi evidence.

Only supervision data: dates, statuses, scores, time. Never the text of a journal entry, a reflection
or a case justification — those are not read here at all.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.activities import activity_titles
from progress import api as progress
from progress import reports

from .models import LoginRecord
from .structure import best_score_keys, structures

KIND_LABELS = {
    "quiz": gettext_lazy("Quiz"),
    "case": gettext_lazy("Étude de cas"),
    "h5p": gettext_lazy("Activité interactive"),
    "reflection": gettext_lazy("Réflexion"),
    "lesson": gettext_lazy("Leçon"),
}


def kind_label(key):
    kind = key.split(":", 1)[0]
    return str(KIND_LABELS.get(kind, kind))


@dataclass
class CourseRecord:
    course: object
    enrolled_at: object = None
    completed_at: object = None
    last_activity_at: object = None
    lessons: list = field(default_factory=list)  # dicts: title, completed_at, seconds
    activities: list = field(default_factory=list)  # dicts: label, status, score, attempts, completed_at
    score: float | None = None
    seconds: int = 0

    @property
    def minutes(self):
        return round(self.seconds / 60)

    @property
    def score_percent(self):
        return None if self.score is None else round(self.score * 100)

    @property
    def lessons_done(self):
        return sum(1 for lesson in self.lessons if lesson["completed_at"])


def course_records(user, courses):
    """[CourseRecord] for a learner over the given CoursePages (a fixed number of queries)."""
    courses = list(courses)
    struct = structures(courses)
    grid = reports.enrolment_grid([user.pk], [c.pk for c in courses])
    keys = [key for s in struct.values() for key in (*s.lesson_keys, *s.activity_keys)]
    results = progress.results_for(user, keys)
    titles = activity_titles(keys)
    page_ids = [pk for s in struct.values() for pk in s.page_ids]
    seconds = progress.time_spent_by_page(user, page_ids)
    records = []
    for course in courses:
        s = struct[course.pk]
        enrolment = grid.get((user.pk, course.pk), {})
        record = CourseRecord(
            course,
            enrolled_at=enrolment.get("enrolled_at"),
            completed_at=enrolment.get("completed_at"),
            last_activity_at=enrolment.get("last_activity_at"),
        )
        for lesson_id in s.lesson_ids:
            result = results.get(f"lesson:{lesson_id}")
            record.lessons.append(
                {
                    "title": s.lesson_titles[lesson_id],
                    "completed_at": result.completed_at if result and result.is_completed else None,
                    "seconds": seconds.get(lesson_id, 0),
                }
            )
        for number, key in enumerate(s.activity_keys, start=1):
            result = results.get(key)
            record.activities.append(
                {
                    "label": titles.get(key) or f"{kind_label(key)} {number}",
                    "status": result.get_status_display() if result else _("non commencé"),
                    "score": None if not result or result.score is None else round(result.score * 100),
                    "attempts": result.attempts if result else 0,
                    "completed_at": result.completed_at if result else None,
                }
            )
        scored = [results[k].score for k in best_score_keys(s) if k in results and results[k].score is not None]
        record.score = sum(scored) / len(scored) if scored else None
        record.seconds = sum(seconds.get(pk, 0) for pk in s.page_ids)
        records.append(record)
    return records


def sign_ins(user, limit=200):
    """Sign-in dates: the log kept since teams was installed, plus Django's last_login."""
    dates = list(LoginRecord.objects.filter(user=user).values_list("at", flat=True)[:limit])
    if user.last_login and all(abs((user.last_login - d).total_seconds()) > 60 for d in dates):
        dates.append(user.last_login)
    return sorted(dates, reverse=True)


def format_minutes(seconds):
    minutes = round((seconds or 0) / 60)
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"
