from django import template

from progress.embedding import lessons_embedding

register = template.Library()


@register.inclusion_tag("progress/includes/back_to_lesson.html", takes_context=True)
def back_to_lesson(context, activity_key):
    """Links back to the lessons that embed this activity (a case or a quiz opened from a lesson)."""
    request = context["request"]
    pairs = lessons_embedding(request.user, activity_key)
    return {"links": [(lesson.get_url(request), lesson.title, course and course.title) for lesson, course in pairs]}
