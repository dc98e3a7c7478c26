from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import is_manager

from ..forms import PreferenceForm
from ..models import NotificationPreference


@login_required
def preferences(request):
    """Reminders on or off (every learner); the weekly summary (managers)."""
    pref, _created = NotificationPreference.objects.get_or_create(user=request.user)
    form = PreferenceForm(request.POST if request.method == "POST" else None, instance=pref)
    if not is_manager(request.user):
        del form.fields["weekly_summary"]
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Vos préférences de notification sont enregistrées."))
        return redirect("teams:preferences")
    return render(request, "teams/preferences.html", {"form": form})
