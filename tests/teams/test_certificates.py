import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts import personal_data
from progress.models import TimeSpent
from teams.assigning import assign_courses
from teams.models import Certificate, LoginRecord
from tests.factories import complete_lessons

pytestmark = pytest.mark.django_db


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def finished(learner, course, django_capture_on_commit_callbacks):
    learner.first_name, learner.last_name = "Camille", "Lefèvre"
    learner.save()
    from progress.api import enrol

    enrol(learner, course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lessons(learner, course)
    return Certificate.objects.get(user=learner)


def test_certificate_issued_on_completion_with_pdf_and_public_verification(client, learner, course, finished):
    assert finished.course_title == "Mener un diagnostic partagé"
    client.force_login(learner)
    my_space = client.get(reverse("my_space")).content.decode()
    assert finished.code in my_space
    response = client.get(reverse("teams:certificate_download", args=[finished.code]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Camille Lefèvre" in text and "Mener un diagnostic partagé" in text and finished.code in text
    verify_path = reverse("teams:certificate_verify", args=[finished.code])
    assert verify_path in text.replace("\n", "")
    client.logout()
    page = client.get(verify_path)
    html = page.content.decode()
    assert page.status_code == 200 and "authentique" in html and "Mener un diagnostic partagé" in html
    assert learner.email not in html
    assert client.get(reverse("teams:certificate_verify", args=["AAAA-BBBB-CCCC"])).status_code == 404


def test_someone_elses_certificate_is_404(client, other_learner, finished):
    client.force_login(other_learner)
    assert client.get(reverse("teams:certificate_download", args=[finished.code])).status_code == 404


def test_realisation_pdf_and_evidence_xlsx(client, manager, learner, team, course, finished):
    from teams.assigning import add_member

    add_member(team, learner)
    assign_courses(team, [course], timezone.localdate() + timedelta(days=5))
    LoginRecord.objects.create(user=learner)
    # Some realised time: with none, the certificat de réalisation is refused (tests/teams/test_certificates_of.py).
    TimeSpent.objects.create(user=learner, page=course.get_children().first(), day=timezone.localdate(), seconds=900)
    client.force_login(manager)
    pdf = client.get(reverse("teams:member_evidence", args=[team.pk, learner.pk, course.pk, "pdf"]))
    text = pdf_text(pdf.content)
    assert "Certificat de réalisation" in text and "Camille Lefèvre" in text and "Croiser les regards" in text
    xlsx = client.get(reverse("teams:member_evidence", args=[team.pk, learner.pk, course.pk, "xlsx"]))
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Synthèse", "Leçons", "Activités", "Connexions"]
    assert book["Leçons"].max_row == 3 and book["Connexions"].max_row >= 2
    client.force_login(learner)
    own = client.get(reverse("teams:own_evidence", args=[course.pk, "pdf"]))
    assert own.status_code == 200


def test_deleting_the_account_keeps_the_certificate_verifiable_without_the_name(client, learner, finished):
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(personal_data.build_export_zip(learner)))
    assert f"equipes/certificat-{finished.code}.pdf" in archive.namelist()
    personal_data.delete_account(learner)
    finished.refresh_from_db()
    assert finished.user is None and finished.learner_name == ""
    html = client.get(reverse("teams:certificate_verify", args=[finished.code])).content.decode()
    assert "compte supprimé" in html


def test_login_is_logged(client, learner):
    from tests.factories import PASSWORD

    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert LoginRecord.objects.filter(user=learner).count() == 1


def test_invitation_e_mails_link_to_the_site_address(settings, manager, team, mailoutbox):
    """Links in e-mails come from SITE_URL, never from a development host and port (issue 24)."""
    from teams import invitations

    settings.SITE_URL = "https://formation.example.org"
    invitations.create_invitation(team, "nouvelle@exemple.fr", invited_by=manager)
    assert "https://formation.example.org/equipes/invitation/" in mailoutbox[-1].body
    assert "127.0.0.1" not in mailoutbox[-1].body
