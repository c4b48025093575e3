from django.urls import path

from hub.events import views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/past/", views.event_list, {"when": "past"}, name="past"),
    path("events/calendar/", views.event_month, name="month"),
    path("events/submit/", views.event_submit, name="submit"),
    path("events/time-zone/", views.time_zone_choice, name="time_zone"),
    path("events/map/", views.map_json, name="map"),
    path("events/<slug:slug>.ics", views.event_ics, name="ics"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
]
