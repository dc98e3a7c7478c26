from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.health import health
from courses.views import catalogue
from home.search import search
from home.views import my_space
from reflections import urls as reflections_urls
from teamjournal import urls as teamjournal_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comptes/", include("allauth.urls")),
    path("compte/", include("accounts.urls")),
    path("compte/", login_required(RedirectView.as_view(pattern_name="account_profile")), name="account_home"),
    path("mon-espace/", my_space, name="my_space"),
    path("recherche/", search, name="search"),
    path("sante/", health, name="health"),
    # The team journal, its own app since, keeps its addresses and names in the journal's namespace.
    path("journal/", include((reflections_urls.urlpatterns + teamjournal_urls.urlpatterns, "reflections"))),
    path("cas-pratiques/", include("cases.urls")),
    path("apprentissage/", include("courses.urls")),
    # Named entry for the main navigation; the catalogue stays a Wagtail page served at the same address.
    path("formations/", catalogue, name="catalogue"),
    path("", include("teams.urls")),
    path("h5p/", include("h5p.urls")),
    path("scorm/", include("scorm.urls")),
    path("evaluations/", include("quizzes.urls")),
    path("seance/", include("debrief.urls")),
    path("lti/", include("lti.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it catches every remaining path.
urlpatterns += [path("", include(wagtail_urls))]
handler500 = "core.outage.server_error_or_unavailable"
