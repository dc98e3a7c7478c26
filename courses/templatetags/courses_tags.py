from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration(minutes):
    """45 → « 45 min », 90 → « 1 h 30 », 120 → « 2 h »."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)02d") % {"hours": hours, "minutes": rest}


@register.filter
def seconds_as_minutes(seconds):
    """Visible time in whole minutes (at least « moins d'une minute »)."""
    seconds = int(seconds or 0)
    if seconds < 60:
        return _("moins d'une minute")
    return duration(seconds // 60)


@register.filter
def body_cache_version(page):
    """The part of a lesson body's fragment key that changes with what it shows of other objects."""
    from courses.fragments import body_version

    return body_version(page)


@register.filter
def body_segments(body):
    """A lesson body cut into runs of content blocks (the same for every reader, so cacheable) and activity
    blocks on their own (they show the reader's own status and are always rendered for the request)."""
    from core.activities import ActivityBlockMixin

    segments = []
    for child in body:
        personal = isinstance(child.block, ActivityBlockMixin)
        if personal or not segments or segments[-1]["personal"]:
            segments.append({"personal": personal, "blocks": [child], "index": len(segments)})
        else:
            segments[-1]["blocks"].append(child)
    return segments
