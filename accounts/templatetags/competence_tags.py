"""`{% domain_title domain %}`: a competence domain worded as in the reader's diploma (accounts.diplomas)."""

from django import template

from core import competences

from ..diplomas import framework_for

register = template.Library()

_UNSET = object()


def reader_framework(context):
    """The framework of the person reading the page, looked up once per request."""
    request = context.get("request")
    if request is None:
        return None
    framework = getattr(request, "_competence_framework", _UNSET)
    if framework is _UNSET:
        framework = framework_for(getattr(request, "user", None))
        request._competence_framework = framework
    return framework


@register.simple_tag(takes_context=True)
def domain_title(context, domain, with_code=True):
    """« DC1 · title » (or the title alone with with_code=False) in the reader's framework."""
    framework = reader_framework(context)
    if with_code:
        return competences.display(domain, framework)
    return competences.label(domain, framework)
