"""Certificates as an organisme de formation issues them (issue 24, item 2): the organisation's legal identity,
the realised duration, the completion rule, and the public verification by code or QR code."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from accounts.permissions import Role
from courses.completion import course_lessons
from progress.api import enrol, record_heartbeat
from progress.models import Enrolment
from teams import certificates
from teams.evidence import course_records
from teams.models import Certificate, TrainingProviderSettings
from teams.models.provider import validate_siret
from teams.pdf import qr_drawing
from tests.factories import complete_lessons, make_team, make_user

pytestmark = pytest.mark.django_db

SIRET = "12345678200010"  # fictitious, Luhn-valid
NDA = "11755555575"


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def flat(text):
    return " ".join(text.split())


@pytest.fixture
def provider(db):
    setting = TrainingProviderSettings.for_site(Site.objects.get(is_default_site=True))
    setting.legal_name = "Institut Régional du Travail Social Démo"
    setting.siret = SIRET
    setting.activity_declaration_number = NDA
    setting.activity_declaration_region = "Occitanie"
    setting.address = "12 rue des Écoles\n31000 Toulouse"
    setting.city = "Toulouse"
    setting.qualiopi_certificate_number = "QUA-2026-0042"
    setting.signatory_name = "Claire Dumas"
    setting.signatory_role = "Directrice"
    setting.signature = get_image_model().objects.create(title="Signature", file=get_test_image_file())
    setting.full_clean()
    setting.save()
    return setting


@pytest.fixture
def named_learner(learner):
    learner.first_name, learner.last_name = "Camille", "Lefèvre"
    learner.save()
    return learner


def spend(user, course, minutes):
    """Heartbeats every 30 s on the first lesson: the time record the certificat de réalisation reads."""
    lesson = course_lessons(course).first()
    start = timezone.now() - timedelta(hours=2)
    for beat in range(minutes * 2 + 1):
        record_heartbeat(user, lesson, now=start + timedelta(seconds=30 * beat))


# --- Certificat de réalisation ----------------------------------------------------------------------------------


def test_no_certificat_de_realisation_when_nothing_was_realised(client, named_learner, course, provider):
    enrol(named_learner, course)
    client.force_login(named_learner)
    response = client.get(reverse("teams:own_evidence", args=[course.pk, "pdf"]))
    assert response.status_code == 409
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Aucun certificat de réalisation ne peut être établi" in html and "0 minute" in html
    assert not Certificate.objects.filter(kind=Certificate.Kind.REALISATION).exists()


def test_manager_is_refused_too_when_nothing_was_realised(client, manager, named_learner, course, provider):
    from teams.assigning import assign_courses

    team = make_team(manager=manager, members=[named_learner])
    assign_courses(team, [course], timezone.localdate() + timedelta(days=5))
    enrol(named_learner, course)
    client.force_login(manager)
    response = client.get(reverse("teams:member_evidence", args=[team.pk, named_learner.pk, course.pk, "pdf"]))
    assert response.status_code == 409 and "0 minute enregistrée" in response.content.decode()


def test_refusal_rule_reads_the_time_record(named_learner, course):
    enrol(named_learner, course)
    record = course_records(named_learner, [course])[0]
    assert certificates.realisation_refusal(record)
    spend(named_learner, course, minutes=2)
    record = course_records(named_learner, [course])[0]
    assert record.minutes == 2 and certificates.realisation_refusal(record) is None


def test_certificat_de_realisation_carries_identifiers_duration_and_code(client, named_learner, course, provider):
    make_team(organisation="CCAS d'Ormelande", members=[named_learner])
    enrol(named_learner, course)
    spend(named_learner, course, minutes=50)
    client.force_login(named_learner)
    response = client.get(reverse("teams:own_evidence", args=[course.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    certificate = Certificate.objects.get(user=named_learner, kind=Certificate.Kind.REALISATION)
    assert certificate.duration_minutes == 50
    text = flat(pdf_text(response.content))
    # The organisation's identifiers.
    identifiers = ("Institut Régional du Travail Social Démo", SIRET, NDA, "QUA-2026-0042", "Claire Dumas, Directrice")
    for expected in identifiers:
        assert expected in text, expected
    assert "Cet enregistrement ne vaut pas agrément de l'État" in text
    # The official model's headings, the learner, the employer and the realised duration.
    assert "Certificat de réalisation" in text
    assert "représentant légal du dispensateur de l'action concourant au développement des compétences" in text
    assert "Camille Lefèvre" in text and "salarié(e) de l'entreprise CCAS d'Ormelande" in text
    assert "a suivi l'action « Mener un diagnostic partagé »" in text
    assert "Nature de l'action concourant au développement des compétences" in text
    assert "pour une durée réalisée de 50 min" in text
    assert "Fait à Toulouse" in text
    # The verification code and the page the QR code points to.
    assert certificate.code in text
    assert reverse("teams:certificate_verify", args=[certificate.code]) in text.replace(" ", "")
    # The same realised duration gives the same document (and code); more time, a new one.
    client.get(reverse("teams:own_evidence", args=[course.pk, "pdf"]))
    assert Certificate.objects.filter(user=named_learner, kind=Certificate.Kind.REALISATION).count() == 1


def test_qr_code_encodes_the_verification_url():
    url = "https://collectif.example/certificats/verifier/ABCD-EFGH-JKLM/"
    widget = qr_drawing(url).contents[0]
    assert widget.value == url


# --- Attestation de fin de formation ----------------------------------------------------------------------------


def test_attestation_refused_before_completion(client, named_learner, course, provider):
    enrol(named_learner, course)
    complete_lessons(named_learner, course, count=1)
    # Even an enrolment marked completed by other means does not open it: the module's completion rule decides.
    Enrolment.objects.filter(user=named_learner, course=course).update(completed_at=timezone.now())
    client.force_login(named_learner)
    response = client.get(reverse("teams:certificate_for_course", args=[course.pk]))
    assert response.status_code == 409 and response["Content-Type"].startswith("text/html")
    assert "une fois le module « Mener un diagnostic partagé » terminé" in response.content.decode()
    assert certificates.issue(named_learner, course) is None
    assert not Certificate.objects.exists()


def test_attestation_not_found_when_not_enrolled(client, other_learner, course):
    client.force_login(other_learner)
    assert client.get(reverse("teams:certificate_for_course", args=[course.pk])).status_code == 404


def test_attestation_issued_on_completion_carries_identifiers_and_code(
    client, named_learner, course, provider, django_capture_on_commit_callbacks
):
    enrol(named_learner, course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lessons(named_learner, course)
    certificate = Certificate.objects.get(user=named_learner, kind=Certificate.Kind.ATTESTATION)
    client.force_login(named_learner)
    response = client.get(reverse("teams:certificate_download", args=[certificate.code]))
    text = flat(pdf_text(response.content))
    assert "Attestation de fin de formation" in text and "Camille Lefèvre" in text
    assert "Objectifs Mener un diagnostic partagé." in text  # the module's objectives (article L. 6353-1)
    assert SIRET in text and NDA in text and "Institut Régional du Travail Social Démo" in text
    assert certificate.code in text


# --- Public verification ----------------------------------------------------------------------------------------


def test_verification_page_confirms_a_real_code_and_rejects_an_unknown_one(client, named_learner, course, provider):
    enrol(named_learner, course)
    spend(named_learner, course, minutes=75)
    record = course_records(named_learner, [course])[0]
    certificate = certificates.issue_realisation(named_learner, record)
    page = client.get(reverse("teams:certificate_verify", args=[certificate.code]))
    html = page.content.decode()
    assert page.status_code == 200 and "authentique" in html
    assert "Camille Lefèvre" in html and "Mener un diagnostic partagé" in html and "1 h 15 min" in html
    assert "certificat de réalisation" in html.lower() and SIRET in html
    assert named_learner.email not in html
    unknown = client.get(reverse("teams:certificate_verify", args=["ZZZZ-ZZZZ-ZZZZ"]))
    assert unknown.status_code == 404 and "Code inconnu" in unknown.content.decode()
    by_form = client.get(reverse("teams:certificate_verify_form"), {"code": certificate.code.lower()})
    assert by_form.status_code == 200 and "authentique" in by_form.content.decode()


# --- The organisation's legal identity --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("12345678901234", "clé de contrôle (algorithme de Luhn)"),
        ("1234 5678 2000", "exactement 14 chiffres"),
        ("1234567820001A", "exactement 14 chiffres"),
    ],
)
def test_siret_validation_error_in_french(value, message):
    with pytest.raises(ValidationError) as error:
        validate_siret(value)
    assert message in error.value.messages[0]


def test_valid_siret_passes():
    validate_siret(SIRET)
    validate_siret("35600000000010")  # La Poste: the sum of the digits is a multiple of 5 instead of Luhn


def test_administrators_edit_the_identity_in_the_admin_and_see_the_siret_error(client, admin_user, trainer):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["teams", "trainingprovidersettings", site.pk])
    client.force_login(trainer)
    assert client.get(url).status_code in (302, 403)
    administrator = make_user(Role.ADMIN, display_name="Admin sans superutilisateur")
    client.force_login(administrator)
    assert client.get(url).status_code == 200
    client.force_login(admin_user)
    data = {
        "legal_name": "Institut Démo",
        "siret": "12345678901234",
        "activity_declaration_number": "123",
        "qualiopi_mention": "",
    }
    response = client.post(url, data)
    html = response.content.decode()
    assert "clé de contrôle (algorithme de Luhn)" in html
    assert "exactement 11 chiffres" in html
    assert client.post(url, {**data, "siret": SIRET, "activity_declaration_number": NDA}).status_code == 302
    assert TrainingProviderSettings.for_site(site).siret == SIRET
