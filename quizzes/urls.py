from django.urls import path

from .views import taking, trainer

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/commencer/", taking.start, name="start"),
    path("tentatives/<int:attempt_id>/", taking.attempt_view, name="attempt"),
    path("tentatives/<int:attempt_id>/resultats/", taking.result, name="result"),
    path("gestion/", trainer.trainer_list, name="trainer_list"),
    path("gestion/<int:quiz_id>/", trainer.trainer_report, name="trainer_report"),
    path("gestion/<int:quiz_id>/resultats.csv", trainer.report_csv, name="report_csv"),
    path("gestion/<int:quiz_id>/resultats.xlsx", trainer.report_xlsx, name="report_xlsx"),
    path("gestion/<int:quiz_id>/analyse-des-questions.csv", trainer.item_analysis_csv, name="item_analysis_csv"),
    path("gestion/import-moodle/", trainer.moodle_import, name="moodle_import"),
    path("gestion/export-moodle.xml", trainer.moodle_export, name="moodle_export"),
]
