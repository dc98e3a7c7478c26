"""The "Mes quiz" section of Mon espace: quizzes taken, attempts and best score."""

from django.db.models import Count, Max, OuterRef, Q, Subquery

from .models import Attempt, Quiz


def my_quizzes_context(request):
    user = request.user
    mine = Q(attempts__user=user, attempts__submitted_at__isnull=False)
    last_attempt = Attempt.objects.submitted().filter(quiz=OuterRef("pk"), user=user).order_by("-submitted_at")
    quizzes = (
        Quiz.objects.filter(mine)
        .annotate(
            my_attempts=Count("attempts", filter=mine),
            best=Max("attempts__score", filter=mine),
            last_at=Max("attempts__submitted_at", filter=mine),
            last_attempt_id=Subquery(last_attempt.values("pk")[:1]),
        )
        .order_by("-last_at")
    )
    rows = [{"quiz": quiz, "best_percent": None if quiz.best is None else round(quiz.best * 100)} for quiz in quizzes]
    return {"rows": rows}
