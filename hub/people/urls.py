from django.urls import path

from hub.people import views

app_name = "people"

urlpatterns = [
    path("community/", views.directory, name="directory"),
    path("members/<str:username>/", views.member_detail, name="member"),
    path("members/<str:username>/write/", views.member_contact, name="contact"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("accounts/profile/", views.profile_edit, name="profile_edit"),
]
