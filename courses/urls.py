from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("modules/<int:course_id>/inscription/", views.enrol, name="enrol"),
    path("modules/<int:course_id>/reprendre/", views.resume, name="resume"),
    path("lecons/<int:lesson_id>/terminer/", views.complete_lesson, name="complete_lesson"),
    path("lecons/<int:lesson_id>/presence/", views.heartbeat, name="heartbeat"),
    path("suivi/<int:enrolment_id>/", views.enrolment_detail, name="enrolment_detail"),
    path("mes-formations/", views.my_courses, name="my_courses"),
]
