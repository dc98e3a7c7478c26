from django.urls import path

from .views import participant, trainer

app_name = "debrief"

urlpatterns = [
    # Public: participants join with the code (guests have no account).
    path("", participant.join, name="join"),
    path("<str:code>/", participant.room, name="room"),
    path("<str:code>/rejoindre/", participant.enter, name="enter"),
    path("<str:code>/voter/", participant.vote, name="vote"),
    path("<str:code>/etat/", participant.state, name="state"),
    # Trainers only.
    path("cas/<int:page_id>/", trainer.case_sessions, name="case_sessions"),
    path("cas/<int:page_id>/lancer/", trainer.launch, name="launch"),
    path("<str:code>/animer/", trainer.presenter, name="presenter"),
    path("<str:code>/animer/etat/", trainer.presenter_state, name="presenter_state"),
    path("<str:code>/bilan/", trainer.summary, name="summary"),
    path("<str:code>/bilan.csv", trainer.summary_csv, name="summary_csv"),
    path("<str:code>/bilan.pdf", trainer.summary_pdf, name="summary_pdf"),
    path("<str:code>/rejouer/", trainer.replay, name="replay"),
]
