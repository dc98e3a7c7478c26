"""The team journal's section of "Mon espace": open sessions of the person's teams."""


def has_team_journal(user):
    """The "Journal d'équipe" section shows only to people who take part in a team."""
    from .access import participating_teams

    return user.is_authenticated and participating_teams(user).exists()


def team_journal_section(request):
    """The open sessions of the person's teams, and where they may open one (3 queries)."""
    from django.db.models import Count

    from .access import facilitated_teams
    from .models import PracticeSession

    sessions = list(
        PracticeSession.objects.visible_to(request.user)
        .open()
        .select_related("team")
        .annotate(contribution_count=Count("contributions"))
        .order_by("-date", "-pk")[:10]
    )
    return {"sessions": sessions, "facilitated_teams": list(facilitated_teams(request.user).order_by("name"))}
