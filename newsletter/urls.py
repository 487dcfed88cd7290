from django.urls import path

from newsletter import views

app_name = "newsletter"
urlpatterns = [
    # Public: sign up, confirm, unsubscribe (tokens in the query string, never in the path).
    path("erhverv/nyhedsbrev/", views.signup, name="signup"),
    path("erhverv/nyhedsbrev/tak/", views.thanks, name="thanks"),
    path("erhverv/nyhedsbrev/bekraeft/", views.confirm, name="confirm"),
    path("erhverv/nyhedsbrev/afmeld/", views.unsubscribe, name="unsubscribe"),
    # Members: lists, issues, sending; personal data.
    path("nyhedsbrev/", views.overview, name="overview"),
    path("nyhedsbrev/ny/", views.issue_create, name="issue_create"),
    path("nyhedsbrev/<id:newsletter_issue_id>/", views.issue_detail, name="issue"),
    path("nyhedsbrev/<id:newsletter_issue_id>/ret/", views.issue_edit, name="issue_edit"),
    path("nyhedsbrev/<id:newsletter_issue_id>/send/", views.issue_send, name="issue_send"),
    path("nyhedsbrev/<id:newsletter_issue_id>/genoptag/", views.issue_resume, name="issue_resume"),
    path(
        "nyhedsbrev/<id:newsletter_issue_id>/status/", views.issue_progress, name="issue_progress"
    ),
]
