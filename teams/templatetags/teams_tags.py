from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..matrix import CellStatus

register = template.Library()


def _cell_texts():
    """The words of the cells, translated and escaped once per table rather than once per cell."""
    return {
        "none": conditional_escape(_("non affecté")),
        "labels": {status: conditional_escape(label) for status, label in CellStatus.LABELS.items()},
        "percent": _("%(percent)s %%"),
        "score": _("score %(score)s %%"),
        "due": _("échéance %(date)s"),
        "dates": {},  # due date → its text: a team has a few due dates, shown in hundreds of cells
    }


def _cell(cell, texts):
    if not cell.assigned:
        return f'<td><span class="status status--none">{texts["none"]}</span></td>'
    # Every value below is a number, a date or a translated label escaped above: nothing comes from users.
    parts = [
        f'<td><span class="status status--{cell.status}"><span aria-hidden="true">{cell.icon}</span> '
        f"{texts['labels'][cell.status]}</span><br>{conditional_escape(texts['percent'] % {'percent': cell.percent})}"
    ]
    if cell.score_percent is not None:
        parts.append(f"<br>{conditional_escape(texts['score'] % {'score': cell.score_percent})}")
    due = texts["dates"].get(cell.due_date)
    if due is None:
        day = date_format(cell.due_date, "d/m/Y") if cell.due_date else ""
        due = texts["dates"][cell.due_date] = conditional_escape(texts["due"] % {"date": day})
    parts.append(f'<br><span class="muted">{due}</span></td>')
    return "".join(parts)


@register.simple_tag
def matrix_cells(row):
    """The <td> cells of one member's row. A page shows 25 members × up to 30 courses: written in Python,
    with the labels translated once, it renders many times faster than a template per cell (same markup)."""
    texts = _cell_texts()
    return mark_safe("".join(_cell(cell, texts) for cell in row.cells))  # noqa: S308 - escaped in _cell
