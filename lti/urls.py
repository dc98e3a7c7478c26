from django.urls import path

from . import roster_views, views

app_name = "lti"

urlpatterns = [
    path("jwks/", views.jwks, name="jwks"),
    path("login/", views.oidc_login, name="login"),
    path("launch/", views.launch, name="launch"),
    path("contenus/", views.deep_link, name="deep_link"),
    path("equipes/<int:team_id>/importer/", roster_views.import_roster, name="team_import"),
]
