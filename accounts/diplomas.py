"""A person's competence framework: their own diploma, else one that a higher layer (teams) knows for them.

Teams register a fallback here (teams/apps.py) so that accounts never imports teams; the course page, the case
debrief and the team charts all ask `framework_for(user)`.
"""

_fallbacks = []


def register_fallback(function):
    """`function(user, team=None)` returns a framework or None; asked when the person chose no diploma."""
    if function not in _fallbacks:
        _fallbacks.append(function)


def framework_for(user, team=None):
    """The framework whose titles this person reads: their diploma, else (e.g.) the given team's or their team's.

    None for anonymous visitors and people without any: they read the domains' default names.
    """
    if user is None or not user.is_authenticated:
        return None
    if user.diploma_id:
        return user.diploma
    for fallback in _fallbacks:
        framework = fallback(user, team=team)
        if framework is not None:
            return framework
    return None


_UNSET = object()


def framework_for_request(request):
    """The framework of the person making this request, looked up once per request."""
    framework = getattr(request, "_competence_framework", _UNSET)
    if framework is _UNSET:
        framework = framework_for(getattr(request, "user", None))
        request._competence_framework = framework
    return framework
