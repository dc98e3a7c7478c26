"""`{% domain_title domain %}`: a competence domain worded as in the reader's diploma (accounts.diplomas)."""

from django import template

from core import competences

from ..diplomas import framework_for_request

register = template.Library()


def reader_framework(context):
    """The framework of the person reading the page, looked up once per request."""
    request = context.get("request")
    return None if request is None else framework_for_request(request)


@register.simple_tag(takes_context=True)
def domain_title(context, domain, with_code=True):
    """« DC1 · title » (or the title alone with with_code=False) in the reader's framework."""
    titles = _reader_titles(context)
    return competences.display(domain, titles) if with_code else competences.title(domain, titles)


def _reader_titles(context):
    """{domain pk: title} in the reader's framework, read once per request (a list of cards names many domains)."""
    request = context.get("request")
    titles = getattr(request, "_competence_titles", None)
    if titles is None:
        titles = competences.labels_for(reader_framework(context))
        if request is not None:
            request._competence_titles = titles
    return titles
