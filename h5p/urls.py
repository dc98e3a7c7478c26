from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("<int:pk>/", views.activity, name="activity"),
    path("<int:pk>/lecteur/", views.player, name="player"),
    path("<int:pk>/declarations/", views.statements, name="statements"),
    path("contenus/<int:pk>/", views.activity, name="content_root"),
    path("contenus/<int:pk>/<path:path>", views.content_file, name="content_file"),
    path("bibliotheques/", views.activity_libraries_root, name="libraries_root"),
    path("bibliotheques/<str:folder>/<path:path>", views.library_file, name="library_file"),
]
