from django.urls import path

from . import sso, views

urlpatterns = [
    path("profil/", views.account, name="account_profile"),
    path("mes-donnees/", views.download_data, name="account_download_data"),
    path("supprimer/", views.delete_account, name="account_delete"),
    path("langue/", views.switch_language, name="switch_language"),
    path("relier/", sso.link_account, name="account_sso_link"),
    path("bienvenue/<str:token>/", views.welcome, name="account_welcome"),
]
