"""Every export comes back as a file whatever names and texts people stored: nesting, control characters, very long
strings, right-to-left marks, emoji, formula prefixes, slashes and brackets (sheet names)."""

import io
import re
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.permissions import Role
from core.spreadsheet import safe_cell
from progress.models import TimeSpent
from reflections.models import JournalEntry
from teams.assigning import assign_courses
from teams.exports import sheet_title
from teams.models import Certificate
from tests.factories import complete_lessons, make_course, make_lesson, make_team, make_user

pytestmark = pytest.mark.django_db

HOSTILE_NAMES = [
    "Accueil / accès",
    '=HYPERLINK("http://exemple.org","clic")',
    "Équipe [A] : *? \\ fin",
    "\u202eÉquipe écrite de droite à gauche\u202c",
    "Équipe 😀 émoji 🧑🏽‍🤝‍🧑🏻",
    "Ê" * 150,
    "bip\x07 et\x01 contrôle",
    "ligne\nsuivante",
    "-2+3",
    "'",
]
# Stored as is (bypassing today's input limits, as older entries could be).
HOSTILE_TEXTS = [
    "<blockquote>" * 3000 + "citation profonde" + "</blockquote>" * 3000,
    "<p>&lt;script&gt;alert(1)&lt;/script&gt; [lien](javascript:alert(1)) &lt;b&gt;</p>",
    "<p>" + "mot " * 12_000 + "</p>",
    "<p>\u202edroite à gauche 😀 =1+1 @SOMME(A1)</p>",
    "<ul>" + "<li><em><strong>liste</strong></em></li>" * 500 + "</ul>",
]


def stored_entries(author):
    for number, html in enumerate(HOSTILE_TEXTS):
        JournalEntry.objects.create(
            author=author,
            title=HOSTILE_NAMES[number],
            body_html=html,
            saved_at=timezone.now(),
            draft_revision=1,
            saved_revision=1,
        )


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_team_exports_come_back_whatever_the_names(client, name, django_capture_on_commit_callbacks):
    manager = make_user(Role.MANAGER)
    member = make_user(Role.LEARNER, first_name=name[:150], last_name=name[:150])
    team = make_team(name=name[:200], manager=manager, members=[member])
    course = make_course(title=name[:200], slug="module-hostile")
    make_lesson(course, title=name[:200], slug="lecon-hostile")
    assign_courses(team, [course], timezone.localdate() + timedelta(days=10))
    with django_capture_on_commit_callbacks(execute=True):
        complete_lessons(member, course)
    client.force_login(manager)
    for url in (
        reverse("teams:matrix_export", args=[team.pk, "csv"]),
        reverse("teams:member_export", args=[team.pk, member.pk, "csv"]),
    ):
        response = client.get(url)
        assert response.status_code == 200 and response.content, url
    for url in (
        reverse("teams:matrix_export", args=[team.pk, "xlsx"]),
        reverse("teams:member_export", args=[team.pk, member.pk, "xlsx"]),
        reverse("teams:member_evidence", args=[team.pk, member.pk, course.pk, "xlsx"]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert load_workbook(io.BytesIO(response.content)).sheetnames
    # Realised time, or the certificat de réalisation is refused.
    TimeSpent.objects.create(user=member, page=course.get_children().first(), day=timezone.localdate(), seconds=600)
    evidence = client.get(reverse("teams:member_evidence", args=[team.pk, member.pk, course.pk, "pdf"]))
    assert evidence.status_code == 200 and evidence.content.startswith(b"%PDF")
    client.force_login(member)
    certificate = Certificate.objects.get(user=member, kind=Certificate.Kind.ATTESTATION)
    response = client.get(reverse("teams:certificate_download", args=[certificate.code]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_journal_and_personal_data_exports_come_back_whatever_was_stored(client, learner):
    stored_entries(learner)
    client.force_login(learner)
    pdf = client.get(reverse("reflections:export_pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    markdown = client.get(reverse("reflections:export_markdown"))
    assert markdown.status_code == 200
    with zipfile.ZipFile(io.BytesIO(markdown.content)) as archive:
        texts = [archive.read(name).decode() for name in archive.namelist()]
    assert len(texts) == len(HOSTILE_TEXTS)
    joined = "\n".join(texts)
    assert "citation profonde" in joined
    # Typed text stays text in Markdown: no live tag, no link a viewer would follow.
    assert not re.search(r"(?<!\\)<(script|b)\b", joined), joined[:300]
    assert "[lien](javascript:" not in joined and "\\<script\\>" in joined
    data = client.get(reverse("account_download_data"))
    assert data.status_code == 200
    with zipfile.ZipFile(io.BytesIO(data.content)) as archive:
        assert archive.namelist()


def test_every_cell_is_safe_and_every_sheet_name_valid():
    used = set()
    titles = [sheet_title(name, used) for name in HOSTILE_NAMES + HOSTILE_NAMES]
    assert len({title.lower() for title in titles}) == len(titles)  # unique, even for repeated names
    for title in titles:
        assert 0 < len(title) <= 31 and not set(title) & set("[]:*?/\\")
    for name in HOSTILE_NAMES:
        cell = safe_cell(name)
        assert not cell.startswith(("=", "+", "-", "@")) and "\x07" not in cell and "\x01" not in cell
