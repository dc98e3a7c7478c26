"""PDF documents built with ReportLab: the certificate and the "certificat de réalisation"."""

import io
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .evidence import format_minutes

_FONTS = Path(reportlab.__file__).parent / "fonts"
FONT, FONT_BOLD = "CollectifSans", "CollectifSans-Bold"


def _register_fonts():
    # Vera ships with ReportLab: a Unicode TrueType font, so accented names print correctly.
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(_FONTS / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(_FONTS / "VeraBd.ttf")))


def _styles():
    _register_fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("t", parent=base["Title"], fontName=FONT_BOLD, fontSize=22, leading=28),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=FONT_BOLD),
        "body": ParagraphStyle("b", parent=base["BodyText"], fontName=FONT, fontSize=11, leading=15),
        "big": ParagraphStyle("big", parent=base["BodyText"], fontName=FONT_BOLD, fontSize=16, leading=22, alignment=1),
        "center": ParagraphStyle("c", parent=base["BodyText"], fontName=FONT, fontSize=11, leading=15, alignment=1),
        "small": ParagraphStyle("s", parent=base["BodyText"], fontName=FONT, fontSize=9, leading=12),
    }


def _date(value):
    if not value:
        return "—"
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return formats.date_format(value, "j F Y")


def _datetime(value):
    return formats.date_format(timezone.localtime(value), "j F Y, H:i") if value else "—"


def _p(text, style):
    return Paragraph(escape(str(text)), style)


def _table(rows, styles, widths=None):
    data = [[_p(cell, styles["small"]) for cell in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _build(story, title, author):
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author=author, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm
    )
    doc.build(story)
    return buffer.getvalue()


def certificate_pdf(certificate, verify_url):
    s = _styles()
    score = _("%(score)s %%") % {"score": round(certificate.score * 100)} if certificate.score is not None else "—"
    story = [
        Spacer(1, 2 * cm),
        _p(_("Certificat de formation"), s["title"]),
        Spacer(1, 1 * cm),
        _p(_("Collectif certifie que"), s["center"]),
        Spacer(1, 0.3 * cm),
        _p(certificate.learner_name, s["big"]),
        Spacer(1, 0.3 * cm),
        _p(_("a suivi avec succès le module de formation"), s["center"]),
        Spacer(1, 0.3 * cm),
        _p(certificate.course_title, s["big"]),
        Spacer(1, 1 * cm),
        _table(
            [
                [_("Élément"), _("Valeur")],
                [_("Début de la formation"), _date(certificate.started_at)],
                [_("Formation terminée le"), _date(certificate.completed_at)],
                [_("Temps de formation enregistré"), format_minutes(certificate.duration_minutes * 60)],
                [_("Résultat moyen aux activités évaluées"), score],
                [_("Certificat délivré le"), _date(certificate.issued_at)],
                [_("Code de vérification"), certificate.code],
            ],
            s,
            widths=[8 * cm, 8 * cm],
        ),
        Spacer(1, 1 * cm),
        _p(_("Vérifiez l'authenticité de ce certificat à l'adresse :"), s["body"]),
        _p(verify_url, s["body"]),
    ]
    return _build(story, _("Certificat de formation"), "Collectif")


def realisation_pdf(user, record, logins, organisation=""):
    """The "certificat de réalisation" with its evidence: sign-ins, time per lesson, results."""
    s = _styles()
    name = user.get_full_name() or user.get_display_name()
    story = [
        _p(_("Certificat de réalisation"), s["title"]),
        _p(
            _("Collectif, organisme de formation, atteste que %(name)s a suivi l'action de formation « %(course)s ».")
            % {"name": name, "course": record.course.title},
            s["body"],
        ),
        Spacer(1, 0.4 * cm),
        _table(
            [
                [_("Élément"), _("Valeur")],
                [_("Apprenant·e"), name],
                [_("Adresse e-mail"), user.email],
                [_("Structure"), organisation or "—"],
                [_("Nature de l'action"), _("Action de formation à distance (e-learning)")],
                [_("Inscription"), _date(record.enrolled_at)],
                [_("Formation terminée le"), _date(record.completed_at) if record.completed_at else _("en cours")],
                [_("Durée prévue"), format_minutes(record.course.duration_minutes * 60)],
                [_("Temps de connexion enregistré"), format_minutes(record.seconds)],
                [_("Leçons terminées"), f"{record.lessons_done} / {len(record.lessons)}"],
                [_("Résultat moyen"), f"{record.score_percent} %" if record.score is not None else "—"],
            ],
            s,
            widths=[7 * cm, 10 * cm],
        ),
        _p(_("Temps passé par leçon"), s["h2"]),
        _table(
            [[_("Leçon"), _("Terminée le"), _("Temps passé")]]
            + [
                [lesson["title"], _date(lesson["completed_at"]), format_minutes(lesson["seconds"])]
                for lesson in record.lessons
            ],
            s,
            widths=[9 * cm, 4 * cm, 4 * cm],
        ),
        _p(_("Résultats des activités"), s["h2"]),
        _table(
            [[_("Activité"), _("Statut"), _("Score"), _("Tentatives"), _("Terminée le")]]
            + [
                [
                    a["label"],
                    a["status"],
                    f"{a['score']} %" if a["score"] is not None else "—",
                    a["attempts"],
                    _date(a["completed_at"]),
                ]
                for a in record.activities
            ],
            s,
            widths=[4.5 * cm, 3 * cm, 2 * cm, 2.5 * cm, 5 * cm],
        ),
        _p(_("Dates de connexion"), s["h2"]),
        _table([[_("Connexion")]] + [[_datetime(d)] for d in logins], s),
        Spacer(1, 0.6 * cm),
        _p(_("Document établi le %(date)s.") % {"date": _date(timezone.now())}, s["small"]),
    ]
    return _build(story, _("Certificat de réalisation"), "Collectif")
