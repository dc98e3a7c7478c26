from django.urls import path

from .views import certificates, dashboard, invitation, manage, members, preferences

app_name = "teams"

urlpatterns = [
    path("equipes/", dashboard.index, name="index"),
    path("equipes/<int:team_id>/", dashboard.dashboard, name="dashboard"),
    path("equipes/<int:team_id>/export.<str:fmt>", dashboard.matrix_export, name="matrix_export"),
    path("equipes/<int:team_id>/inviter/", manage.invite, name="invite"),
    path("equipes/<int:team_id>/importer/", manage.import_members, name="import"),
    path("equipes/<int:team_id>/affecter/", manage.assign, name="assign"),
    path("equipes/<int:team_id>/affectations/<int:assignment_id>/relancer/", manage.remind, name="remind"),
    path("equipes/<int:team_id>/membres/", members.member_list, name="members"),
    path("equipes/<int:team_id>/diplome/", members.set_diploma, name="diploma"),
    path("equipes/<int:team_id>/membres/<int:membership_id>/retirer/", members.remove_member, name="remove_member"),
    path("equipes/<int:team_id>/membres/<int:user_id>/", dashboard.member_detail, name="member"),
    path("equipes/<int:team_id>/membres/<int:user_id>/export.<str:fmt>", dashboard.member_export, name="member_export"),
    path(
        "equipes/<int:team_id>/membres/<int:user_id>/modules/<int:course_id>/realisation.<str:fmt>",
        dashboard.member_evidence,
        name="member_evidence",
    ),
    path("equipes/invitation/<str:token>/", invitation.accept_invitation, name="invitation"),
    path("compte/notifications/", preferences.preferences, name="preferences"),
    path("certificats/<str:code>.pdf", certificates.download, name="certificate_download"),
    path("certificats/module/<int:course_id>/", certificates.issue_and_download, name="certificate_for_course"),
    path("certificats/module/<int:course_id>/realisation.<str:fmt>", certificates.own_evidence, name="own_evidence"),
    path("certificats/verifier/", certificates.verify, name="certificate_verify_form"),
    path("certificats/verifier/<str:code>/", certificates.verify, name="certificate_verify"),
]
