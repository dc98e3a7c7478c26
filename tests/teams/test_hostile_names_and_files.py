"""Unusual names and files (issue 25): single-line names refused at input with a French message, e-mails that
survive a name stored before the rule, CSV files in the encodings spreadsheets write, French messages."""

import codecs

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teams import csv_import, invitations
from teams.models import Invitation, Team
from tests.factories import make_team

pytestmark = pytest.mark.django_db

ROWS = "email;prenom;nom\nana@exemple.fr;Anaïs;Lefèvre\nbob@exemple.fr;Bob;Çelik\n"


def upload(data, name="membres.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ROWS.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + ROWS.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF16_LE + ROWS.encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + ROWS.encode("utf-16-be"), "UTF-16"),
        (ROWS.encode("cp1252"), "Windows-1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "windows-1252"],
)
def test_csv_files_are_read_in_the_encodings_spreadsheets_write(data, encoding):
    result = csv_import.parse(upload(data))
    assert result.ok, result.errors
    assert result.encoding == encoding
    assert [(row["prenom"], row["nom"]) for row in result.rows] == [("Anaïs", "Lefèvre"), ("Bob", "Çelik")]


def test_the_import_message_names_the_encoding_found(client, manager, django_capture_on_commit_callbacks):
    team = make_team(manager=manager)
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("teams:import", args=[team.pk]),
            {"file": upload(codecs.BOM_UTF16_LE + ROWS.encode("utf-16-le"))},
            follow=True,
        )
    assert "Fichier lu en UTF-16." in response.content.decode()


def test_a_utf16_file_without_its_mark_gets_a_clear_message_not_missing_columns():
    result = csv_import.parse(upload(ROWS.encode("utf-16-le")))
    assert [error.message for error in result.errors] == [
        "Le fichier contient des caractères nuls : ce n'est pas un fichier CSV de texte."
    ]


def test_a_field_too_long_for_the_csv_reader_gets_a_french_message():
    huge = "email;prenom;nom\n" + 'a@exemple.fr;"' + "x" * 200_000 + '";Nom\n'
    result = csv_import.parse(upload(huge.encode("utf-8")))
    assert result.errors and "Ligne illisible : un champ dépasse la taille permise" in result.errors[-1].message


@pytest.mark.parametrize("name", ["Ana\nBis", "Ana\tTab", "Ana\u202eevil"], ids=repr)
def test_names_with_control_characters_are_refused_per_row(name):
    result = csv_import.parse(upload(f'email;prenom;nom\nana@exemple.fr;"{name}";Lefèvre\n'.encode()))
    assert [(error.row, error.column) for error in result.errors] == [(2, "prenom")]
    assert "retour à la ligne ou un caractère de contrôle" in result.errors[0].message


def test_a_file_with_nul_characters_is_refused_whole():
    result = csv_import.parse(upload("email;prenom;nom\nana@exemple.fr;Ana\x00;Lefèvre\n".encode()))
    assert [error.message for error in result.errors] == [
        "Le fichier contient des caractères nuls : ce n'est pas un fichier CSV de texte."
    ]


def test_a_team_name_with_a_line_break_is_refused_with_a_french_message(manager):
    team = make_team(manager=manager)
    team.name = "Accueil\nAccès"
    with pytest.raises(Exception) as refused:
        team.full_clean()
    assert "Ce texte doit tenir sur une ligne" in str(refused.value)


def test_an_invitation_to_a_team_whose_stored_name_has_a_line_break_is_sent(manager):
    """Names saved before the rule (here written with update()) must not make e-mails crash (a 500 before)."""
    team = make_team(manager=manager)
    Team.objects.filter(pk=team.pk).update(name="Accueil\r\nAccès")
    team.refresh_from_db()
    invitations.create_invitation(team, "nouvelle@exemple.fr", invited_by=manager)
    assert mail.outbox[-1].subject.endswith("Accueil Accès")


def test_an_invitation_whose_e_mail_fails_is_not_saved(manager, monkeypatch):
    team = make_team(manager=manager)

    def refuse(*args, **kwargs):
        raise OSError("serveur de messagerie injoignable")

    monkeypatch.setattr(invitations, "send_mail", refuse)
    with pytest.raises(OSError):
        invitations.create_invitation(team, "nouvelle@exemple.fr", invited_by=manager)
    assert not Invitation.objects.filter(email="nouvelle@exemple.fr").exists()


def test_the_invite_page_says_when_the_e_mail_could_not_leave(client, manager, monkeypatch):
    team = make_team(manager=manager)

    def refuse(*args, **kwargs):
        raise OSError("serveur de messagerie injoignable")

    monkeypatch.setattr(invitations, "send_mail", refuse)
    client.force_login(manager)
    response = client.post(reverse("teams:invite", args=[team.pk]), {"email": "nouvelle@exemple.fr"})
    assert response.status_code == 200
    assert "L&#x27;e-mail d&#x27;invitation n&#x27;a pas pu partir : rien n&#x27;a été enregistré." in (
        response.content.decode()
    )
    assert not Invitation.objects.exists()


def test_the_invite_form_refuses_a_name_on_two_lines(client, manager):
    team = make_team(manager=manager)
    client.force_login(manager)
    response = client.post(
        reverse("teams:invite", args=[team.pk]), {"email": "nouvelle@exemple.fr", "first_name": "Ana\nBis"}
    )
    assert "Ce texte doit tenir sur une ligne" in response.content.decode()
    assert not Invitation.objects.exists()


def test_an_import_runs_a_fixed_number_of_queries_whatever_its_size(manager, django_assert_max_num_queries):
    """2,000 rows used to take a minute, one account at a time (bench/csv_import.py measures it)."""
    from accounts.permissions import Role, has_role

    rows = "email;prenom;nom\n" + "".join(f"p{n}@exemple.fr;Prénom{n};Nom{n}\n" for n in range(60))
    result = csv_import.parse(upload(rows.encode()))
    team = make_team(manager=manager)
    with django_assert_max_num_queries(20):
        outcome = csv_import.import_members(team, result.rows, manager)
    assert outcome.added == 60
    assert team.member_users().filter(email__startswith="p").count() == 60
    assert all(has_role(user, Role.LEARNER) for user in outcome.created_users)
