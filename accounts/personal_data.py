"""One registry for "download my data" and "delete my account".

Each app registers a section in its AppConfig.ready(): a function returning JSON-serialisable data
about the user, optional extra files for the ZIP, and an optional eraser for data that a database
cascade would not remove (files in storage, anonymised aggregates...).
"""

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone


@dataclass(frozen=True)
class Section:
    key: str
    export: Callable
    files: Callable | None = None
    erase: Callable | None = None
    order: int = field(default=100)


_sections: dict[str, Section] = {}


def register(key, export, files=None, erase=None, order=100):
    _sections[key] = Section(key=key, export=export, files=files, erase=erase, order=order)


def sections():
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def export_data(user):
    """Everything the platform holds about the user, as a dict of sections."""
    return {
        "generated_at": timezone.now(),
        "sections": {section.key: section.export(user) for section in sections()},
    }


def build_export_zip(user):
    """A ZIP with data.json and the files each section adds (journal as Markdown, certificates...)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        payload = json.dumps(export_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        archive.writestr("donnees.json", payload)
        for section in sections():
            if section.files:
                for name, content in section.files(user):
                    archive.writestr(f"{section.key}/{name}", content)
    return buffer.getvalue()


def delete_account(user):
    """Erase what cascades would miss, then delete the user (and by cascade their records)."""
    for section in sections():
        if section.erase:
            section.erase(user)
    user.delete()


def _export_profile(user):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    return {
        "email": user.email,
        "display_name": user.display_name,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "diploma": str(user.diploma) if user.diploma_id else "",
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "inactivity_warned_at": user.inactivity_warned_at,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "email_addresses": list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary")),
        "mfa_methods": list(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
    }


def _export_notices(user):
    from .models import Notice

    return list(Notice.objects.filter(user=user).values("kind", "title", "link", "due_date", "created", "read_at"))


def register_builtin_sections():
    register("profil", _export_profile, order=0)
    register("avis", _export_notices, order=5)
