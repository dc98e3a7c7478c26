"""CSV and XLSX files: the team matrix, a member's record, the Qualiopi evidence of one course."""

import csv
import datetime
import io
import re

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from core.spreadsheet import safe_cell

from .evidence import format_minutes
from .matrix import CellStatus

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plain(value):
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return value


def csv_response(filename, rows):
    """Semicolon-separated UTF-8 with BOM: what French spreadsheet software opens without asking."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([safe_cell(_plain(cell)) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename, sheets):
    """sheets: [(title, rows)] → an .xlsx download; the first row of each sheet is bold.

    Write-only workbook: rows are streamed to the file as they come (with lxml, in C), so a team of a
    thousand members × thirty courses exports in a few seconds without holding every cell object.
    """
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    used = set()
    for title, rows in sheets:
        sheet = workbook.create_sheet(sheet_title(title, used))
        for index, row in enumerate(rows):
            if index == 0:
                sheet.append([_bold_cell(sheet, safe_cell(_plain(value)), bold) for value in row])
            else:
                sheet.append([_xlsx_value(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


# Characters a spreadsheet refuses in a sheet name, and the control characters no cell may hold.
_SHEET_FORBIDDEN = re.compile(r"[\\/?*\[\]:\x00-\x1f\x7f]")
SHEET_TITLE_LENGTH = 31


def sheet_title(title, used):
    """A valid, unique sheet name from any team, course or person name ("Accueil / accès" included)."""
    base = _SHEET_FORBIDDEN.sub(" ", str(title)).strip(" '") or "Feuille"
    candidate, number = base[:SHEET_TITLE_LENGTH], 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = base[: SHEET_TITLE_LENGTH - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate


DATE_FORMAT, DATETIME_FORMAT = "DD/MM/YYYY", "DD/MM/YYYY HH:MM"


def _xlsx_value(sheet, value):
    """Dates stay dates in the workbook (sortable and filterable), shown the French way; text is made safe."""
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return _formatted_cell(sheet, local.replace(tzinfo=None), DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return _formatted_cell(sheet, value, DATE_FORMAT)
    return safe_cell(_plain(value))


def _formatted_cell(sheet, value, number_format):
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def _bold_cell(sheet, value, font):
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell


def filename(*parts):
    return "-".join(slugify(str(p)) for p in parts if p) + f"-{timezone.localdate():%Y-%m-%d}"


def matrix_rows(courses, rows):
    header = [_("Nom"), _("Adresse e-mail"), _("Modules terminés"), _("Modules affectés"), _("Dernière activité")]
    for course in courses:
        header += [
            _("%(course)s — statut") % {"course": course.title},
            _("%(course)s — avancement (%%)") % {"course": course.title},
            _("%(course)s — score (%%)") % {"course": course.title},
            _("%(course)s — échéance") % {"course": course.title},
        ]
    table = [header]
    # Translated once, not once per cell: a team of 1,000 × 30 courses has 30,000 cells.
    labels = {status: str(label) for status, label in CellStatus.LABELS.items()}
    not_assigned = [_("non affecté"), "", "", ""]
    for row in rows:
        member = row.member
        line = [member.get_display_name(), member.contact_email, row.completed, row.assigned, row.last_activity_at]
        for cell in row.cells:
            if cell.assigned:
                line += [labels[cell.status], cell.percent, cell.score_percent, cell.due_date]
            else:
                line += not_assigned
        table.append(line)
    return table


def member_course_rows(records, statuses):
    table = [
        [
            _("Module"),
            _("Statut"),
            _("Échéance"),
            _("Inscription"),
            _("Terminé le"),
            _("Leçons terminées"),
            _("Score moyen (%)"),
            _("Temps passé"),
        ]
    ]
    for record in records:
        status, due = statuses.get(record.course.pk, ("", None))
        table.append(
            [
                record.course.title,
                str(status),
                due,
                record.enrolled_at,
                record.completed_at,
                f"{record.lessons_done} / {len(record.lessons)}",
                record.score_percent,
                format_minutes(record.seconds),
            ]
        )
    return table


def activity_rows(records):
    table = [[_("Module"), _("Activité"), _("Statut"), _("Score (%)"), _("Tentatives"), _("Terminée le")]]
    for record in records:
        for a in record.activities:
            table.append(
                [record.course.title, a["label"], str(a["status"]), a["score"], a["attempts"], a["completed_at"]]
            )
    return table


def lesson_rows(records):
    table = [[_("Module"), _("Leçon"), _("Terminée le"), _("Temps passé (minutes)")]]
    for record in records:
        for lesson in record.lessons:
            table.append([record.course.title, lesson["title"], lesson["completed_at"], round(lesson["seconds"] / 60)])
    return table


def evidence_sheets(user, record, logins):
    summary = [
        [_("Élément"), _("Valeur")],
        [_("Apprenant·e"), user.get_full_name() or user.get_display_name()],
        [_("Adresse e-mail"), user.contact_email],
        [_("Module"), record.course.title],
        [_("Inscription"), record.enrolled_at],
        [_("Terminé le"), record.completed_at],
        [_("Durée prévue (minutes)"), record.course.duration_minutes],
        [_("Temps enregistré (minutes)"), record.minutes],
        [_("Résultat moyen (%)"), record.score_percent],
    ]
    return [
        (_("Synthèse"), summary),
        (_("Leçons"), lesson_rows([record])),
        (_("Activités"), activity_rows([record])),
        (_("Connexions"), [[_("Connexion")]] + [[d] for d in logins]),
    ]
