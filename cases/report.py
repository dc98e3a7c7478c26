"""The reasoning report of a case for trainers: who chose what at each node, how long it took, and why.

Built from a fixed number of queries whatever the number of learners (one for the decisions, one for
the justifications), then aggregated in Python. Every function reads only the attempts within `seen` (see
core/scope.py: everyone's for the case's authors, otherwise those of the trainer's teams).
"""

from collections import Counter, defaultdict
from statistics import median

from core.scope import EVERYONE

from .graph import Phase, Quality
from .models import CaseAttempt, CaseDecision

BAR_MAX_WIDTH = 420
BAR_ROW_HEIGHT = 44
QUALITY_FILL = {Quality.RECOMMENDED: "#1d6b36", Quality.ACCEPTABLE: "#7a4a00", Quality.AVOID: "#a4161a"}
CHART_LABEL_LENGTH = 70


def _short(text, length=CHART_LABEL_LENGTH):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _decisions(case, seen):
    return seen.restrict(CaseDecision.objects.filter(attempt__case=case), "attempt__user")


def case_report(case, seen=EVERYONE):
    """Per node: total decisions, each choice's count and percentage (with bar geometry), median time."""
    graph = case.graph
    rows = list(
        _decisions(case, seen).values(
            "node_key",
            "choice_key",
            "node_title",
            "choice_label",
            "quality",
            "phase",
            "time_spent_seconds",
            "attempt__user_id",
        )
    )
    counts = Counter((row["node_key"], row["choice_key"]) for row in rows)
    times = defaultdict(list)
    snapshot = {}
    for row in rows:
        times[row["node_key"]].append(row["time_spent_seconds"])
        snapshot.setdefault((row["node_key"], row["choice_key"]), row)

    node_keys = [node.key for node in graph.decisions]
    node_keys += sorted({row["node_key"] for row in rows} - set(node_keys))
    nodes = []
    for node_key in node_keys:
        node = graph.get(node_key)
        choice_keys = [choice.key for choice in node.choices] if node else []
        choice_keys += sorted({c for (n, c) in counts if n == node_key} - set(choice_keys))
        total = sum(counts[(node_key, key)] for key in choice_keys)
        choices = []
        for index, choice_key in enumerate(choice_keys):
            choice = node.choice(choice_key) if node else None
            old = snapshot.get((node_key, choice_key), {})
            quality = choice.quality if choice else old.get("quality", "")
            count = counts[(node_key, choice_key)]
            percent = round(100 * count / total) if total else 0
            choices.append(
                {
                    "key": choice_key,
                    "label": choice.label if choice else old.get("choice_label", choice_key),
                    "short_label": _short(choice.label if choice else old.get("choice_label", choice_key)),
                    "quality": quality,
                    "quality_label": Quality.label(quality),
                    "count": count,
                    "percent": percent,
                    "bar_width": round(BAR_MAX_WIDTH * count / total) if total else 0,
                    "fill": QUALITY_FILL.get(quality, "#4a4a5a"),
                    "y": index * BAR_ROW_HEIGHT,
                }
            )
        first = next((row for row in rows if row["node_key"] == node_key), {})
        nodes.append(
            {
                "key": node_key,
                "title": node.title if node else first.get("node_title", node_key),
                "phase_label": Phase.label(node.phase if node else first.get("phase", "")),
                "total": total,
                "choices": choices,
                "median_seconds": round(median(times[node_key])) if times[node_key] else None,
                "chart_height": max(len(choices), 1) * BAR_ROW_HEIGHT,
                "in_current_version": node is not None,
            }
        )
    wrong_turns = sorted(
        (
            {"node": node, "choice": choice}
            for node in nodes
            for choice in node["choices"]
            if choice["quality"] == Quality.AVOID and choice["count"]
        ),
        key=lambda item: -item["choice"]["count"],
    )[:5]
    attempts = seen.restrict(CaseAttempt.objects.filter(case=case)).values_list("user_id", "status")
    attempts = list(attempts)
    return {
        "nodes": nodes,
        "wrong_turns": wrong_turns,
        "learners": len({user_id for user_id, _status in attempts}),
        "attempts": len(attempts),
        "completed": sum(1 for _user, status in attempts if status == CaseAttempt.Status.COMPLETED),
        "decisions": len(rows),
        "bar_max_width": BAR_MAX_WIDTH,
    }


def justifications(case, seen=EVERYONE):
    """{(node_key, choice_key): [decision with learner]} for the justifications section (trainers only)."""
    grouped = defaultdict(list)
    decisions = (
        _decisions(case, seen)
        .exclude(justification="")
        .select_related("attempt__user")
        .order_by("node_key", "choice_key", "decided_at")
    )
    for decision in decisions:
        grouped[(decision.node_key, decision.choice_key)].append(decision)
    return grouped


def attach_justifications(report, grouped):
    for node in report["nodes"]:
        for choice in node["choices"]:
            choice["justifications"] = grouped.get((node["key"], choice["key"]), [])
    return report


SUMMARY_HEADER = [
    "etape",
    "titre_etape",
    "phase",
    "choix",
    "intitule_choix",
    "qualite",
    "nombre",
    "pourcentage",
    "temps_median_s",
]
DECISIONS_HEADER = [
    "date",
    "apprenant",
    "tentative",
    "rang",
    "etape",
    "phase",
    "choix",
    "qualite",
    "points",
    "temps_s",
    "justification",
]


def summary_rows(report):
    for node in report["nodes"]:
        for choice in node["choices"]:
            yield [
                node["key"],
                node["title"],
                node["phase_label"],
                choice["key"],
                choice["label"],
                choice["quality_label"],
                choice["count"],
                choice["percent"],
                node["median_seconds"] or "",
            ]


def decision_rows(case, seen=EVERYONE):
    decisions = _decisions(case, seen).select_related("attempt__user").order_by("attempt__started_at", "step")
    for decision in decisions:
        yield [
            decision.decided_at.isoformat(),
            decision.attempt.user.get_display_name(),
            decision.attempt.number,
            decision.step + 1,
            decision.node_key,
            Phase.label(decision.phase),
            decision.choice_key,
            Quality.label(decision.quality),
            decision.score,
            decision.time_spent_seconds,
            decision.justification,
        ]
