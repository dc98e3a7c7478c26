"""A closed session outside the platform: a PDF and a ZIP holding one Markdown file.

Built with the personal journal's helpers (reflections/exports.py). The export is the shared view of the session:
a hidden contribution appears as hidden for everyone, even for its author.
"""

import io
import zipfile

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from reflections.exports import _flowables, _styles, a4_document, to_markdown

from .journal import thread


def hidden_label():
    return _("Contribution masquée par l'animateur·rice.")


def removed_label():
    return _("Contribution retirée : son auteur·rice a supprimé son compte.")


def author_name(contribution):
    return contribution.author.get_display_name() if contribution.author else _("Compte supprimé")


def _missing_text(contribution):
    return removed_label() if contribution.removed_at else hidden_label()


def _heading(contribution):
    when = timezone.localtime(contribution.created_at)
    return f"{author_name(contribution)} ({when:%d/%m/%Y %H:%M})"


def _meta(session):
    closed = timezone.localtime(session.closed_at) if session.closed_at else None
    text = _("Équipe %(team)s — séance du %(date)s") % {"team": session.team.name, "date": f"{session.date:%d/%m/%Y}"}
    if closed:
        text += " · " + _("close le %(date)s") % {"date": f"{closed:%d/%m/%Y}"}
    return text


def filename(session, extension):
    return f"analyse-de-pratiques-{session.date:%Y-%m-%d}-{slugify(session.title)[:60] or 'seance'}.{extension}"


# --- Markdown ---------------------------------------------------------------------------------------------


def session_markdown(session):
    lines = [f"# {session.title}", "", _meta(session), ""]
    if session.description_html:
        lines += [to_markdown(session.description_html), ""]
    for contribution in thread(session):
        lines += [f"## {_heading(contribution)}", ""]
        lines += [to_markdown(contribution.shown) if contribution.shown else f"*{_missing_text(contribution)}*", ""]
        for reply in contribution.replies_list:
            lines += [f"### {_('Réponse de %(name)s') % {'name': _heading(reply)}}", ""]
            lines += [to_markdown(reply.shown) if reply.shown else f"*{_missing_text(reply)}*", ""]
    return "\n".join(lines)


def markdown_zip(session):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(filename(session, "md"), session_markdown(session))
    return buffer.getvalue()


# --- PDF (reportlab) --------------------------------------------------------------------------------------


def session_pdf(session):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    buffer = io.BytesIO()
    document = a4_document(buffer, title=session.title, author=session.team.name)
    styles = _styles()
    reply_heading = ParagraphStyle("reply_heading", parent=styles["h2"], leftIndent=18, fontSize=10)
    reply_body = ParagraphStyle("reply_body", parent=styles["body"], leftIndent=18)
    reply_styles = {**styles, "body": reply_body, "quote": ParagraphStyle("rq", parent=styles["quote"], leftIndent=36)}
    story = [
        Paragraph(escape(session.title), styles["title"]),
        Paragraph(escape(_meta(session)), styles["meta"]),
    ]
    story += _flowables(session.description_html, styles)
    for contribution in thread(session):
        story.append(Paragraph(escape(_heading(contribution)), styles["h1"]))
        if contribution.shown:
            story += _flowables(contribution.shown, styles)
        else:
            story.append(Paragraph(f"<i>{escape(_missing_text(contribution))}</i>", styles["body"]))
        for reply in contribution.replies_list:
            story.append(Paragraph(escape(_("Réponse de %(name)s") % {"name": _heading(reply)}), reply_heading))
            if reply.shown:
                story += _flowables(reply.shown, reply_styles)
            else:
                story.append(Paragraph(f"<i>{escape(_missing_text(reply))}</i>", reply_body))
    document.build(story)
    return buffer.getvalue()
