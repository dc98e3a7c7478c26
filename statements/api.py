"""Build, validate and store xAPI 1.0.3 statements."""

import logging
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.links import absolute_url

from .models import Statement

logger = logging.getLogger(__name__)

VERBS = {
    "chose": "https://w3id.org/xapi/adl/verbs/chose",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "attempted": "http://adlnet.gov/expapi/verbs/attempted",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "voided": "http://adlnet.gov/expapi/verbs/voided",
}


def actor_for(user):
    """The learner as an xAPI agent identified by an account on this platform (no e-mail leaves)."""
    return {
        "objectType": "Agent",
        "name": user.get_display_name(),
        "account": {"homePage": settings.SITE_URL, "name": str(user.pk)},
    }


def is_actor(actor, user):
    """Whether an xAPI actor designates this user (as actor_for builds it)."""
    if not isinstance(actor, dict) or not isinstance(actor.get("account"), dict):
        return False
    expected = actor_for(user)["account"]
    account = actor["account"]
    return account.get("homePage") == expected["homePage"] and str(account.get("name")) == expected["name"]


def _check_actor(actor):
    """xAPI 1.0.3: an Agent is identified by exactly one inverse functional identifier."""
    if not isinstance(actor, dict):
        raise ValidationError(_("L'acteur (actor) de la déclaration doit être un objet."))
    identifiers = [key for key in ("mbox", "mbox_sha1sum", "openid", "account") if actor.get(key)]
    if actor.get("objectType", "Agent") == "Agent" and len(identifiers) != 1:
        raise ValidationError(_("L'acteur (actor) doit avoir un et un seul identifiant (mbox, account…)."))
    account = actor.get("account")
    if account is not None and (
        not isinstance(account, dict) or not account.get("homePage") or not account.get("name")
    ):
        raise ValidationError(_("Le compte de l'acteur (actor.account) doit avoir homePage et name."))


def activity_iri(path):
    return absolute_url(path)


def extension_iri(name):
    """The IRI of one of our context or result extensions (the cases' pattern: /xapi/extensions/<name>)."""
    return absolute_url(f"/xapi/extensions/{name}")


def build_statement(user, verb, object_iri, object_name, result=None, extensions=None):
    statement = {
        "id": str(uuid.uuid4()),
        "actor": actor_for(user),
        "verb": {"id": VERBS.get(verb, verb), "display": {"fr-FR": verb, "en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": object_iri,
            "definition": {"name": {"fr-FR": object_name}},
        },
        "timestamp": timezone.now().isoformat(),
    }
    if result:
        statement["result"] = result
    if extensions:
        statement.setdefault("context", {})["extensions"] = extensions
    return statement


def validate_statement(data):
    """Check the structure a statement needs (actor, verb.id, object.id, optional scaled score)."""
    if not isinstance(data, dict):
        raise ValidationError(_("La déclaration doit être un objet JSON."))
    verb_id = (data.get("verb") or {}).get("id") if isinstance(data.get("verb"), dict) else None
    object_id = (data.get("object") or {}).get("id") if isinstance(data.get("object"), dict) else None
    if not verb_id or not isinstance(verb_id, str):
        raise ValidationError(_("La déclaration n'a pas de verbe (verb.id)."))
    if not object_id or not isinstance(object_id, str):
        raise ValidationError(_("La déclaration n'a pas d'objet (object.id)."))
    if "actor" in data:
        _check_actor(data["actor"])
    score = (
        ((data.get("result") or {}).get("score") or {}).get("scaled") if isinstance(data.get("result"), dict) else None
    )
    if score is not None and (not isinstance(score, int | float) or not -1 <= score <= 1):
        raise ValidationError(_("Le score (result.score.scaled) doit être un nombre entre -1 et 1."))
    return data


class DuplicateStatement(Exception):
    """A statement with this id is stored already (xAPI: the LRS answers 409 Conflict)."""


def store_new_statement(user, data):
    """Like store_statement, but a statement id that exists already (whoever sent it) raises DuplicateStatement."""
    statement, created = _store(user, data)
    if not created:
        raise DuplicateStatement(str(statement.statement_id))
    return statement


def store_statement(user, data):
    """Validate and store a statement for the user (the actor is always replaced by the real user)."""
    return _store(user, data)[0]


def _store(user, data):
    data = validate_statement(dict(data))
    data["actor"] = actor_for(user)
    data.setdefault("id", str(uuid.uuid4()))
    data.setdefault("timestamp", timezone.now().isoformat())
    try:
        statement_id = uuid.UUID(str(data["id"]))
    except ValueError as error:
        raise ValidationError(_("L'identifiant de la déclaration n'est pas un UUID.")) from error
    statement, created = Statement.objects.get_or_create(
        statement_id=statement_id,
        defaults={"user": user, "verb": data["verb"]["id"], "object_id": data["object"]["id"][:500], "data": data},
    )
    if created and lrs_configured():
        transaction.on_commit(lambda: enqueue_forwarding(statement.pk))
    return statement, created


def lrs_configured():
    return bool(getattr(settings, "LRS_ENDPOINT", ""))


def enqueue_forwarding(statement_pk):
    """Queue the statement for the LRS; a queue failure is logged, never shown to the learner."""
    from .tasks import forward_statement

    try:
        forward_statement.enqueue(statement_pk)
    except Exception:
        logger.exception("Could not queue statement %s for the LRS", statement_pk)


def voiding_actor(user):
    """Who voids a deleted learner's statements: the same platform account, without the name (it is being erased);
    the LRS already knows the account from the statements it received."""
    return {"objectType": "Agent", "account": {"homePage": settings.SITE_URL, "name": str(user.pk)}}


def void_sent_statements(user):
    """Before an account is erased: one voiding statement for each of its statements an LRS may hold.

    "May hold": forwarded, or at least tried (the answer may have been lost; an LRS accepts a voiding statement
    whose target it does not know). The voiding statements belong to no user, so they survive the cascade that
    deletes the account's own statements, and carry no personal data but the account number. They are forwarded
    by the usual task once the deletion commits (or by the hourly catch-up). Returns how many were created.
    """
    voided = VERBS["voided"]
    originals = list(
        Statement.objects.filter(user=user)
        .filter(Q(forwarded_at__isnull=False) | Q(forward_attempts__gt=0))
        .exclude(verb=voided)
        .values_list("statement_id", flat=True)
    )
    if not originals:
        return 0
    actor, now = voiding_actor(user), timezone.now().isoformat()
    rows = []
    for original in originals:
        statement_id = uuid.uuid4()
        data = {
            "id": str(statement_id),
            "actor": actor,
            "verb": {"id": voided, "display": {"fr-FR": "voided", "en-US": "voided"}},
            "object": {"objectType": "StatementRef", "id": str(original)},
            "timestamp": now,
        }
        rows.append(Statement(statement_id=statement_id, user=None, verb=voided, object_id=str(original), data=data))
    created = Statement.objects.bulk_create(rows, batch_size=500)
    if lrs_configured():
        pks = [statement.pk for statement in created]
        transaction.on_commit(lambda: [enqueue_forwarding(pk) for pk in pks])
    return len(created)
