"""The team dashboard's matrix: members × assigned courses, built in a fixed number of queries.

Filtering by status and sorting happen in the database (Exists/Subquery), so pagination stays exact
for a team of any size; only the current page's cells are then computed in Python.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from progress import reports

from . import scope
from .models import AssignedLearner, Assignment
from .structure import best_score_keys, structures


class CellStatus:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    OVERDUE = "overdue"

    LABELS = {
        NOT_STARTED: _("Non commencé"),
        IN_PROGRESS: _("En cours"),
        COMPLETED: _("Terminé"),
        OVERDUE: _("En retard"),
    }
    ICONS = {NOT_STARTED: "○", IN_PROGRESS: "◐", COMPLETED: "✔", OVERDUE: "⚠"}
    CHOICES = list(LABELS.items())


SORTS = {
    "nom": _("Nom (A → Z)"),
    "-nom": _("Nom (Z → A)"),
    "avancement": _("Modules terminés (du plus au moins)"),
    "-avancement": _("Modules terminés (du moins au plus)"),
    "activite": _("Dernière activité (récente d'abord)"),
}


@dataclass
class Cell:
    course_id: int
    assigned: bool = False
    status: str = CellStatus.NOT_STARTED
    percent: int = 0
    score: float | None = None
    due_date: object = None
    completed_at: object = None
    last_activity_at: object = None

    @property
    def status_label(self):
        return CellStatus.LABELS[self.status]

    @property
    def icon(self):
        return CellStatus.ICONS[self.status]

    @property
    def score_percent(self):
        return None if self.score is None else round(self.score * 100)


@dataclass
class Row:
    member: object
    cells: list = field(default_factory=list)

    @property
    def completed(self):
        return sum(1 for cell in self.cells if cell.status == CellStatus.COMPLETED)

    @property
    def assigned(self):
        return sum(1 for cell in self.cells if cell.assigned)

    @property
    def last_activity_at(self):
        dates = [cell.last_activity_at for cell in self.cells if cell.last_activity_at]
        return max(dates) if dates else None


def assigned_courses(team, course_id=None):
    """The team's assigned CoursePages (each once), ordered by title."""
    ids = Assignment.objects.filter(team=team).values("course_id")
    qs = CoursePage.objects.filter(pk__in=ids).order_by("title")
    if course_id:
        qs = qs.filter(pk=course_id)
    return list(qs)


def _assigned(team, course_id=None):
    qs = AssignedLearner.objects.filter(user_id=OuterRef("pk"), assignment__team=team)
    if course_id:
        qs = qs.filter(assignment__course_id=course_id)
    return qs


def _status_condition(team, status, course_id, today):
    user, course = OuterRef("user_id"), OuterRef("assignment__course_id")
    done = reports.enrolment_exists(user, course, completed=True)
    active = reports.enrolment_exists(user, course, active=True)
    base = _assigned(team, course_id)
    if status == CellStatus.COMPLETED:
        return Exists(base.filter(done))
    base = base.exclude(done)
    if status == CellStatus.OVERDUE:
        return Exists(base.filter(assignment__due_date__lt=today))
    base = base.filter(assignment__due_date__gte=today)
    if status == CellStatus.IN_PROGRESS:
        return Exists(base.filter(active))
    return Exists(base.exclude(active))


def members_queryset(team, course_id=None, status=None, sort="nom", today=None):
    """Members of the team filtered by status (of any assigned course, or of `course_id`) and sorted."""
    today = today or timezone.localdate()
    qs = scope.members(team)
    if course_id:
        qs = qs.filter(Exists(_assigned(team, course_id)))
    if status in CellStatus.LABELS:
        qs = qs.filter(_status_condition(team, status, course_id, today))
    name = Lower(Coalesce(F("last_name"), Value(""))), Lower(F("display_name")), F("email")
    if sort in ("avancement", "-avancement"):
        completed = (
            _assigned(team, course_id)
            .filter(reports.enrolment_exists(OuterRef("user_id"), OuterRef("assignment__course_id"), completed=True))
            .values("user_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        qs = qs.annotate(n_completed=Coalesce(Subquery(completed[:1]), 0))
        first = F("n_completed").desc() if sort == "avancement" else F("n_completed").asc()
        return qs.order_by(first, *name)
    if sort == "activite":
        course_ids = Assignment.objects.filter(team=team).values("course_id")
        qs = qs.annotate(last=reports.latest_enrolment_activity(OuterRef("pk"), course_ids))
        return qs.order_by(F("last").desc(nulls_last=True), *name)
    if sort == "-nom":
        return qs.order_by(*(expr.desc() for expr in name))
    return qs.order_by(*name)


def build_rows(team, members, courses, today=None):
    """Rows of cells for the given members (one page) and courses: a fixed number of queries."""
    today = today or timezone.localdate()
    members = list(members)
    user_ids = [m.pk for m in members]
    course_ids = [c.pk for c in courses]
    struct = structures(courses)
    due = {}
    rows = AssignedLearner.objects.filter(
        user_id__in=user_ids, assignment__team=team, assignment__course_id__in=course_ids
    ).values_list("user_id", "assignment__course_id", "assignment__due_date")
    for user_id, course_id, due_date in rows:
        due[(user_id, course_id)] = min(due_date, due.get((user_id, course_id), due_date))
    grid = reports.enrolment_grid(user_ids, course_ids)
    lessons_done = reports.completed_counts(user_ids, {cid: s.lesson_keys for cid, s in struct.items()})
    scores = reports.average_scores(user_ids, {cid: best_score_keys(s) for cid, s in struct.items()})
    result = []
    for member in members:
        row = Row(member)
        for course_id in course_ids:
            cell = Cell(course_id)
            key = (member.pk, course_id)
            if key in due:
                cell.assigned = True
                cell.due_date = due[key]
                enrolment = grid.get(key) or {}
                cell.completed_at = enrolment.get("completed_at")
                cell.last_activity_at = enrolment.get("last_activity_at")
                total = len(struct[course_id].lesson_ids)
                cell.percent = (
                    100 if cell.completed_at else (round(100 * lessons_done.get(key, 0) / total) if total else 0)
                )
                cell.score = scores.get(key)
                cell.status = cell_status(cell, today)
            row.cells.append(cell)
        result.append(row)
    return result


def cell_status(cell, today):
    if cell.completed_at:
        return CellStatus.COMPLETED
    if cell.due_date and cell.due_date < today:
        return CellStatus.OVERDUE
    if cell.last_activity_at or cell.percent:
        return CellStatus.IN_PROGRESS
    return CellStatus.NOT_STARTED


def unfinished_learners(assignment):
    """The learners of an assignment who have not completed its course (reminders go only to them)."""
    done = reports.enrolment_exists(OuterRef("user_id"), assignment.course_id, completed=True)
    return AssignedLearner.objects.filter(assignment=assignment).exclude(done).values_list("user_id", flat=True)
