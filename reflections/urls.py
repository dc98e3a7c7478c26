from django.urls import path

from . import views

app_name = "reflections"

urlpatterns = [
    path("", views.journal, name="journal"),
    path("nouvelle/", views.new, name="new"),
    path("brouillon/", views.autosave, name="autosave_new"),
    path("jeton/", views.editor_token, name="editor_token"),
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
