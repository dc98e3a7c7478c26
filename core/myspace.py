"""Registry of the sections shown on "Mon espace".

Each app registers a section in its AppConfig.ready(): a template and a function that builds its
context for the user. Home renders them in order; it never imports the apps themselves.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 100
    visible: Callable | None = None


_sections: dict[str, Section] = {}


def register(key, template, context, order=100, visible=None):
    _sections[key] = Section(key, template, context, order, visible)


def sections_for(request):
    """The sections this user may see, each with its rendered context."""
    result = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        if section.visible and not section.visible(request.user):
            continue
        result.append({"key": section.key, "template": section.template, "context": section.context(request)})
    return result
