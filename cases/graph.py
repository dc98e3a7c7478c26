"""The decision graph of a case, as plain data, and the rules it must follow before publication.

The graph is authored as a StreamField of "decision" and "ending" blocks. Everything else (playing,
validation, the diagram, the debrief, the report) reads the plain `CaseGraph` built here, so the rules
can be tested without pages or a database.

A choice names its target by the target's block id (stable when the author renames the node); a target
that is no block id is read as a node key, as typed by hand before migration 0004 and in data built in
code (demo, tests). The graph itself speaks in node keys, which name decisions in the records.
"""

import random
import re
from collections import deque
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MIN_CHOICES = 2
MAX_CHOICES = 4
MAX_SCORE = 10
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class Phase:
    """The phases of the intervention sociale d'intérêt collectif, in the order of the cycle."""

    DIAGNOSTIC = "diagnostic"
    MOBILISATION = "mobilisation"
    PROJET = "projet"
    ACTION = "action"
    EVALUATION = "evaluation"

    CHOICES = [
        (DIAGNOSTIC, gettext_lazy("Diagnostic partagé")),
        (MOBILISATION, gettext_lazy("Mobilisation des personnes et des partenaires")),
        (PROJET, gettext_lazy("Élaboration du projet collectif")),
        (ACTION, gettext_lazy("Mise en œuvre")),
        (EVALUATION, gettext_lazy("Évaluation")),
    ]
    ORDER = [value for value, _label in CHOICES]

    @classmethod
    def label(cls, value):
        return dict(cls.CHOICES).get(value, value or "")


class Quality:
    RECOMMENDED = "recommande"
    ACCEPTABLE = "acceptable"
    AVOID = "a_eviter"

    CHOICES = [
        (RECOMMENDED, gettext_lazy("Recommandé")),
        (ACCEPTABLE, gettext_lazy("Acceptable")),
        (AVOID, gettext_lazy("À éviter")),
    ]

    @classmethod
    def label(cls, value):
        return dict(cls.CHOICES).get(value, value or "")


@dataclass
class Document:
    title: str
    kind: str
    content: str
    document: object = None


@dataclass
class Choice:
    key: str
    label: str
    feedback: str
    quality: str
    score: int
    next_key: str  # the target node's key, resolved from `target`
    pinned: bool = False  # keeps its authored place when the choices are shuffled ("ask your manager first")
    target: str = ""  # as stored: the target's block id (or, in older data, its key)
    position: int = 0  # index in its node's choices, to attach an error to the right field
    competence_id: int | None = None  # the competence domain this choice exercises (core.CompetenceDomain pk)
    competence_weight: int = 1  # how much this decision counts in that domain's profile

    @property
    def quality_label(self):
        return Quality.label(self.quality)


@dataclass
class Node:
    key: str
    kind: str  # "decision" or "ending"
    title: str
    phase: str = ""
    is_start: bool = False
    situation: object = ""
    documents: list = field(default_factory=list)
    choices: list = field(default_factory=list)
    debrief: object = ""
    position: int = 0
    block_id: str = ""

    @property
    def is_ending(self):
        return self.kind == "ending"

    @property
    def phase_label(self):
        return Phase.label(self.phase)

    @property
    def name(self):
        """How messages name the node: its key and its title, so an author finds it in the editor."""
        if self.title:
            return f"« {self.key or '?'} » ({self.title})"
        return f"« {self.key or '?'} »"

    def choice(self, key):
        return next((choice for choice in self.choices if choice.key == key), None)

    @property
    def max_score(self):
        return max((choice.score for choice in self.choices), default=0)


@dataclass
class CaseGraph:
    nodes: list

    def __post_init__(self):
        self._by_key = {}
        for node in self.nodes:
            self._by_key.setdefault(node.key, node)

    def get(self, key):
        return self._by_key.get(key)

    @property
    def starts(self):
        return [node for node in self.nodes if node.kind == "decision" and node.is_start]

    @property
    def start(self):
        starts = self.starts
        return starts[0] if len(starts) == 1 else None

    @property
    def decisions(self):
        return [node for node in self.nodes if node.kind == "decision"]

    @property
    def endings(self):
        return [node for node in self.nodes if node.is_ending]


def graph_from_stream(stream):
    """Build a CaseGraph from the StreamValue of CasePage.nodes (or any list of (type, value) children)."""
    children = [child for child in stream if child.block_type in ("decision", "ending")]
    keys_by_id = {
        str(child.id): (child.value.get("key") or "").strip() for child in children if getattr(child, "id", None)
    }
    nodes = []
    for position, child in enumerate(stream):
        kind, value = child.block_type, child.value
        if kind not in ("decision", "ending"):
            continue
        common = {
            "key": (value.get("key") or "").strip(),
            "title": value.get("title") or "",
            "phase": value.get("phase") or "",
            "position": position,
            "block_id": str(getattr(child, "id", None) or ""),
        }
        if kind == "decision":
            nodes.append(
                Node(
                    kind="decision",
                    is_start=bool(value.get("is_start")),
                    situation=value.get("situation") or "",
                    documents=[
                        Document(
                            doc.get("title") or "", doc.get("kind") or "", doc.get("content") or "", doc.get("document")
                        )
                        for doc in value.get("documents") or []
                    ],
                    choices=[
                        _choice(choice, index, keys_by_id) for index, choice in enumerate(value.get("choices") or [])
                    ],
                    **common,
                )
            )
        elif kind == "ending":
            nodes.append(Node(kind="ending", debrief=value.get("debrief") or "", **common))
    return CaseGraph(nodes)


def _choice(value, index, keys_by_id):
    target = (value.get("next_node") or "").strip()
    return Choice(
        key=(value.get("key") or "").strip(),
        label=value.get("label") or "",
        feedback=value.get("feedback") or "",
        quality=value.get("quality") or Quality.ACCEPTABLE,
        score=int(value.get("score") or 0),
        next_key=keys_by_id.get(target, target),
        pinned=bool(value.get("pinned")),
        target=target,
        position=index,
        competence_id=_pk(value.get("competence")),
        competence_weight=max(int(value.get("competence_weight") or 1), 1),
    )


def _pk(value):
    """A snippet chooser's value as a primary key: the instance, its pk, or nothing."""
    if value in (None, ""):
        return None
    return getattr(value, "pk", value)


def target_ids(nodes, id_for_key):
    """Stream data (a list of (type, value) pairs whose choices name their target by key) as (type, value, id)
    triples whose choices name their target by block id; `id_for_key(key)` gives each node its id.

    For data written in code (the demo cases): the ids are then stable from one load to the next.
    """
    ids = {value["key"]: id_for_key(value["key"]) for _kind, value, *_rest in nodes}
    linked = []
    for kind, value, *_rest in nodes:
        value = dict(value)
        if kind == "decision":
            value["choices"] = [
                {**choice, "next_node": ids.get(choice["next_node"], choice["next_node"])}
                for choice in value["choices"]
            ]
        linked.append((kind, value, ids[value["key"]]))
    return linked


def targets_as_keys(raw_nodes):
    """Raw stream data (as stored) with every choice target written as its node's key: the same content
    compares equal whatever the block ids."""
    keys = {item.get("id"): (item.get("value") or {}).get("key") for item in raw_nodes if item.get("id")}
    result = []
    for item in raw_nodes:
        item = {name: value for name, value in item.items() if name != "id"}
        if item.get("type") == "decision":
            value = dict(item["value"])
            value["choices"] = [_choice_as_key(choice, keys) for choice in value.get("choices") or []]
            item["value"] = value
        result.append(item)
    return result


def _choice_as_key(choice, keys):
    # A ListBlock child is stored as {"type": "item", "value": {...}, "id": ...} (or as a bare dict in old data).
    value = choice.get("value", choice) if choice.get("type") == "item" else choice
    value = dict(value)
    value["next_node"] = keys.get(value.get("next_node"), value.get("next_node"))
    return value


def presented_choices(node, seed):
    """The node's choices in the order shown: shuffled from `seed` (one per attempt, or per live session, so a
    reload shows the same order), pinned choices at their authored place. Authored order gives the expert answer
    away when authors list the best choice first."""
    free = [choice for choice in node.choices if not choice.pinned]
    random.Random(f"{seed}:{node.key}").shuffle(free)
    shuffled = iter(free)
    return [choice if choice.pinned else next(shuffled) for choice in node.choices]


def authoring_warnings(graph):
    """Cues that let a learner guess without reading, each naming its node; publishing is still allowed."""
    warnings = []
    decisions = [node for node in graph.decisions if len(node.choices) > 1]
    longest_best = [node for node in decisions if _best_is_longest(node)]
    if len(longest_best) >= 2 and len(longest_best) * 2 >= len(decisions):
        for node in longest_best:
            warnings.append(
                _(
                    "Étape « %(node)s » : le meilleur choix est aussi l'intitulé le plus long, comme dans la plupart "
                    "des étapes de ce cas ; la longueur suffit alors à deviner la bonne réponse. Rééquilibrez les "
                    "intitulés."
                )
                % {"node": node.title or node.key}
            )
    for node in decisions:
        if len({choice.next_key for choice in node.choices}) == 1:
            warnings.append(
                _(
                    "Étape « %(node)s » : tous les choix mènent à la même étape suivante ; le choix n'a pas de "
                    "conséquence sur la suite du cas."
                )
                % {"node": node.title or node.key}
            )
    return warnings


def _best_is_longest(node):
    best = max(node.choices, key=lambda choice: choice.score)
    others = [choice for choice in node.choices if choice is not best]
    return all(len(best.label) > len(choice.label) for choice in others)


@dataclass
class Problem:
    """One reason why a graph cannot be published, and where the editor shows it: the node (its position in the
    stream), the choice (its index in the node), the field; None for the case as a whole."""

    message: str
    node: int = None
    field: str = None
    choice: int = None


def validate(graph):
    """Every reason why this graph cannot be published, each naming the faulty node. [] when it is sound."""
    return [problem.message for problem in problems(graph)]


def problems(graph):
    """The reasons of `validate`, each with the place of the faulty node, choice and field (see Problem)."""
    errors = []
    if not graph.nodes:
        return [Problem(_("Le cas ne contient aucune étape : ajoutez des étapes de décision et au moins une fin."))]

    seen = {}
    for index, node in enumerate(graph.nodes, start=1):
        if not node.key:
            errors.append(
                Problem(
                    _("L'étape n° %(index)s (%(title)s) n'a pas d'identifiant.")
                    % {"index": index, "title": node.title or _("sans titre")},
                    node.position,
                    "key",
                )
            )
            continue
        if node.key in seen:
            errors.append(
                Problem(
                    _("L'identifiant %(name)s est utilisé par plusieurs étapes.") % {"name": node.name},
                    node.position,
                    "key",
                )
            )
        seen[node.key] = node

    starts = graph.starts
    if not starts:
        errors.append(Problem(_("Aucune étape de départ : cochez « Étape de départ » sur une étape de décision.")))
    elif len(starts) > 1:
        message = _("Il faut une seule étape de départ ; ces étapes sont marquées comme départ : %(names)s.") % {
            "names": ", ".join(node.name for node in starts)
        }
        errors += [Problem(message, node.position, "is_start") for node in starts]
    if not graph.endings:
        errors.append(Problem(_("Le cas n'a aucune fin : ajoutez au moins une étape de fin avec son bilan.")))

    for node in graph.decisions:
        count = len(node.choices)
        if not MIN_CHOICES <= count <= MAX_CHOICES:
            errors.append(
                Problem(
                    _("L'étape %(name)s propose %(count)s choix : il en faut entre 2 et 4.")
                    % {"name": node.name, "count": count},
                    node.position,
                    "choices",
                )
            )
        choice_keys = set()
        for choice in node.choices:

            def at(message, field, choice=choice, node=node):
                return Problem(message, node.position, field, choice.position)

            if not choice.key:
                errors.append(
                    at(
                        _("Un choix de l'étape %(name)s (%(label)s) n'a pas d'identifiant.")
                        % {"name": node.name, "label": choice.label or _("sans intitulé")},
                        "key",
                    )
                )
            elif choice.key in choice_keys:
                errors.append(
                    at(
                        _("L'identifiant de choix « %(choice)s » est utilisé deux fois dans l'étape %(name)s.")
                        % {"choice": choice.key, "name": node.name},
                        "key",
                    )
                )
            choice_keys.add(choice.key)
            if not choice.target:
                errors.append(
                    at(
                        _("Le choix « %(choice)s » de l'étape %(name)s ne mène nulle part : indiquez l'étape suivante.")
                        % {"choice": choice.key or choice.label, "name": node.name},
                        "next_node",
                    )
                )
            elif choice.next_key in seen:
                continue
            elif choice.next_key != choice.target:  # found by its block id, but that node has no key
                errors.append(
                    at(
                        _("Le choix « %(choice)s » de l'étape %(name)s mène à une étape sans identifiant.")
                        % {"choice": choice.key or choice.label, "name": node.name},
                        "next_node",
                    )
                )
            elif UUID_RE.match(choice.target):
                errors.append(
                    at(
                        _(
                            "Le choix « %(choice)s » de l'étape %(name)s mène à une étape qui a été supprimée : "
                            "choisissez une autre étape suivante."
                        )
                        % {"choice": choice.key or choice.label, "name": node.name},
                        "next_node",
                    )
                )
            else:
                errors.append(
                    at(
                        _("Le choix « %(choice)s » de l'étape %(name)s mène à « %(target)s », qui n'existe pas.")
                        % {"choice": choice.key or choice.label, "name": node.name, "target": choice.next_key},
                        "next_node",
                    )
                )

    start = graph.start
    if start is None:
        return errors

    reachable = _reachable_from(graph, start.key)
    for node in graph.nodes:
        if node.key and node.key not in reachable:
            errors.append(
                Problem(
                    _("L'étape %(name)s n'est accessible par aucun chemin depuis le départ.") % {"name": node.name},
                    node.position,
                )
            )

    can_finish = _nodes_reaching_an_ending(graph)
    for node in graph.decisions:
        if node.key not in reachable or node.key in can_finish:
            continue
        if _on_a_cycle(graph, node.key):
            message = _("L'étape %(name)s fait partie d'une boucle sans sortie : aucun choix ne mène à une fin.")
        else:
            message = _("Depuis l'étape %(name)s, aucun chemin ne mène à une fin.")
        errors.append(Problem(message % {"name": node.name}, node.position, "choices"))
    return errors


def _successors(graph, key):
    node = graph.get(key)
    if node is None or node.is_ending:
        return []
    return [choice.next_key for choice in node.choices if graph.get(choice.next_key) is not None]


def _reachable_from(graph, start_key):
    seen, queue = {start_key}, deque([start_key])
    while queue:
        for nxt in _successors(graph, queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _nodes_reaching_an_ending(graph):
    """Keys from which at least one path leads to an ending (backward search from the endings)."""
    predecessors = {}
    for node in graph.decisions:
        for nxt in _successors(graph, node.key):
            predecessors.setdefault(nxt, set()).add(node.key)
    done = {node.key for node in graph.endings}
    queue = deque(done)
    while queue:
        for previous in predecessors.get(queue.popleft(), ()):
            if previous not in done:
                done.add(previous)
                queue.append(previous)
    return done


def _on_a_cycle(graph, key):
    return any(key in _reachable_from(graph, nxt) for nxt in _successors(graph, key))


def best_choice(node):
    """The choice the recommended path takes: a recommended one with the highest score (first on ties)."""
    if not node.choices:
        return None
    ranked = sorted(
        node.choices,
        key=lambda choice: (choice.quality == Quality.RECOMMENDED, choice.score),
        reverse=True,
    )
    return ranked[0]


def recommended_path(graph):
    """[(node, choice)] from the start following the best choice, ending with (ending node, None)."""
    path, node, visited = [], graph.start, set()
    while node is not None and node.key not in visited:
        visited.add(node.key)
        if node.is_ending:
            path.append((node, None))
            break
        choice = best_choice(node)
        path.append((node, choice))
        node = graph.get(choice.next_key) if choice else None
    return path


def _mermaid_text(text):
    """Mermaid labels go between double quotes: escape what would end them or be read as markup."""
    text = " ".join(str(text).split())
    for raw, entity in (("&", "#amp;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(raw, entity)
    return text


QUALITY_COLOURS = {Quality.RECOMMENDED: "#1d6b36", Quality.ACCEPTABLE: "#7a4a00", Quality.AVOID: "#a4161a"}
QUALITY_SIGNS = {Quality.RECOMMENDED: "✔", Quality.ACCEPTABLE: "~", Quality.AVOID: "✘"}


def to_mermaid(graph):
    """Mermaid flowchart source: one subgraph per phase, arrows labelled with the choice and its quality.

    Quality is given by a sign and a word on every arrow, and by its colour; never by colour alone.
    """
    ids = {node.key: f"n{index}" for index, node in enumerate(graph.nodes)}
    lines = ["flowchart TD"]
    by_phase = {}
    for node in graph.nodes:
        by_phase.setdefault(node.phase if node.phase in Phase.ORDER else "", []).append(node)
    for phase in [*Phase.ORDER, ""]:
        members = by_phase.get(phase)
        if not members:
            continue
        if phase:
            lines.append(f'  subgraph phase_{phase}["{_mermaid_text(Phase.label(phase))}"]')
        for node in members:
            label = _mermaid_text(f"{node.key} : {node.title}")
            if node.is_ending:
                lines.append(f'    {ids[node.key]}(["{_mermaid_text(_("Fin"))} — {label}"])')
            elif node.is_start:
                lines.append(f'    {ids[node.key]}[["{_mermaid_text(_("Départ"))} — {label}"]]')
            else:
                lines.append(f'    {ids[node.key]}["{label}"]')
        if phase:
            lines.append("  end")
    link_styles = []
    for node in graph.decisions:
        for choice in node.choices:
            target = ids.get(choice.next_key)
            if target is None:
                continue
            label = _mermaid_text(f"{QUALITY_SIGNS.get(choice.quality, '')} {choice.quality_label} : {choice.label}")
            lines.append(f'  {ids[node.key]} -->|"{label}"| {target}')
            link_styles.append(QUALITY_COLOURS.get(choice.quality, "#4a4a5a"))
    for index, colour in enumerate(link_styles):
        lines.append(f"  linkStyle {index} stroke:{colour},stroke-width:2px,color:{colour}")
    return "\n".join(lines)
