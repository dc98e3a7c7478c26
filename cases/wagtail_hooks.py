"""Admin entry points for cases: the reasoning report from a case's listing and header menus."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .access import may_open_report
from .models import CasePage


def _report_button(page, user, priority):
    if isinstance(page.specific_deferred, CasePage) and may_open_report(user, page):
        yield Button(
            _("Rapport de raisonnement"),
            url=reverse("cases:report", args=[page.pk]),
            icon_name="table",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def case_listing_buttons(page, user, next_url=None):
    yield from _report_button(page, user, priority=60)


@hooks.register("register_page_header_buttons")
def case_header_buttons(page, user, view_name, next_url=None):
    yield from _report_button(page, user, priority=60)


def _warn_about_cues(request, page):
    """After saving or publishing a case: the cues that let learners guess (longest label, no consequence)."""
    from django.contrib import messages

    from .graph import authoring_warnings, graph_from_stream

    if not isinstance(page.specific_deferred, CasePage):
        return
    for warning in authoring_warnings(graph_from_stream(page.specific.nodes)):
        messages.warning(request, warning)


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn_about_cues(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn_about_cues(request, page)
