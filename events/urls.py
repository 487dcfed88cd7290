from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    # Public: coming events, an event's page and its registration form, the receipt, the
    # self-service page the mails link to, and the calendar feed.
    path("erhverv/arrangementer/", views.public_list, name="public_list"),
    path("erhverv/arrangementer/kalender.ics", views.calendar_feed, name="feed"),
    path("erhverv/arrangementer/tilmeld/", views.public_register, name="register"),
    path("erhverv/arrangementer/tak/", views.public_thanks, name="thanks"),
    path("erhverv/arrangementer/tilmelding/<str:token>/", views.manage, name="manage"),
    path("erhverv/arrangementer/<id:event_id>/", views.public_detail, name="public_detail"),
    # Members.
    path("arrangementer/", views.event_list, name="list"),
    path("arrangementer/nyt/", views.event_create, name="create"),
    path("arrangementer/<id:event_id>/", views.event_detail, name="detail"),
    path("arrangementer/<id:event_id>/rediger/", views.event_edit, name="edit"),
    path("arrangementer/<id:event_id>/fremmoede/", views.event_attendance, name="attendance"),
    path("arrangementer/<id:event_id>/aflys/", views.event_cancel, name="cancel"),
    path(
        "arrangementer/tilmeldinger/<id:registration_id>/afmeld/",
        views.registration_cancel,
        name="registration_cancel",
    ),
]
