"""Absolute links for places without a request (e-mails, PDFs, tasks): always from the configured SITE_URL, never
from a host a request happened to carry."""

from django.conf import settings


def absolute_url(path):
    return settings.SITE_URL + path
