"""Wagtail admin hooks of the shared core: the page "Tâches périodiques" (the jobs the worker keeps going, with
their last and next run)."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.permissions import Role, has_role

from . import periodic


def may_see_periodic_jobs(user):
    return has_role(user, Role.ADMIN, Role.LEAD_TRAINER)


def periodic_jobs_view(request):
    if not may_see_periodic_jobs(request.user):
        raise PermissionDenied
    return TemplateResponse(request, "core/periodic_jobs.html", {"rows": periodic.status()})


@hooks.register("register_admin_urls")
def periodic_jobs_urls():
    return [path("taches-periodiques/", periodic_jobs_view, name="periodic_jobs")]


class PeriodicJobsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_periodic_jobs(request.user)


@hooks.register("register_settings_menu_item")
def periodic_jobs_menu_item():
    return PeriodicJobsMenuItem(_("Tâches périodiques"), reverse("periodic_jobs"), icon_name="time", order=900)
