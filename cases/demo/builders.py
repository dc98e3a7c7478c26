"""Small constructors for demo case data: each case is plain data (a dict), built into a page by one function."""

from ..graph import Quality

R, A, X = Quality.RECOMMENDED, Quality.ACCEPTABLE, Quality.AVOID


def choice(key, label, quality, score, next_node, feedback):
    return {
        "key": key,
        "label": label,
        "quality": quality,
        "score": score,
        "next_node": next_node,
        "feedback": feedback,
    }


def decision(key, title, phase, situation, choices, documents=(), start=False):
    return (
        "decision",
        {
            "key": key,
            "title": title,
            "phase": phase,
            "is_start": start,
            "situation": situation,
            "documents": list(documents),
            "choices": choices,
        },
    )


def ending(key, title, phase, debrief):
    return ("ending", {"key": key, "title": title, "phase": phase, "debrief": debrief})


def document(title, kind, content):
    return {"title": title, "kind": kind, "content": content, "document": None}


def role(name, kind, role_in_situation, description):
    return ("role_card", {"name": name, "kind": kind, "role": role_in_situation, "description": description})
