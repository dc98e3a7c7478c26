"""Item analysis for trainers: how easy each question was, and whether it separates stronger from weaker learners.

- **Facility** (indice de facilité): the mean score on the question, from 0 (nobody right) to 1 (everybody right);
  partial credit counts for its fraction.
- **Discrimination** (indice de discrimination): the corrected item–total correlation, i.e. the point-biserial
  correlation (Pearson's r, which it is when the item is scored 0/1) between the score on the question and the
  score on the *other* questions of the same attempt. Around 0.3 and above, the learners who did well elsewhere
  also got this one right; near 0 it separates nobody; below 0 the stronger learners fail it more often than the
  others, which usually means an ambiguous statement or a wrong key.

References: the usual classical test theory thresholds (Ebel & Frisbie, *Essentials of Educational Measurement*,
1991: ≥ 0.40 very good, 0.30–0.39 good, 0.20–0.29 to improve, < 0.20 to revise), as Moodle's quiz statistics
report them too.
"""

from collections import defaultdict
from math import sqrt

from django.utils.translation import gettext as _

MIN_ATTEMPTS = 5  # below this, figures are shown but no conclusion is drawn
ALL_RIGHT, ALL_WRONG = 0.95, 0.05
WEAK_DISCRIMINATION = 0.20


def item_score(answer):
    """0–1 on the question: the stored points when the question gives partial credit, else right or wrong."""
    if answer.score is not None:
        return float(answer.score)
    if answer.is_correct is None:
        return None  # self-positioning (Likert) or unscored
    return 1.0 if answer.is_correct else 0.0


def correlation(xs, ys):
    """Pearson's r, or None when either series does not vary (nothing to correlate)."""
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    spread_x = sqrt(sum((x - mean_x) ** 2 for x in xs))
    spread_y = sqrt(sum((y - mean_y) ** 2 for y in ys))
    if spread_x == 0 or spread_y == 0:
        return None
    return covariance / (spread_x * spread_y)


def analyse(answers):
    """{question_id: {"attempts", "facility", "discrimination"}} from submitted answers (attempt_id, question_id,
    score, is_correct): each question against the rest of its attempt."""
    by_attempt = defaultdict(dict)
    for answer in answers:
        score = item_score(answer)
        if score is not None and answer.question_id is not None:
            by_attempt[answer.attempt_id][answer.question_id] = score
    totals = {attempt: sum(scores.values()) for attempt, scores in by_attempt.items()}
    pairs = defaultdict(list)  # question → [(item score, rest of the attempt)]
    for attempt, scores in by_attempt.items():
        for question, score in scores.items():
            pairs[question].append((score, totals[attempt] - score))
    figures = {}
    for question, rows in pairs.items():
        items = [item for item, _rest in rows]
        rests = [rest for _item, rest in rows]
        figures[question] = {
            "attempts": len(rows),
            "facility": sum(items) / len(items),
            "discrimination": correlation(items, rests),
        }
    return figures


def reading(figures):
    """Plain-French flags for one question's figures: [(level, text)], level "warning" or "info"."""
    if figures is None:
        return []
    if figures["attempts"] < MIN_ATTEMPTS:
        return [("info", _("Trop peu de tentatives pour conclure (moins de %(n)s).") % {"n": MIN_ATTEMPTS})]
    notes = []
    facility, discrimination = figures["facility"], figures["discrimination"]
    if facility >= ALL_RIGHT:
        notes.append(
            (
                "warning",
                _("Personne ne se trompe : la question ne distingue personne, elle est peut-être trop évidente."),
            )
        )
    elif facility <= ALL_WRONG:
        notes.append(("warning", _("Presque tout le monde se trompe : vérifiez l'énoncé et la réponse attendue.")))
    if discrimination is not None and discrimination < 0:
        stronger_fail = _(
            "Celles et ceux qui réussissent le reste du quiz la ratent plus souvent : "
            "énoncé ambigu ou corrigé à vérifier."
        )
        notes.append(("warning", stronger_fail))
    elif discrimination is not None and discrimination < WEAK_DISCRIMINATION and not notes:
        notes.append(("info", _("Elle distingue peu les personnes à l'aise des autres : à retravailler.")))
    return notes
