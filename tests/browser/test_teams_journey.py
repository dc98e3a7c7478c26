import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from teams.scope import members
from tests.a11y import assert_no_axe_violations
from tests.factories import complete_lessons, make_course, make_lesson, make_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "email;prenom;nom\n"
ROWS = [
    "claire.dubois@exemple.fr;Claire;Dubois",
    "medhi.benali@exemple.fr;Medhi;Benali",
    "sophie.martin@exemple.fr;Sophie;Martin",
    "yanis.roux@exemple.fr;Yanis;Roux",
    "ines.faure@exemple.fr;Inès;Faure",
]


def upload(page, text):
    page.get_by_label("Fichier CSV").set_input_files(
        files=[{"name": "equipe.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}]
    )
    page.get_by_role("button", name="Vérifier et importer").click()


def test_manager_imports_assigns_follows_reminds_and_exports(manager, page_as, live_server):
    team = make_team(name="Accueil", manager=manager)
    course = make_course(title="Mener un diagnostic partagé")
    make_lesson(course, title="Croiser les regards")
    make_lesson(course, title="Hiérarchiser les enjeux")
    page = page_as(manager)

    # 1. A file with one bad row: nothing imported, the row and column are named.
    page.goto(f"{live_server.url}/equipes/{team.pk}/importer/")
    bad = HEADER + "\n".join(ROWS[:2] + ["yanis.roux-at-exemple.fr;Yanis;Roux"] + ROWS[3:]) + "\n"
    upload(page, bad)
    errors = page.get_by_role("table", name="Erreurs à corriger, par ligne et par colonne")
    errors.wait_for()
    assert "4" in errors.locator("tbody th").first.inner_text()
    assert "email" in errors.inner_text() and "Adresse e-mail invalide" in errors.inner_text()
    assert members(team).count() == 0
    assert_no_axe_violations(page)

    # 2. Fixed: the five people join the team.
    upload(page, HEADER + "\n".join(ROWS) + "\n")
    page.get_by_text("5 personnes ajoutées").wait_for()
    assert members(team).count() == 5

    # 3. Assign the course with a due date.
    page.get_by_role("link", name="Affecter des modules").first.click()
    page.get_by_label("Mener un diagnostic partagé").check()
    due = timezone.localdate() + timedelta(days=20)
    page.locator("#id_due_date").fill(due.isoformat())
    page.get_by_role("button", name="Affecter", exact=True).click()
    page.get_by_text("1 module affecté").wait_for()

    # Two people progress meanwhile: one finishes, one is half-way.
    people = {u.email: u for u in members(team)}
    complete_lessons(people["claire.dubois@exemple.fr"], course)
    complete_lessons(people["medhi.benali@exemple.fr"], course, count=1)

    # 4. The matrix.
    page.reload()
    matrix = page.locator("table.matrix")
    assert matrix.locator("tbody tr").count() == 5
    claire = matrix.locator("tbody tr", has_text="Claire Dubois")
    assert "Terminé" in claire.inner_text() and "100 %" in claire.inner_text()
    assert "En cours" in matrix.locator("tbody tr", has_text="Medhi Benali").inner_text()
    assert "Non commencé" in matrix.locator("tbody tr", has_text="Sophie Martin").inner_text()
    assert_no_axe_violations(page)

    # 5. "Relancer": a confirmation says who, then only the four who have not finished get an e-mail.
    mail.outbox.clear()
    page.get_by_role("link", name=re.compile("Relancer")).click()
    page.get_by_text("4 personnes n'ont pas terminé ce module").wait_for()
    assert not mail.outbox
    page.get_by_role("button", name="Envoyer la relance à 4 personnes").click()
    page.get_by_text("Relance envoyée à 4 personnes").wait_for()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e for e in people if e != "claire.dubois@exemple.fr")
    assert all("Mener un diagnostic partagé" in m.body for m in mail.outbox)

    # 6. XLSX export of the matrix.
    with page.expect_download() as download:
        page.get_by_role("link", name="Exporter (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 6
    assert {r[1] for r in rows[1:]} == set(people)
    by_email = {r[1]: r for r in rows[1:]}
    assert by_email["claire.dubois@exemple.fr"][2] == 1  # modules terminés

    # 7. Drill-down on one member.
    page.get_by_role("link", name="Medhi Benali").click()
    page.get_by_role("heading", name="Medhi Benali").wait_for()
    assert "Croiser les regards" in page.content()
    assert_no_axe_violations(page)
