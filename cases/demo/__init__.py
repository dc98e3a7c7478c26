"""Demo cases for `manage.py load_demo`: each case is plain data in its own module, built by one function.

Idempotent: a case is looked up by slug and created (then published) when missing. An existing case is brought
up to date only while nobody has edited it in the admin (all its revisions were made by code) and only when its
content differs, so running the loader again creates no page and no revision, and a trainer's edits are never
overwritten. Learners' attempts keep the revision they started on.

The data names each choice's next node by its key, for reading; the page gets block ids derived from the
case's slug and each node's key, and choices name their target by that id, as the editor saves them.
"""

import uuid

from core.models import CompetenceDomain

from . import cvs_ehpad, ent_parents, france_services, guides, jeunes_ruraux, logement_indigne, tilleuls, village_isole

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
        nodes=linked_nodes(data["nodes"], fields["slug"]),
        trainer_guide=guides.guide_html(data),
    )


def linked_nodes(nodes, slug):
    """The demo nodes with block ids stable from one load to the next, choices naming their target by id."""
    from wagtail.blocks import StreamValue

    from ..graph import target_ids
    from ..models import CasePage

    triples = target_ids(nodes, lambda key: str(uuid.uuid5(uuid.NAMESPACE_URL, f"collectif:case:{slug}:{key}")))
    return StreamValue(CasePage._meta.get_field("nodes").stream_block, triples)


def ensure_case(index, data):
    """Create and publish the case described by `data` under `index` unless a case has its slug already.

    Returns the page and whether it was created.
    """
    from ..models import CasePage
    from ..publishing import publish_case

    existing = CasePage.objects.filter(slug=data["slug"]).first()
    if existing is not None:
        return existing, refresh_case(existing, data)
    case = build_case(data=data)
    index.add_child(instance=case)
    case.domains = list(CompetenceDomain.objects.filter(code__in=data["domains"]))
    publish_case(case)
    return case, True


def without_ids(data):
    """Stream data without block ids: equal for the same content however it was saved."""
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list | tuple):
        return [without_ids(value) for value in data]
    return data


def same_graph(nodes, other):
    """Whether two graphs hold the same content, whatever their block ids (choices' targets read as keys)."""
    from ..graph import targets_as_keys

    return without_ids(targets_as_keys(list(nodes.raw_data))) == without_ids(targets_as_keys(list(other.raw_data)))


def refresh_case(case, data):
    """Bring a code-made case up to date with its data; True when a new revision was published."""
    from ..publishing import publish_case

    if case.revisions.exclude(user=None).exists():
        return False
    fresh = build_case(data=data)
    fields = [*PAGE_FIELDS, "justification_min_length", "trainer_guide"]
    changed = any(getattr(case, name) != getattr(fresh, name) for name in fields if name != "people") or (
        without_ids(list(case.people.raw_data)) != without_ids(list(fresh.people.raw_data))
        or not same_graph(case.nodes, fresh.nodes)
    )
    if not changed:
        return False
    for name in fields:
        setattr(case, name, getattr(fresh, name))
    case.nodes = fresh.nodes
    publish_case(case)
    return True


def load():
    from accounts.demo import give_to_demo_trainer

    from ..models import CaseIndexPage, CasePage

    index = CaseIndexPage.objects.first()
    if index is None:
        return ["Cas pratiques : page « Cas pratiques » absente, démo non chargée."]
    created = [case for case, is_new in (ensure_case(index, data) for data in CASES) if is_new]
    give_to_demo_trainer(CasePage.objects.filter(slug__in=[data["slug"] for data in CASES]))
    return [f"Cas pratique de démonstration : {case.url}" for case in created]
