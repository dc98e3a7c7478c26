from django.urls import path

from . import views

app_name = "h5p"

# The player and its files live under a signed token (see player_tokens): the sandboxed player has no session.
urlpatterns = [
    path("<int:pk>/", views.activity, name="activity"),
    path("<int:pk>/declarations/", views.statements, name="statements"),
    path("lecteur/<str:token>/", views.player, name="player"),
    path("lecteur/<str:token>/contenu/", views.folder_root, name="content_root"),
    path("lecteur/<str:token>/contenu/<path:path>", views.content_file, name="content_file"),
    path("lecteur/<str:token>/bibliotheques/", views.folder_root, name="libraries_root"),
    path("lecteur/<str:token>/bibliotheques/<str:folder>/<path:path>", views.library_file, name="library_file"),
]
