"""The PDF summary of a session, built with the ReportLab helpers of teams/pdf.py (same fonts and tables)."""

from django.utils.translation import gettext as _
from reportlab.lib.units import cm
from reportlab.platypus import Spacer

from teams.pdf import _build, _datetime, _p, _styles, _table


def session_pdf(session, data):
    s = _styles()
    story = [
        _p(_("Séance collective : %(title)s") % {"title": session.case.title}, s["title"]),
        _table(
            [
                [_("Élément"), _("Valeur")],
                [_("Code"), session.code],
                [_("Groupe"), session.group_name or "—"],
                [_("Animée par"), session.trainer.get_display_name()],
                [_("Commencée le"), _datetime(session.created_at)],
                [_("Terminée le"), _datetime(session.ended_at)],
                [_("Participant·es"), str(data["participants"])],
                [_("Fin atteinte"), data["ending"].title if data["ending"] else _("séance arrêtée avant une fin")],
            ],
            s,
            widths=[6 * cm, 11 * cm],
        ),
    ]
    for entry in data["decisions"]:
        step, split = entry["step"], entry["split"]
        story += [
            Spacer(1, 0.5 * cm),
            _p(_("Étape %(n)s : %(title)s") % {"n": step.position + 1, "title": step.node_title}, s["h2"]),
            _p(
                _("%(phase)s · %(count)s vote(s)") % {"phase": entry["phase_label"], "count": split["total"]},
                s["body"],
            ),
        ]
        rows = [[_("Choix"), _("Qualité"), _("Votes"), _("Pourcentage")]]
        rows += [
            [f"{row['letter']}. {row['label']}", row["quality_label"], str(row["count"]), f"{row['percent']} %"]
            for row in split["choices"]
        ]
        story.append(_table(rows, s, widths=[9 * cm, 3 * cm, 2 * cm, 3 * cm]))
        if entry["chosen"]:
            story.append(
                _p(
                    _("Branche suivie : %(letter)s. %(label)s (décidée par %(who)s)")
                    % {
                        "letter": entry["chosen"]["letter"],
                        "label": entry["chosen"]["label"],
                        "who": step.get_decided_by_display(),
                    },
                    s["body"],
                )
            )
        if entry["comments"]:
            story.append(_p(_("Commentaires anonymes :"), s["body"]))
            story += [_p(f"« {c['text']} » ({c['choice']['letter']})", s["small"]) for c in entry["comments"]]
    return _build(story, _("Séance collective %(code)s") % {"code": session.code}, "Collectif")
