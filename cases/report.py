"""The reasoning report of a case for trainers: who chose what at each node, how long it took, and why.

Computed by the database, whatever the number of decisions: one aggregate query for the counts per choice, one
for the median times, one for the attempts, and one for the newest justifications of each choice (the last two
with window functions). Every function reads only the attempts within `seen`
(see core/scope.py).

The whole-group report (what lead trainers and the case's trainers read) is cached until a decision or an attempt
of that case is recorded, or published content changes (report_changed() and the content token).
"""

from django.core.cache import cache
from django.db.models import Avg, Count, F, Max, Q, Sum, Value, Window
from django.db.models.functions import Length, Replace, RowNumber

from core.cache_versions import bump, content_version, version
from core.scope import EVERYONE

from .graph import Phase, Quality
from .models import CaseAttempt, CaseDecision
from .play import add_to_profile, domain_rows, phase_rows

BAR_MAX_WIDTH = 420
BAR_ROW_HEIGHT = 44
QUALITY_FILL = {Quality.RECOMMENDED: "#1d6b36", Quality.ACCEPTABLE: "#7a4a00", Quality.AVOID: "#a4161a"}
CHART_LABEL_LENGTH = 70
# Justifications shown per choice on the page (the newest); all of them are in the decisions CSV.
JUSTIFICATIONS_SHOWN = 10


def _short(text, length=CHART_LABEL_LENGTH):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _decisions(case, seen):
    return seen.restrict(CaseDecision.objects.filter(attempt__case=case), "attempt__user")


def choice_counts(decisions):
    """{(node_key, choice_key): row} with the count, the justified count and the recorded labels."""
    rows = (
        decisions.order_by()
        .values("node_key", "choice_key")
        .annotate(
            count=Count("pk"),
            justified=Count("pk", filter=~Q(justification="")),
            node_title=Max("node_title"),
            choice_label=Max("choice_label"),
            quality=Max("quality"),
            phase=Max("phase"),
        )
    )
    return {(row["node_key"], row["choice_key"]): row for row in rows}


def median_seconds(decisions):
    """{node_key: median time spent}, in one query: each node's middle row(s) by rank among its decisions."""
    by_node = {"partition_by": [F("node_key")]}
    middle_rows = (
        decisions.order_by()
        .annotate(
            rank=Window(RowNumber(), order_by=[F("time_spent_seconds").asc(), F("pk").asc()], **by_node),
            total=Window(Count("pk"), **by_node),
        )
        .filter(rank__gte=(F("total") + 1) / 2, rank__lte=F("total") / 2 + 1)
        .values_list("node_key", "time_spent_seconds")
    )
    values = {}
    for node_key, seconds in middle_rows:
        values.setdefault(node_key, []).append(seconds)
    return {node_key: round(sum(middle) / len(middle)) for node_key, middle in values.items()}


# Words in a justification, counted by the database: its spaces plus one (an estimate: it does not see line breaks).
WORDS = Length("justification") - Length(Replace("justification", Value(" "), Value(""))) + 1


def justification_words(decisions):
    """{node_key: mean number of words of the justifications written at that node}, in one query."""
    rows = decisions.exclude(justification="").order_by().values("node_key").annotate(words=Avg(WORDS))
    return {row["node_key"]: round(row["words"], 1) for row in rows}


def cohort_profile(graph, decisions):
    """The debrief's profile summed over every decision in view: per ISIC phase, and per competence domain with the
    weights the case's current version gives its choices. Two aggregate queries, whatever the number of learners."""
    sums = {"decisions": Count("pk"), "points": Sum("score"), "possible": Sum("max_score")}
    by_phase = {}
    for row in decisions.order_by().values("phase").annotate(**sums):
        add_to_profile(by_phase, row["phase"], row["decisions"], row["points"], row["possible"])
    by_domain = {}
    for row in decisions.order_by().values("node_key", "choice_key").annotate(**sums):
        node = graph.get(row["node_key"])
        choice = node.choice(row["choice_key"]) if node else None
        if choice is not None and choice.competence_id:
            weight = choice.competence_weight
            add_to_profile(
                by_domain, choice.competence_id, row["decisions"], row["points"] * weight, row["possible"] * weight
            )
    return {"phase_profile": phase_rows(by_phase), "domain_profile": domain_rows(by_domain)}


def attempt_figures(case, seen):
    return seen.restrict(CaseAttempt.objects.filter(case=case)).aggregate(
        learners=Count("user", distinct=True),
        attempts=Count("pk"),
        completed=Count("pk", filter=Q(status=CaseAttempt.Status.COMPLETED)),
    )


def _choice_row(node, choice_key, index, counted, total):
    choice = node.choice(choice_key) if node else None
    label = choice.label if choice else counted.get("choice_label", choice_key)
    quality = choice.quality if choice else counted.get("quality", "")
    count = counted.get("count", 0)
    return {
        "key": choice_key,
        "label": label,
        "short_label": _short(label),
        "quality": quality,
        "quality_label": Quality.label(quality),
        "count": count,
        "justified": counted.get("justified", 0),
        "percent": round(100 * count / total) if total else 0,
        "bar_width": round(BAR_MAX_WIDTH * count / total) if total else 0,
        "fill": QUALITY_FILL.get(quality, "#4a4a5a"),
        "y": index * BAR_ROW_HEIGHT,
    }


def _node_keys(graph, counts):
    """The published graph's decision nodes first, then nodes only older versions had (still in the records)."""
    keys = [node.key for node in graph.decisions]
    return keys + sorted({node_key for node_key, _choice in counts} - set(keys))


def case_report(case, seen=EVERYONE):
    """Per node: total decisions, each choice's count and percentage (with bar geometry), median time."""
    graph = case.graph
    decisions = _decisions(case, seen)
    counts = choice_counts(decisions)
    node_keys = _node_keys(graph, counts)
    totals = {key: sum(row["count"] for (node, _c), row in counts.items() if node == key) for key in node_keys}
    medians = median_seconds(decisions)
    words = justification_words(decisions)
    nodes = []
    for node_key in node_keys:
        node = graph.get(node_key)
        choice_keys = [choice.key for choice in node.choices] if node else []
        choice_keys += sorted({c for (n, c) in counts if n == node_key} - set(choice_keys))
        first = next((row for (n, _c), row in counts.items() if n == node_key), {})
        choices = [
            _choice_row(node, key, index, counts.get((node_key, key), {}), totals[node_key])
            for index, key in enumerate(choice_keys)
        ]
        nodes.append(
            {
                "key": node_key,
                "title": node.title if node else first.get("node_title", node_key),
                "phase_label": Phase.label(node.phase if node else first.get("phase", "")),
                "total": totals[node_key],
                "choices": choices,
                "median_seconds": medians.get(node_key),
                "justification_words": words.get(node_key),
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
    return {
        "nodes": nodes,
        "wrong_turns": wrong_turns,
        **attempt_figures(case, seen),
        "decisions": sum(totals.values()),
        "bar_max_width": BAR_MAX_WIDTH,
        **cohort_profile(graph, decisions),
        "justifications_shown": JUSTIFICATIONS_SHOWN,
    }


def justifications(case, seen=EVERYONE, per_choice=JUSTIFICATIONS_SHOWN):
    """{(node_key, choice_key): [{justification, learner, decided_at}]}: the newest `per_choice` of each choice."""
    newest_first = Window(
        RowNumber(), partition_by=[F("node_key"), F("choice_key")], order_by=[F("decided_at").desc(), F("pk").desc()]
    )
    decisions = (
        _decisions(case, seen)
        .exclude(justification="")
        .annotate(rank=newest_first)
        .filter(rank__lte=per_choice)
        .select_related("attempt__user")
        .order_by("node_key", "choice_key", "-decided_at", "-pk")
    )
    grouped = {}
    for decision in decisions:
        grouped.setdefault((decision.node_key, decision.choice_key), []).append(
            {
                "justification": decision.justification,
                "learner": decision.attempt.user.get_display_name(),
                "decided_at": decision.decided_at,
            }
        )
    return grouped


def attach_justifications(report, grouped):
    for node in report["nodes"]:
        for choice in node["choices"]:
            choice["justifications"] = grouped.get((node["key"], choice["key"]), [])
    return report


def full_report(case, seen=EVERYONE):
    """The page's data: figures and newest justifications; the whole-group version comes from the cache."""

    def compute():
        return attach_justifications(case_report(case, seen), justifications(case, seen))

    if not seen.everyone:
        return compute()
    key = f"case-report:{case.pk}:{version('case-report', case.pk)}:{content_version()}"
    return cache.get_or_set(key, compute, REPORT_CACHE_SECONDS)


REPORT_CACHE_SECONDS = 24 * 3600


def report_changed(case_id):
    """A decision or attempt of this case was written: the next report reads the records afresh."""
    bump("case-report", case_id)


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
    "mots_par_justification",
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
                node["justification_words"] or "",
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
