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


def label(domain, framework):
    """The title of one domain in a framework, falling back to the domain's name."""
    if framework is not None:
        found = CompetenceLabel.objects.filter(framework=framework, domain=domain).values_list("label", flat=True)
        for title in found:
            return title
    return domain.name


def display(domain, framework):
    """« DC1 · title », as domains are written on pages."""
    return f"{domain.code} · {label(domain, framework)}"
