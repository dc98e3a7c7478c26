"""Learners' own certificates and evidence; the public verification page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from courses.models import CoursePage
from progress.api import is_enrolled

from .. import certificates
from ..models import Certificate
from ..pdf import certificate_pdf
from .dashboard import evidence_response


@login_required
def download(request, code):
    certificate = get_object_or_404(Certificate, code=code, user=request.user)
    pdf = certificate_pdf(certificate, certificates.verification_url(certificate))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificat-{certificate.code}.pdf"'
    return response


@login_required
def issue_and_download(request, course_id):
    """From "Mon espace": the certificate of a completed course, issued on first request if needed."""
    course = get_object_or_404(CoursePage, pk=course_id)
    certificate = certificates.issue(request.user, course)
    if certificate is None:
        raise Http404
    return download(request, certificate.code)


@login_required
def own_evidence(request, course_id, fmt):
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    course = get_object_or_404(CoursePage, pk=course_id)
    if not is_enrolled(request.user, course):
        raise Http404
    return evidence_response(request.user, course, fmt)


@require_http_methods(["GET"])
def verify(request, code=None):
    """Public: confirms that a code belongs to a real certificate, and shows nothing else about the learner."""
    code = (code or request.GET.get("code", "")).strip().upper()
    certificate = Certificate.objects.filter(code=code).first() if code else None
    status = 200 if certificate or not code else 404
    return render(request, "teams/certificate_verify.html", {"certificate": certificate, "code": code}, status=status)
