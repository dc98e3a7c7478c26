from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core import myspace


@login_required
def my_space(request):
    """ "Mon espace": each app contributes its own section (courses, cases, journal, team...)."""
    context = {"sections": myspace.sections_for(request), "cache_timeout": myspace.TIMEOUT}
    return render(request, "home/my_space.html", context)
