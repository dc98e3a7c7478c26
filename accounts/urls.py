from django.urls import path

from . import views

urlpatterns = [
    path("profil/", views.account, name="account_profile"),
    path("mes-donnees/", views.download_data, name="account_download_data"),
    path("supprimer/", views.delete_account, name="account_delete"),
    path("langue/", views.switch_language, name="switch_language"),
    path("bienvenue/<str:token>/", views.welcome, name="account_welcome"),
]
