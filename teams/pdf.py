"""PDF documents built with ReportLab: the « attestation de fin de formation » and the « certificat de réalisation »
(laid out after the Ministère du Travail's model, see docs/certificates.md). Both carry the training organisation's
identifiers, a verification code and a QR code to the public verification page."""

import io
from html import unescape
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

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
        "h3": ParagraphStyle("h3", parent=base["Heading3"], fontName=FONT_BOLD, fontSize=11, spaceAfter=2),
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


def _bold(text):
    return f'<font name="{FONT_BOLD}">{escape(str(text))}</font>'


def _unset(value):
    return value or _("non renseigné")


def qr_drawing(url, size=3.2 * cm):
    """A QR code of the URL, drawn with ReportLab's own barcode module (no image library needed)."""
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def provider_lines(provider):
    """The organisme de formation's identifiers, as printed at the top of each document."""
    lines = [
        provider.legal_name or _("Organisme de formation (raison sociale à renseigner)"),
        *[line.strip() for line in (provider.address or "").splitlines() if line.strip()],
        _("SIRET : %(siret)s") % {"siret": _unset(provider.siret)},
    ]
    nda = _("Déclaration d'activité enregistrée sous le numéro %(number)s") % {
        "number": _unset(provider.activity_declaration_number)
    }
    if provider.activity_declaration_region:
        nda += _(" auprès du préfet de région %(region)s") % {"region": provider.activity_declaration_region}
    # Article L. 6352-12 of the Code du travail: the number is never shown without this sentence.
    lines.append(nda + _(". Cet enregistrement ne vaut pas agrément de l'État."))
    if provider.qualiopi_mention or provider.qualiopi_certificate_number:
        qualiopi = provider.qualiopi_mention or _("Certification qualité Qualiopi")
        if provider.qualiopi_certificate_number:
            qualiopi += " " + _("Certificat Qualiopi n° %(number)s") % {"number": provider.qualiopi_certificate_number}
        if provider.qualiopi_certifier:
            qualiopi += " " + _("délivré par %(certifier)s.") % {"certifier": provider.qualiopi_certifier}
        lines.append(qualiopi)
    return lines


def _provider_header(provider, s):
    lines = provider_lines(provider)
    return [_p(lines[0], s["h3"])] + [_p(line, s["small"]) for line in lines[1:]] + [Spacer(1, 0.5 * cm)]


def _signature_image(provider, max_width=5 * cm, max_height=2.5 * cm):
    image = provider.signature
    if image is None:
        return None
    try:
        with image.file.open("rb") as handle:
            data = io.BytesIO(handle.read())
        width, height = ImageReader(data).getSize()
    except (OSError, ValueError):
        return None  # a missing or unreadable file: the document is still issued, with the signatory's name
    data.seek(0)
    ratio = min(max_width / width, max_height / height)
    return Image(data, width=width * ratio, height=height * ratio)


def _signature_block(provider, s, place_and_date):
    flowables = [Spacer(1, 0.6 * cm), _p(place_and_date, s["body"]), Spacer(1, 0.2 * cm)]
    flowables.append(_p(_("Cachet et signature du responsable du dispensateur de formation"), s["small"]))
    image = _signature_image(provider)
    if image is not None:
        flowables.append(image)
    else:
        flowables.append(Spacer(1, 1.2 * cm))
    signatory = ", ".join(part for part in (provider.signatory_name, provider.signatory_role) if part)
    flowables.append(_p(signatory or _("Signataire à renseigner"), s["body"]))
    return flowables


def _verification_block(certificate, verify_url, s):
    text = [
        _p(_("Code de vérification : %(code)s") % {"code": certificate.code}, s["h3"]),
        _p(_("Vérifiez l'authenticité de ce document en scannant le QR code ou à l'adresse :"), s["small"]),
        _p(verify_url, s["small"]),
    ]
    table = Table([[qr_drawing(verify_url), text]], colWidths=[3.6 * cm, 13.4 * cm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOX", (0, 0), (-1, -1), 0.5, colors.grey)]))
    return [Spacer(1, 0.6 * cm), table]


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


def certificate_pdf(certificate, verify_url, provider):
    """The « attestation de fin de formation » (issued on completion only, see teams.certificates.issue)."""
    s = _styles()
    score = _("%(score)s %%") % {"score": round(certificate.score * 100)} if certificate.score is not None else "—"
    issuer = provider.legal_name or _("L'organisme de formation")
    course = certificate.course.specific if certificate.course_id else None
    objectives = " ".join(unescape(strip_tags(str(getattr(course, "objectives", "") or ""))).split())
    story = [
        *_provider_header(provider, s),
        _p(_("Attestation de fin de formation"), s["title"]),
        Spacer(1, 0.6 * cm),
        _p(_("%(issuer)s, organisme de formation, atteste que") % {"issuer": issuer}, s["center"]),
        Spacer(1, 0.3 * cm),
        _p(certificate.learner_name, s["big"]),
        Spacer(1, 0.3 * cm),
        _p(_("a suivi et terminé le module de formation"), s["center"]),
        Spacer(1, 0.3 * cm),
        _p(certificate.course_title, s["big"]),
        Spacer(1, 0.8 * cm),
        _table(
            [
                [_("Élément"), _("Valeur")],
                [_("Nature de l'action"), _("Action de formation à distance (e-learning)")],
                [_("Objectifs"), objectives or "—"],
                [_("Début de la formation"), _date(certificate.started_at)],
                [_("Formation terminée le"), _date(certificate.completed_at)],
                [_("Durée réalisée"), format_minutes(certificate.duration_minutes * 60)],
                [_("Résultat moyen aux activités évaluées"), score],
                [_("Attestation délivrée le"), _date(certificate.issued_at)],
                [_("Code de vérification"), certificate.code],
            ],
            s,
            widths=[8 * cm, 9 * cm],
        ),
        *_signature_block(provider, s, _place_and_date(provider, certificate.issued_at)),
        *_verification_block(certificate, verify_url, s),
    ]
    return _build(story, _("Attestation de fin de formation"), issuer)


def _place_and_date(provider, when):
    return _("Fait à %(place)s, le %(date)s") % {"place": _unset(provider.city), "date": _date(when)}


NATURES = (
    (True, gettext_noop("action de formation")),
    (False, gettext_noop("bilan de compétences")),
    (False, gettext_noop("action de VAE")),
    (False, gettext_noop("action de formation par apprentissage")),
)


def realisation_pdf(user, record, logins, certificate, verify_url, provider, employer=""):
    """The « certificat de réalisation », headed as the Ministère du Travail's model, stating the realised duration
    (callers refuse it when nothing was realised), then its evidence: sign-ins, time per lesson, results."""
    s = _styles()
    name = certificate.learner_name or user.get_full_name() or user.get_display_name()
    issuer = provider.legal_name or _("l'organisme de formation")
    signatory = provider.signatory_name or _("(signataire à renseigner)")
    story = [
        *_provider_header(provider, s),
        _p(_("Certificat de réalisation"), s["title"]),
        Spacer(1, 0.3 * cm),
        Paragraph(
            _(
                "Je soussigné(e) %(signatory)s, représentant légal du dispensateur de l'action concourant au "
                "développement des compétences %(issuer)s, atteste que :"
            )
            % {"signatory": _bold(signatory), "issuer": _bold(issuer)},
            s["body"],
        ),
        Spacer(1, 0.2 * cm),
        _p(name, s["big"]),
    ]
    if employer:
        story.append(_p(_("salarié(e) de l'entreprise %(employer)s") % {"employer": employer}, s["center"]))
    story += [
        Spacer(1, 0.2 * cm),
        Paragraph(_("a suivi l'action %(course)s") % {"course": _bold(f"« {record.course.title} »")}, s["body"]),
        Spacer(1, 0.2 * cm),
        _p(_("Nature de l'action concourant au développement des compétences :"), s["body"]),
        *[_p(("[X] " if checked else "[ ] ") + _(label), s["body"]) for checked, label in NATURES],
        Spacer(1, 0.2 * cm),
        _p(
            _("qui s'est déroulée du %(start)s au %(end)s")
            % {"start": _date(certificate.started_at), "end": _date(certificate.completed_at)},
            s["body"],
        ),
        Paragraph(
            _("pour une durée réalisée de %(duration)s (durée prévue : %(planned)s).")
            % {
                "duration": _bold(format_minutes(certificate.duration_minutes * 60)),
                "planned": escape(format_minutes(record.course.duration_minutes * 60)),
            },
            s["body"],
        ),
        _p(
            _(
                "Formation à distance : la durée réalisée est le temps de formation enregistré sur les leçons du "
                "module (temps de consultation effective, les périodes d'inactivité n'étant pas comptées), "
                "complété par la réalisation des activités pédagogiques détaillée en annexe."
            ),
            s["small"],
        ),
        Spacer(1, 0.3 * cm),
        _p(
            _(
                "Sans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je "
                "m'engage à conserver l'ensemble des pièces justificatives qui ont permis d'établir le présent "
                "certificat pendant une durée de 3 ans à compter de la fin de l'année du dernier paiement. En cas "
                "de cofinancement des fonds européens, la durée de conservation est étendue conformément aux "
                "obligations conventionnelles spécifiques."
            ),
            s["small"],
        ),
        *_signature_block(provider, s, _place_and_date(provider, certificate.issued_at)),
        *_verification_block(certificate, verify_url, s),
        PageBreak(),
        _p(_("Annexe : pièces justificatives de la réalisation"), s["h2"]),
        _table(
            [
                [_("Élément"), _("Valeur")],
                [_("Apprenant·e"), name],
                [_("Adresse e-mail"), user.contact_email or "—"],
                [_("Structure"), employer or "—"],
                [_("Inscription"), _date(record.enrolled_at)],
                [_("Formation terminée le"), _date(record.completed_at) if record.completed_at else _("en cours")],
                [_("Durée prévue"), format_minutes(record.course.duration_minutes * 60)],
                [_("Temps de formation enregistré"), format_minutes(record.seconds)],
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
    return _build(story, _("Certificat de réalisation"), issuer)
