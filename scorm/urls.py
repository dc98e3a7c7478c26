from django.urls import path

from . import views

app_name = "scorm"

# The module's files live under a signed token (see player_tokens): the sandboxed module has no session.
urlpatterns = [
    path("<int:pk>/", views.activity, name="activity"),
    path("<int:pk>/enregistrer/", views.commit, name="commit"),
    path("lecteur/<str:token>/<path:path>", views.player_file, name="player_file"),
]
