from django.urls import path

from hub.accounts import views

app_name = "accounts"

urlpatterns = [
    # In front of allauth's own views at the same addresses (hub/urls.py includes this first).
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("", views.account_home, name="home"),
    path("submissions/", views.my_submissions, name="submissions"),
    path("my-data/", views.my_data, name="my_data"),
    path("delete/", views.account_delete, name="delete"),
]
