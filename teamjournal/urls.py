"""The team journal's pages, under /journal/equipe/ and named in the reflections namespace as before the app was
split out (collectif/urls.py joins both lists under that namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("equipe/", views.team_index, name="team_index"),
    path("equipe/<int:team_id>/nouvelle-seance/", views.session_new, name="team_session_new"),
    path("equipe/seances/<int:pk>/", views.session_detail, name="team_session"),
    path("equipe/seances/<int:pk>/contribuer/", views.contribute, name="team_contribute"),
    path("equipe/seances/<int:pk>/clore/", views.close, name="team_session_close"),
    path("equipe/seances/<int:pk>/export.pdf", views.export_pdf, name="team_export_pdf"),
    path("equipe/seances/<int:pk>/export-markdown.zip", views.export_markdown, name="team_export_markdown"),
    path("equipe/contributions/<int:pk>/masquer/", views.hide, name="team_hide"),
    path("equipe/contributions/<int:pk>/afficher/", views.unhide, name="team_unhide"),
]
