from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def matrix_cell(cell):
    """One cell of the team matrix. A page shows 25 members × up to 30 courses: written in Python rather than
    as an included template per cell, it renders several times faster (same markup, same messages)."""
    if not cell.assigned:
        return format_html('<span class="status status--none">{}</span>', _("non affecté"))
    html = format_html(
        '<span class="status status--{}"><span aria-hidden="true">{}</span> {}</span><br>{}',
        cell.status,
        cell.icon,
        cell.status_label,
        _("%(percent)s %%") % {"percent": cell.percent},
    )
    if cell.score_percent is not None:
        html += format_html("<br>{}", _("score %(score)s %%") % {"score": cell.score_percent})
    due = date_format(cell.due_date, "d/m/Y") if cell.due_date else ""
    return html + format_html('<br><span class="muted">{}</span>', _("échéance %(date)s") % {"date": due})
