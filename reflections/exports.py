"""The learner's journal outside the platform: a PDF, a ZIP of Markdown files, and the account data export."""

import io
import zipfile

from bs4 import BeautifulSoup, NavigableString
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from markdownify import markdownify

from .models import Feedback, JournalEntry
from .sanitize import flattened_if_deep


def _entries(user):
    return JournalEntry.objects.owned_by(user).select_related("course").prefetch_related("feedback__author")


def _feedback_author(feedback):
    return feedback.author.get_display_name() if feedback.author else _("Formateur·rice (compte supprimé)")


# --- Markdown ---------------------------------------------------------------------------------------------


def to_markdown(html):
    """Markdown of cleaned HTML. Text the person typed stays text: <, [, & and the like are escaped, so no viewer
    of the file turns a typed "<script>" or "[lien](javascript:…)" into live markup."""
    return markdownify(flattened_if_deep(html or ""), heading_style="ATX", bullets="-", escape_misc=True).strip()


def entry_markdown(entry):
    lines = [f"# {entry.display_title}", ""]
    stamp = timezone.localtime(entry.saved_at or entry.updated_at)
    lines.append(_("Écrite le %(date)s") % {"date": f"{stamp:%d/%m/%Y %H:%M}"})
    if entry.prompt_title:
        lines += ["", _("Consigne : %(prompt)s") % {"prompt": entry.prompt_title}]
    lines += ["", to_markdown(entry.editor_html), ""]
    for feedback in entry.feedback.all():
        when = timezone.localtime(feedback.created_at)
        lines += [
            f"## {_('Retour de %(name)s') % {'name': _feedback_author(feedback)}} ({when:%d/%m/%Y})",
            "",
            to_markdown(feedback.body_html),
            "",
        ]
    return "\n".join(lines)


def markdown_files(user):
    """[(file name, text)] one Markdown file per entry, named by date and title."""
    files = []
    used = set()
    for entry in _entries(user).order_by("created_at", "pk"):
        base = f"{timezone.localtime(entry.created_at):%Y-%m-%d}-{slugify(str(entry.display_title))[:60] or 'entree'}"
        name = f"{base}.md"
        counter = 2
        while name in used:
            name = f"{base}-{counter}.md"
            counter += 1
        used.add(name)
        files.append((name, entry_markdown(entry)))
    return files


def markdown_zip(user):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in markdown_files(user):
            archive.writestr(f"journal/{name}", text)
    return buffer.getvalue()


# --- PDF (reportlab) --------------------------------------------------------------------------------------

_INLINE = {"strong": "b", "b": "b", "em": "i", "i": "i"}


def _inline_markup(node):
    """reportlab's paragraph mini-language from cleaned HTML inline content (text escaped, links kept)."""
    parts = []
    for child in node.children:
        if isinstance(child, NavigableString):
            parts.append(escape(str(child)))
        elif child.name == "br":
            parts.append("<br/>")
        elif child.name in _INLINE:
            tag = _INLINE[child.name]
            parts.append(f"<{tag}>{_inline_markup(child)}</{tag}>")
        elif child.name == "a" and child.get("href"):
            parts.append(f'<a href="{escape(child["href"])}" color="#3a2a8c">{_inline_markup(child)}</a>')
        else:
            parts.append(_inline_markup(child))
    return "".join(parts)


def _flowables(html, styles):
    from reportlab.platypus import ListFlowable, ListItem, Paragraph

    soup = BeautifulSoup(flattened_if_deep(html or ""), "html.parser")
    flowables = []
    loose = []

    def flush():
        text = "".join(loose).strip()
        if text:
            flowables.append(Paragraph(text, styles["body"]))
        loose.clear()

    for node in soup.children:
        if isinstance(node, NavigableString) or node.name in ("strong", "b", "em", "i", "a", "br"):
            wrapper = BeautifulSoup("<span></span>", "html.parser").span
            wrapper.append(node.__copy__() if not isinstance(node, NavigableString) else NavigableString(str(node)))
            loose.append(_inline_markup(wrapper))
            continue
        flush()
        if node.name == "p":
            flowables.append(Paragraph(_inline_markup(node), styles["body"]))
        elif node.name == "blockquote":
            flowables.append(Paragraph(_inline_markup(node), styles["quote"]))
        elif node.name in ("ul", "ol"):
            items = [ListItem(Paragraph(_inline_markup(li), styles["body"])) for li in node.find_all("li")]
            kind = "bullet" if node.name == "ul" else "1"
            flowables.append(ListFlowable(items, bulletType=kind, start="•" if kind == "bullet" else None))
    flush()
    return flowables


def _styles():
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    sheet = getSampleStyleSheet()
    return {
        "title": sheet["Title"],
        "h1": sheet["Heading1"],
        "h2": sheet["Heading3"],
        "meta": ParagraphStyle("meta", parent=sheet["Normal"], textColor="#4a4a5a", fontSize=9, spaceAfter=6),
        "body": ParagraphStyle("body", parent=sheet["Normal"], fontSize=11, leading=15, spaceAfter=6),
        "quote": ParagraphStyle("quote", parent=sheet["Normal"], leftIndent=18, fontName="Helvetica-Oblique"),
    }


def a4_document(buffer, title, author):
    """The page every journal PDF is laid out on: A4, 2 cm margins, French."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    margins = {"leftMargin": 2 * cm, "rightMargin": 2 * cm, "topMargin": 2 * cm, "bottomMargin": 2 * cm}
    return SimpleDocTemplate(buffer, pagesize=A4, title=title, author=author, lang="fr", **margins)


def journal_pdf(user):
    """The whole journal (saved text, or the latest draft for entries never saved) with the trainers' replies."""
    from reportlab.platypus import PageBreak, Paragraph

    buffer = io.BytesIO()
    document = a4_document(buffer, title=_("Mon journal de réflexion"), author=user.get_display_name())
    styles = _styles()
    story = [
        Paragraph(escape(_("Mon journal de réflexion")), styles["title"]),
        Paragraph(
            escape(
                _("%(name)s — exporté le %(date)s")
                % {"name": user.get_display_name(), "date": f"{timezone.localdate():%d/%m/%Y}"}
            ),
            styles["meta"],
        ),
    ]
    entries = list(_entries(user).order_by("created_at", "pk"))
    if not entries:
        story.append(Paragraph(escape(_("Votre journal ne contient encore aucune entrée.")), styles["body"]))
    for index, entry in enumerate(entries):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(escape(str(entry.display_title)), styles["h1"]))
        stamp = timezone.localtime(entry.saved_at or entry.updated_at)
        meta = _("Écrite le %(date)s") % {"date": f"{stamp:%d/%m/%Y %H:%M}"}
        if entry.prompt_title:
            meta += " · " + _("Consigne : %(prompt)s") % {"prompt": entry.prompt_title}
        story.append(Paragraph(escape(meta), styles["meta"]))
        story += _flowables(entry.editor_html, styles)
        for feedback in entry.feedback.all():
            when = timezone.localtime(feedback.created_at)
            heading = _("Retour de %(name)s") % {"name": _feedback_author(feedback)} + f" ({when:%d/%m/%Y})"
            story.append(Paragraph(escape(heading), styles["h2"]))
            story += _flowables(feedback.body_html, styles)
    document.build(story)
    return buffer.getvalue()


def export_filename(extension):
    return f"collectif-journal-{timezone.localdate():%Y-%m-%d}.{extension}"


# --- Account data export and erasure (accounts.personal_data) -----------------------------------------


def export_personal_data(user):
    entries = [
        {
            "title": entry.title or entry.draft_title,
            "prompt": entry.prompt_title,
            "text": entry.body_html,
            "draft": entry.draft_html if entry.has_unsaved_draft else "",
            "created_at": entry.created_at,
            "saved_at": entry.saved_at,
            "shared_at": entry.shared_at,
            "feedback": [
                {"author": _feedback_author(f), "text": f.body_html, "created_at": f.created_at}
                for f in entry.feedback.all()
            ],
        }
        for entry in _entries(user).order_by("created_at", "pk")
    ]
    given = [
        {"entry_id": f.entry_id, "text": f.body_html, "created_at": f.created_at}
        for f in Feedback.objects.filter(author=user).order_by("created_at")
    ]
    return {"entries": entries, "feedback_given": given}


def erase_personal_data(user):
    """The user's entries (with their feedback) go for good; feedback they wrote to others loses its author."""
    JournalEntry.objects.filter(author=user).delete()
