"""What a session produced: the path followed, the split of votes at each node and the anonymous comments.

A fixed number of queries whatever the size of the group (steps, votes), aggregated in Python. The same
figures feed the presenter screen, the summary page, the CSV and PDF exports and the comparison of sessions.
"""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from cases.graph import Phase, Quality, presented_choices
from cases.report import BAR_MAX_WIDTH, BAR_ROW_HEIGHT, QUALITY_FILL

from .models import Step, Vote

NEUTRAL_FILL = "#3a2a8c"
LETTERS = "ABCD"


def letter(index):
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)


def split(node, counts, session, with_quality=False):
    """Bars and table rows of one node's vote, in the session's order of the choices. Bars are neutral until the
    feedback is revealed, so the colour never gives the expert answer away before the group has discussed it."""
    total = sum(counts.get(choice.key, 0) for choice in node.choices)
    rows = []
    for index, choice in enumerate(presented_choices(node, session.choice_order_seed)):
        count = counts.get(choice.key, 0)
        rows.append(
            {
                "key": choice.key,
                "letter": letter(index),
                "label": choice.label,
                "short_label": choice.label if len(choice.label) <= 70 else choice.label[:69].rstrip() + "…",
                "quality": choice.quality,
                "quality_label": Quality.label(choice.quality),
                "feedback": choice.feedback,
                "count": count,
                "percent": round(100 * count / total) if total else 0,
                "bar_width": round(BAR_MAX_WIDTH * count / total) if total else 0,
                "fill": QUALITY_FILL.get(choice.quality, NEUTRAL_FILL) if with_quality else NEUTRAL_FILL,
                "y": index * BAR_ROW_HEIGHT,
            }
        )
    return {
        "total": total,
        "choices": rows,
        "chart_height": max(len(rows), 1) * BAR_ROW_HEIGHT,
        "with_quality": with_quality,
    }


def session_results(session):
    """[{step, node, phase_label, split, comments, chosen_letter}] in the order the group went."""
    graph = session.graph
    steps = list(Step.objects.filter(session=session).order_by("position"))
    votes = list(Vote.objects.filter(session=session).values("step_id", "choice_key", "comment", "updated_at"))
    counts = defaultdict(Counter)
    comments = defaultdict(list)
    for vote in votes:
        counts[vote["step_id"]][vote["choice_key"]] += 1
        if vote["comment"]:
            comments[vote["step_id"]].append(vote)
    results = []
    for step in steps:
        node = graph.get(step.node_key)
        entry = {"step": step, "node": node, "phase_label": Phase.label(node.phase) if node else ""}
        if node is not None and not node.is_ending:
            entry["split"] = split(node, counts[step.pk], session, with_quality=True)
            labels = {row["key"]: row for row in entry["split"]["choices"]}
            entry["comments"] = [
                {"text": c["comment"], "choice": labels.get(c["choice_key"])}
                for c in sorted(comments[step.pk], key=lambda c: (c["choice_key"], c["updated_at"]))
            ]
            entry["chosen"] = labels.get(step.chosen_key)
        results.append(entry)
    return results


def summary(session):
    results = session_results(session)
    ending = next((entry for entry in results if entry["node"] is not None and entry["node"].is_ending), None)
    return {
        "results": results,
        "decisions": [entry for entry in results if "split" in entry],
        "ending": ending["node"] if ending else None,
        "participants": session.participants.count(),
    }


def compare(sessions, graph):
    """Rows per decision node of the case, a cell per session: the split and the branch followed."""
    sessions = list(sessions)
    steps = list(Step.objects.filter(session__in=sessions).order_by("session_id", "position"))
    votes = Vote.objects.filter(session__in=sessions).values_list("step_id", "choice_key")
    counts = defaultdict(Counter)
    for step_id, choice_key in votes:
        counts[step_id][choice_key] += 1
    visited = defaultdict(dict)
    endings = {}
    for step in steps:
        if step.is_ending:
            endings[step.session_id] = step.node_title
        visited[step.session_id].setdefault(step.node_key, step)
    rows = []
    for node in graph.decisions:
        cells = []
        for session in sessions:
            step = visited[session.pk].get(node.key)
            if step is None:
                cells.append(None)
                continue
            data = split(node, counts[step.pk], session)
            chosen = next((row for row in data["choices"] if row["key"] == step.chosen_key), None)
            cells.append({"split": data, "chosen": chosen, "decided_by": step.get_decided_by_display()})
        if any(cells):
            rows.append({"node": node, "cells": cells})
    return {"rows": rows, "endings": [endings.get(session.pk, "") for session in sessions]}


CSV_HEADER = [
    "rang",
    "etape",
    "titre_etape",
    "phase",
    "lettre",
    "choix",
    "intitule_choix",
    "qualite",
    "votes",
    "pourcentage",
    "branche_suivie",
    "decidee_par",
]
COMMENTS_HEADER = ["rang", "etape", "titre_etape", "lettre", "intitule_choix", "commentaire"]


def csv_rows(results):
    for entry in results:
        if "split" not in entry:
            continue
        step = entry["step"]
        for row in entry["split"]["choices"]:
            followed = row["key"] == step.chosen_key
            yield [
                step.position + 1,
                step.node_key,
                step.node_title,
                entry["phase_label"],
                row["letter"],
                row["key"],
                row["label"],
                row["quality_label"],
                row["count"],
                row["percent"],
                _("oui") if followed else _("non"),
                step.get_decided_by_display() if followed else "",
            ]


def comment_rows(results):
    for entry in results:
        for comment in entry.get("comments", []):
            choice = comment["choice"] or {}
            yield [
                entry["step"].position + 1,
                entry["step"].node_key,
                entry["step"].node_title,
                choice.get("letter", ""),
                choice.get("label", ""),
                comment["text"],
            ]
