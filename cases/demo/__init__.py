"""Demo cases for `manage.py load_demo`: each case is plain data in its own module, built by one function.

Idempotent: a case is looked up by slug and created (then published) only when missing; an existing case
is left as it is, so running the loader again creates no page and no revision, and a trainer's edits in
the admin are never overwritten.
"""

from core.models import CompetenceDomain

from . import cvs_ehpad, ent_parents, france_services, jeunes_ruraux, logement_indigne, tilleuls, village_isole

# Kept for callers that only need the first case (tests use it as a complete, valid graph).
SLUG = tilleuls.SLUG
NODES = tilleuls.NODES

# The order in which the cases are created (and listed by the loader).
CASES = [
    module.CASE
    for module in (tilleuls, village_isole, ent_parents, jeunes_ruraux, logement_indigne, france_services, cvs_ehpad)
]

PAGE_FIELDS = ("title", "slug", "summary", "territory", "situation", "people", "objectives", "reflection_prompt")


def build_case(index=None, title=None, slug=None, data=None):
    """An unsaved CasePage holding a demo case (the first one by default; tests use it as a valid case)."""
    from ..models import CasePage

    data = data or tilleuls.CASE
    fields = {name: data[name] for name in PAGE_FIELDS}
    fields["title"] = title or data["title"]
    fields["slug"] = slug or data["slug"]
    return CasePage(
        **fields,
        justification_required=True,
        justification_min_length=data.get("justification_min_length", 20),
        nodes=data["nodes"],
    )


def ensure_case(index, data):
    """Create and publish the case described by `data` under `index` unless a case has its slug already.

    Returns the page and whether it was created.
    """
    from ..models import CasePage
    from ..publishing import publish_case

    existing = CasePage.objects.filter(slug=data["slug"]).first()
    if existing is not None:
        return existing, False
    case = build_case(data=data)
    index.add_child(instance=case)
    case.domains = list(CompetenceDomain.objects.filter(code__in=data["domains"]))
    publish_case(case)
    return case, True


def load():
    from accounts.demo import give_to_demo_trainer

    from ..models import CaseIndexPage, CasePage

    index = CaseIndexPage.objects.first()
    if index is None:
        return ["Cas pratiques : page « Cas pratiques » absente, démo non chargée."]
    created = [case for case, is_new in (ensure_case(index, data) for data in CASES) if is_new]
    give_to_demo_trainer(CasePage.objects.filter(slug__in=[data["slug"] for data in CASES]))
    return [f"Cas pratique de démonstration : {case.url}" for case in created]
