"""Team dashboard, member drill-down and their exports: managers of the team only (404 otherwise)."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from accounts import diplomas
from accounts.permissions import Role, role_required
from courses.models import CoursePage

from .. import audit, certificates, charts, exports, scope
from ..evidence import course_records, sign_ins
from ..forms import FilterForm
from ..matrix import CellStatus, assigned_courses, build_rows, members_queryset
from ..models import Assignment, Membership, ReminderLog, TrainingProviderSettings
from ..pdf import realisation_pdf

PER_PAGE = 25
manager_required = role_required(Role.MANAGER, Role.ADMIN)
REMINDER_HISTORY_LENGTH = 50


@manager_required
def index(request):
    teams = list(scope.visible_teams(request.user))
    if len(teams) == 1:
        return redirect("teams:dashboard", teams[0].pk)
    return render(request, "teams/index.html", {"teams": teams})


def _team_and_teams(request, team_id):
    """The team asked for (404 outside the manager's scope) and every team they may see, in one query."""
    teams = list(scope.visible_teams(request.user))
    team = next((t for t in teams if t.pk == team_id), None)
    if team is None:
        raise Http404
    return team, teams


def _filters(request, team, teams=None, all_courses=None):
    teams = list(scope.visible_teams(request.user)) if teams is None else teams
    all_courses = assigned_courses(team) if all_courses is None else all_courses
    data = request.GET.copy()
    data.setdefault("team", str(team.pk))
    form = FilterForm(data, teams=teams, courses=all_courses)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    return form, cleaned, all_courses


@manager_required
def dashboard(request, team_id):
    team, teams = _team_and_teams(request, team_id)
    # The assignments list and the team's courses come from one query.
    assignments = list(Assignment.objects.filter(team=team).select_related("course").order_by("due_date", "pk"))
    all_courses = sorted({a.course_id: a.course for a in assignments}.values(), key=lambda c: c.title)
    form, cleaned, all_courses = _filters(request, team, teams, all_courses)
    if cleaned.get("team") and cleaned["team"] != str(team.pk):
        params = {k: v for k, v in request.GET.items() if k not in ("team", "page", "course")}
        return redirect(
            reverse("teams:dashboard", args=[cleaned["team"]]) + ("?" + urlencode(params) if params else "")
        )
    course_id, status, sort = cleaned.get("course"), cleaned.get("status") or None, cleaned.get("sort") or "nom"
    courses = [c for c in all_courses if not course_id or c.pk == course_id]
    members = members_queryset(team, course_id=course_id, status=status, sort=sort)
    paginator = Paginator(members, PER_PAGE)
    total_members = scope.members(team).count()
    if not course_id and not status:
        paginator.count = total_members  # unfiltered: the same count, not asked twice
    page = paginator.get_page(request.GET.get("page"))
    rows = build_rows(team, page.object_list, courses)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "team": team,
        "form": form,
        "courses": courses,
        "rows": rows,
        "page_obj": page,
        "query": query.urlencode(),
        # Team-wide figures: a few aggregate queries whatever the team's size, cached (see charts.py).
        **charts.team_figures(
            team, all_courses, members=total_members, framework=diplomas.framework_for(request.user, team=team)
        ),
        "assignments": assignments,
        "statuses": CellStatus,
        "managers": Membership.objects.filter(team=team, role=Membership.Role.MANAGER).select_related("user"),
    }
    return render(request, "teams/dashboard.html", context)


def _matrix_for_export(request, team):
    _form, cleaned, all_courses = _filters(request, team)
    course_id = cleaned.get("course")
    courses = [c for c in all_courses if not course_id or c.pk == course_id]
    members = members_queryset(
        team, course_id=course_id, status=cleaned.get("status") or None, sort=cleaned.get("sort") or "nom"
    )
    return courses, build_rows(team, members, courses)


@manager_required
def matrix_export(request, team_id, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    team = scope.team_or_404(request.user, team_id)
    courses, rows = _matrix_for_export(request, team)
    table = exports.matrix_rows(courses, rows)
    audit.log_exported(team, request.user, "matrix", fmt)
    name = exports.filename("suivi", team.name)
    if fmt == "csv":
        return exports.csv_response(name, table)
    return exports.xlsx_response(name, [(team.name, table)])


def _member_context(request, team_id, user_id):
    team = scope.team_or_404(request.user, team_id)
    member = scope.member_or_404(team, user_id)
    courses = assigned_courses(team)
    row = build_rows(team, [member], courses)[0]
    assigned = [c for c, cell in zip(courses, row.cells, strict=True) if cell.assigned]
    statuses = {cell.course_id: (cell.status_label, cell.due_date) for cell in row.cells if cell.assigned}
    cells = {cell.course_id: cell for cell in row.cells}
    records = course_records(member, assigned)
    return team, member, records, statuses, cells


@manager_required
def member_detail(request, team_id, user_id):
    team, member, records, statuses, cells = _member_context(request, team_id, user_id)
    items = [(record, cells[record.course.pk]) for record in records]
    reminders = (
        ReminderLog.objects.filter(user=member, assignment__team=team)
        .select_related("assignment__course")
        .order_by("-created_at")[:REMINDER_HISTORY_LENGTH]
    )
    context = {"team": team, "member": member, "items": items, "reminders": reminders}
    return render(request, "teams/member.html", context)


@manager_required
def member_export(request, team_id, user_id, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    team, member, records, statuses, _cells = _member_context(request, team_id, user_id)
    audit.log_exported(team, request.user, "member", fmt, member)
    name = exports.filename("parcours", member.get_display_name())
    courses = exports.member_course_rows(records, statuses)
    if fmt == "csv":
        return exports.csv_response(name, courses)
    return exports.xlsx_response(
        name,
        [
            ("Modules", courses),
            ("Leçons", exports.lesson_rows(records)),
            ("Activités", exports.activity_rows(records)),
        ],
    )


@manager_required
def member_evidence(request, team_id, user_id, course_id, fmt):
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    team = scope.team_or_404(request.user, team_id)
    member = scope.member_or_404(team, user_id)
    if not Assignment.objects.filter(team=team, course_id=course_id, assigned__user=member).exists():
        raise Http404
    course = CoursePage.objects.get(pk=course_id)
    response = evidence_response(member, course, fmt, team.organisation.name, request=request)
    if response.status_code == 200:  # a refused certificate shows its reason and exports nothing
        audit.log_exported(team, request.user, "evidence", fmt, member)
    return response


# A refused document is not an error of the request but of the record's state: 409, with the reason on the page.
REFUSED_STATUS = 409


def refused(request, reason, course):
    return render(
        request, "teams/certificate_refused.html", {"reason": reason, "course": course}, status=REFUSED_STATUS
    )


def evidence_response(user, course, fmt, organisation="", request=None):
    """The evidence export (XLSX) or the certificat de réalisation (PDF), which is refused, with its reason on a
    page, when no time was realised."""
    record = course_records(user, [course])[0]
    logins = sign_ins(user)
    name = exports.filename("realisation", user.get_display_name(), course.title)
    if fmt == "xlsx":
        return exports.xlsx_response(name, exports.evidence_sheets(user, record, logins))
    reason = certificates.realisation_refusal(record)
    if reason:
        return refused(request, reason, course)
    certificate = certificates.issue_realisation(user, record)
    provider = TrainingProviderSettings.for_request(request) if request else TrainingProviderSettings.current()
    pdf = realisation_pdf(
        user,
        record,
        logins,
        certificate,
        certificates.verification_url(certificate),
        provider,
        employer=organisation or certificates.employer_of(user),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
