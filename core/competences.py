"""Which title a competence domain shows: the one of the reader's framework (diploma), else the domain's name.

The resolution of a person's framework (own diploma, else their team's) lives in accounts.diplomas; this module
only turns a framework into titles, so every page and chart words the domains the same way.
"""

from .models import CompetenceDomain, CompetenceLabel


def labels_for(framework):
    """{domain pk: title} for a framework (None: no framework, the domains' own names)."""
    labels = {domain.pk: domain.name for domain in CompetenceDomain.objects.all()}
    if framework is not None:
        labels.update(CompetenceLabel.objects.filter(framework=framework).values_list("domain_id", "label"))
    return labels


def title(domain, titles):
    """The title of one domain among `titles` (from labels_for), falling back to the domain's name."""
    return titles.get(domain.pk) or domain.name


def display(domain, titles):
    """« DC1 · title », as domains are written on pages."""
    return f"{domain.code} · {title(domain, titles)}"
