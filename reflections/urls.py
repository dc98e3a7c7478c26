from django.urls import path

from . import views, views_team

app_name = "reflections"

urlpatterns = [
    path("", views.journal, name="journal"),
    path("nouvelle/", views.new, name="new"),
    path("brouillon/", views.autosave, name="autosave_new"),
    path("partages/", views.shared, name="shared"),
    path("export/journal.pdf", views.export_pdf, name="export_pdf"),
    path("export/journal-markdown.zip", views.export_markdown, name="export_markdown"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/brouillon/", views.autosave, name="autosave"),
    path("<int:pk>/retour/", views.feedback, name="feedback"),
    path("<int:pk>/partager/", views.share, name="share"),
    path("<int:pk>/ne-plus-partager/", views.unshare, name="unshare"),
    path("<int:pk>/supprimer/", views.delete, name="delete"),
]

# The team journal (analyse de pratiques): see views_team.py and team_access.py.
urlpatterns += [
    path("equipe/", views_team.team_index, name="team_index"),
    path("equipe/<int:team_id>/nouvelle-seance/", views_team.session_new, name="team_session_new"),
    path("equipe/seances/<int:pk>/", views_team.session_detail, name="team_session"),
    path("equipe/seances/<int:pk>/contribuer/", views_team.contribute, name="team_contribute"),
    path("equipe/seances/<int:pk>/clore/", views_team.close, name="team_session_close"),
    path("equipe/seances/<int:pk>/export.pdf", views_team.export_pdf, name="team_export_pdf"),
    path("equipe/seances/<int:pk>/export-markdown.zip", views_team.export_markdown, name="team_export_markdown"),
    path("equipe/contributions/<int:pk>/masquer/", views_team.hide, name="team_hide"),
    path("equipe/contributions/<int:pk>/afficher/", views_team.unhide, name="team_unhide"),
]
