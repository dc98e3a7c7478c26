"""Learners' own certificates and evidence; the public verification page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from courses.models import CoursePage
from progress.api import is_enrolled

from .. import certificates
from ..evidence import format_minutes
from ..models import Certificate, TrainingProviderSettings
from ..pdf import certificate_pdf
from .dashboard import evidence_response, refused


@login_required
def download(request, code):
    certificate = get_object_or_404(Certificate, code=code, user=request.user, kind=Certificate.Kind.ATTESTATION)
    provider = TrainingProviderSettings.for_request(request)
    pdf = certificate_pdf(certificate, certificates.verification_url(certificate), provider)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="attestation-{certificate.code}.pdf"'
    return response


@login_required
def issue_and_download(request, course_id):
    """From "Mon espace": the attestation de fin de formation of a completed module, issued on first request if
    needed; before completion, a page says why it is refused (no PDF)."""
    course = get_object_or_404(CoursePage, pk=course_id)
    if not is_enrolled(request.user, course):
        raise Http404
    certificate = certificates.issue(request.user, course)
    if certificate is None:
        return refused(request, certificates.attestation_refusal(request.user, course), course)
    return download(request, certificate.code)


@login_required
def own_evidence(request, course_id, fmt):
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    course = get_object_or_404(CoursePage, pk=course_id)
    if not is_enrolled(request.user, course):
        raise Http404
    return evidence_response(request.user, course, fmt, request=request)


@require_http_methods(["GET"])
def verify(request, code=None):
    """Public: confirms that a code belongs to a real document and what it states (learner's name, module, dates,
    duration); never the e-mail address or anything else about the learner."""
    code = (code or request.GET.get("code", "")).strip().upper()
    certificate = Certificate.objects.filter(code=code).first() if code else None
    status = 200 if certificate or not code else 404
    provider = TrainingProviderSettings.for_request(request)
    return render(
        request,
        "teams/certificate_verify.html",
        {
            "certificate": certificate,
            "code": code,
            "provider": provider,
            "duration": format_minutes(certificate.duration_minutes * 60) if certificate else "",
        },
        status=status,
    )
