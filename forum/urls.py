from django.urls import path

from forum import views

app_name = "forum"
urlpatterns = [
    # Public: proposing themes, "you said, we did" and following an idea.
    path("erhverv/erhvervsforum/temaer/", views.themes, name="themes"),
    path("erhverv/erhvervsforum/sagt-gjort/", views.chains, name="chains"),
    path("erhverv/erhvervsforum/sagt-gjort/<id:idea_id>/", views.chain, name="chain"),
    path("erhverv/erhvervsforum/foelg/", views.follow, name="follow"),
    path("erhverv/erhvervsforum/foelg/bekraeft/", views.follow_confirm, name="follow_confirm"),
    path(
        "erhverv/erhvervsforum/foelg/afmeld/", views.follow_unsubscribe, name="follow_unsubscribe"
    ),
    # Members: the forum, its meetings and follow-ups, ideas and their chain.
    path("erhvervsforum/", views.forum_home, name="home"),
    path("erhvervsforum/kommissorium/", views.forum_edit, name="forum_edit"),
    path("erhvervsforum/moeder/ny/", views.meeting_create, name="meeting_create"),
    path("erhvervsforum/moeder/<id:meeting_id>/", views.meeting, name="meeting"),
    path("erhvervsforum/moeder/<id:meeting_id>/rediger/", views.meeting_edit, name="meeting_edit"),
    path(
        "erhvervsforum/moeder/<id:meeting_id>/deltagere/",
        views.participant_add,
        name="participant_add",
    ),
    path(
        "erhvervsforum/moeder/<id:meeting_id>/deltagere/fjern/",
        views.participant_remove,
        name="participant_remove",
    ),
    path("erhvervsforum/moeder/<id:meeting_id>/fremmoede/", views.attendance, name="attendance"),
    path("erhvervsforum/moeder/<id:meeting_id>/afslut/", views.meeting_close, name="meeting_close"),
    path("erhvervsforum/opfoelgning/", views.follow_up_list, name="follow_ups"),
    path("erhvervsforum/opfoelgning/<id:forum_follow_up_id>/", views.follow_up, name="follow_up"),
    path(
        "erhvervsforum/opfoelgning/<id:forum_follow_up_id>/rediger/",
        views.follow_up_edit,
        name="follow_up_edit",
    ),
    path(
        "erhvervsforum/opfoelgning/<id:forum_follow_up_id>/udfoert/",
        views.follow_up_done,
        name="follow_up_done",
    ),
    path(
        "erhvervsforum/opfoelgning/<id:forum_follow_up_id>/send/",
        views.follow_up_send,
        name="follow_up_send",
    ),
    path("erhvervsforum/ideer/", views.idea_list, name="ideas"),
    path("erhvervsforum/ideer/ny/", views.idea_create, name="idea_create"),
    path("erhvervsforum/ideer/<id:idea_id>/", views.idea, name="idea"),
    path("erhvervsforum/ideer/<id:idea_id>/vurdering/", views.idea_review, name="idea_review"),
    path("erhvervsforum/ideer/<id:idea_id>/beslutning/", views.idea_decision, name="idea_decision"),
    path("erhvervsforum/ideer/<id:idea_id>/kobling/", views.idea_link, name="idea_link"),
    path("erhvervsforum/ideer/<id:idea_id>/trin/", views.idea_stage, name="idea_stage"),
]
