"""The learner's quiz attempts and answers in "download my data"."""

from .models import Answer, Attempt


def export_attempts(user):
    attempts = Attempt.objects.filter(user=user).select_related("quiz").order_by("started_at")
    answers = {}
    for answer in Answer.objects.filter(attempt__user=user).order_by("attempt_id", "position"):
        answers.setdefault(answer.attempt_id, []).append(
            {
                "position": answer.position,
                "question": answer.question_text,
                "response": answer.response,
                "correct": answer.is_correct,
            }
        )
    return [
        {
            "quiz": attempt.quiz.title,
            "number": attempt.number,
            "started_at": attempt.started_at,
            "submitted_at": attempt.submitted_at,
            "score": attempt.score,
            "passed": attempt.passed,
            "answers": answers.get(attempt.pk, []),
        }
        for attempt in attempts
    ]
