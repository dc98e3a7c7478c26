from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:page_id>/commencer/", views.start, name="start"),
    path("tentatives/<int:attempt_id>/", views.play_attempt, name="play"),
    path("tentatives/<int:attempt_id>/bilan/", views.debrief, name="debrief"),
    path("<int:page_id>/rapport/", views.report_view, name="report"),
    path("<int:page_id>/rapport.csv", views.report_csv, name="report_csv"),
]
