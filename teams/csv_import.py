"""Importing members from a CSV file: validate every row first, import all or nothing.

Expected columns (header row, any order, `,` or `;` separated): email, prenom, nom. UTF-8 (with or without its
mark), UTF-16 (with its mark) and Windows-1252 are read; the encoding found is named to the manager.
Unknown addresses get an account made for the team; existing accounts are only invited (consent first).
"""

import codecs
import csv
import io
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from accounts.models import User
from core.text_input import has_forbidden_character

from . import invitations
from .assigning import add_new_accounts
from .models import Invitation

REQUIRED_COLUMNS = ("email", "prenom", "nom")
MAX_BYTES = 512 * 1024
MAX_ROWS = 2000


@dataclass
class RowError:
    row: int  # line number in the file, header = 1
    column: str
    message: str


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    encoding: str | None = None

    @property
    def ok(self):
        return not self.errors


# (byte order mark, codec, name shown to the manager): spreadsheets save "Unicode text" as UTF-16 with a mark.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode(data):
    """(text, encoding name) of a CSV file: UTF-8 with or without its mark, UTF-16 with its mark, else Windows-1252
    (Excel's « CSV (séparateur : point-virgule) » on a French Windows); (None, None) when none reads it."""
    for mark, codec, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                return None, None
    for codec, name in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    return None, None


def parse(uploaded):
    """Read and validate the whole file; returns an ImportResult listing every error by row and column."""
    result = ImportResult()
    if uploaded.size > MAX_BYTES:
        result.errors.append(RowError(0, "", _("Le fichier dépasse 512 Ko : découpez-le en plusieurs fichiers.")))
        return result
    text, result.encoding = decode(uploaded.read())
    if text is None:
        result.errors.append(
            RowError(
                0,
                "",
                _(
                    "Le fichier n'est lisible ni en UTF-8, ni en UTF-16, ni en Windows-1252 : "
                    "enregistrez-le en « CSV UTF-8 » depuis votre tableur."
                ),
            )
        )
        return result
    if "\x00" in text:
        result.errors.append(
            RowError(0, "", _("Le fichier contient des caractères nuls : ce n'est pas un fichier CSV de texte."))
        )
        return result
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        result.errors.append(RowError(1, "", _("Le fichier est vide.")))
        return result
    columns = [name.strip().lower() for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        result.errors.append(
            RowError(1, ", ".join(missing), _("Colonne(s) obligatoire(s) absente(s) de la première ligne."))
        )
        return result
    seen = {}
    try:
        for line_number, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue
            if line_number - 1 > MAX_ROWS:
                result.errors.append(RowError(line_number, "", _("Plus de 2 000 lignes : découpez le fichier.")))
                break
            row = {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(columns)}
            _validate_row(row, line_number, seen, result)
            result.rows.append(row)
    except csv.Error:
        result.errors.append(
            RowError(
                reader.line_num,
                "",
                _(
                    "Ligne illisible : un champ dépasse la taille permise ou un guillemet ouvert n'est pas refermé. "
                    "Vérifiez cette ligne dans votre tableur."
                ),
            )
        )
    if not result.rows and not result.errors:
        result.errors.append(RowError(2, "", _("Le fichier ne contient aucune personne.")))
    return result


def _validate_row(row, line_number, seen, result):
    for name in REQUIRED_COLUMNS:
        if not row[name]:
            result.errors.append(RowError(line_number, name, _("Valeur obligatoire manquante.")))
    email = row["email"].lower()
    row["email"] = email
    if email:
        try:
            validate_email(email)
        except ValidationError:
            result.errors.append(
                RowError(line_number, "email", _("Adresse e-mail invalide : « %(value)s ».") % {"value": email})
            )
        else:
            if email in seen:
                result.errors.append(
                    RowError(
                        line_number, "email", _("Adresse en double (déjà à la ligne %(line)s).") % {"line": seen[email]}
                    )
                )
            seen.setdefault(email, line_number)
    for name in ("prenom", "nom"):
        if len(row[name]) > 150:
            result.errors.append(RowError(line_number, name, _("150 caractères au plus.")))
        elif has_forbidden_character(row[name]):
            result.errors.append(
                RowError(line_number, name, _("Le nom contient un retour à la ligne ou un caractère de contrôle."))
            )


@dataclass
class ImportOutcome:
    """What an import did: accounts created and added, invitations waiting for consent, rows left alone."""

    created_users: list = field(default_factory=list)  # new accounts, added to the team (welcome e-mail)
    invitation_ids: list = field(default_factory=list)  # existing accounts: invited, not added
    declined: int = 0  # declined an invitation to this team before: not asked again by an import
    already_members: int = 0

    @property
    def added(self):
        return len(self.created_users)

    @property
    def invited(self):
        return len(self.invitation_ids)


def existing_accounts(emails):
    """{lower-cased address: User} for the addresses that already have an account (any verified address)."""
    emails = [email.lower() for email in emails]
    found = {u.email.lower(): u for u in User.objects.annotate(lower=Lower("email")).filter(lower__in=emails)}
    verified = EmailAddress.objects.annotate(lower=Lower("email")).filter(lower__in=emails, verified=True)
    for address in verified.select_related("user"):
        found.setdefault(address.email.lower(), address.user)
    return found


@transaction.atomic
def import_members(team, rows, manager):
    """Create accounts for unknown addresses and add them; invite the existing accounts (they must accept).

    Nobody's existing account joins a team without consenting; the accounts created here are the team's own,
    and each addition is in the audit log with the manager who made it. The invitations are sent after commit.
    """
    emails = [row["email"] for row in rows]
    existing = existing_accounts(emails)
    members = set(team.member_users().values_list("pk", flat=True))
    declined_before = Invitation.objects.filter(team=team, email__in=emails, declined_at__isnull=False)
    declined = set(declined_before.values_list("email", flat=True))
    outcome = ImportOutcome()
    outcome.created_users = _create_members(team, [row for row in rows if row["email"] not in existing], manager)
    for row in rows:
        user = existing.get(row["email"])
        if user is None:
            continue
        if user.pk in members:
            outcome.already_members += 1
        elif row["email"] in declined:
            outcome.declined += 1
        else:
            invitation = invitations.create_invitation(
                team, row["email"], invited_by=manager, first_name=row["prenom"], last_name=row["nom"], send=False
            )
            outcome.invitation_ids.append(invitation.pk)
    return outcome


def _create_members(team, rows, manager):
    """Accounts for the unknown addresses, made members (learners) of the team, in a fixed number of queries
    whatever the number of rows: 2,000 rows import in a few seconds (bench/csv_import.py)."""
    return add_new_accounts(team, [_new_account(row) for row in rows], manager)


def _new_account(row):
    user = User(
        email=row["email"],
        first_name=row["prenom"],
        last_name=row["nom"],
        display_name=f"{row['prenom']} {row['nom']}",
    )
    user.set_unusable_password()
    return user
