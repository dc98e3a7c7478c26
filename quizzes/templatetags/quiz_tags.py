from django import template

from ..models import Attempt

register = template.Library()


@register.simple_tag
def quiz_status(quiz, user):
    """What a learner needs next to a quiz: open attempt, attempts used and left, best score, last result."""
    if quiz is None:
        return {}
    count = len(taking_layout_size(quiz))
    if not getattr(user, "is_authenticated", False):
        return {"question_count": count, "can_start": False}
    attempts = list(Attempt.objects.filter(quiz=quiz, user=user).order_by("-started_at"))
    submitted = [a for a in attempts if a.is_submitted]
    scores = [a.score for a in submitted if a.score is not None]
    open_attempt = next((a for a in attempts if not a.is_submitted), None)
    left = None if not quiz.max_attempts else max(0, quiz.max_attempts - len(submitted))
    return {
        "open": open_attempt,
        "submitted": submitted,
        "last": submitted[0] if submitted else None,
        "best_percent": round(max(scores) * 100) if scores else None,
        "attempts_left": left,
        "can_start": open_attempt is not None or left is None or left > 0,
        "question_count": count,
    }


def taking_layout_size(quiz):
    """Items of the quiz as a list of counts (a draw counts for its number of questions)."""
    return [1 for item in quiz.items.all() for _ in range(item.draw_count if item.category_id else 1)]


@register.filter
def percent(value):
    return "" if value is None else round(value * 100)
