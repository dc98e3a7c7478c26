"""Links into the journal that other apps may use.

    from reflections.links import write_reflection_url
    write_reflection_url("Le diagnostic partagé du quartier Bellevue", page=case_page)

gives the address of a new journal entry about that subject; the entry remembers the page (and its course,
which decides which trainers may read it once shared).
"""

from urllib.parse import urlencode

from django.urls import reverse


def write_reflection_url(subject="", page=None, prompt_id=None):
    """The URL of the "new entry" editor, prefilled with a subject or answering a prompt block of `page`."""
    params = {}
    if prompt_id:
        params["consigne"] = str(prompt_id)
    elif subject:
        params["sujet"] = str(subject)[:300]
    if page is not None:
        params["page"] = page.pk
    url = reverse("reflections:new")
    return f"{url}?{urlencode(params)}" if params else url


def prompt_state(context, value):
    """Template context of a prompt block: the learner's entry for it (if any) and where to write it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    page = context.get("page")
    prompt_id = value.get("prompt_id")
    state = {"is_authenticated": bool(user and user.is_authenticated), "entry": None, "write_url": ""}
    if not state["is_authenticated"] or not prompt_id:
        return state
    from .models import JournalEntry

    state["entry"] = (
        JournalEntry.objects.owned_by(user)
        .filter(prompt_key=f"reflection:{prompt_id}")
        .only("pk", "saved_at")  # the block shows whether it was written, and links to it
        .order_by("-updated_at")
        .first()
    )
    state["write_url"] = write_reflection_url(page=page, prompt_id=prompt_id) if page is not None else ""
    return state
