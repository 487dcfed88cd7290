from django.urls import path

from procurement import views

app_name = "procurement"
urlpatterns = [
    path("", views.tender_list, name="list"),
    path("ny/", views.tender_create, name="create"),
    path("<id:tender_id>/", views.tender_detail, name="detail"),
    path("<id:tender_id>/ret/", views.tender_edit, name="edit"),
    path("<id:tender_id>/udbyd/", views.publish, name="publish"),
    path("<id:tender_id>/moeder/ny/", views.meeting_add, name="meeting_add"),
    path("<id:tender_id>/tilbud/nyt/", views.bid_add, name="bid_add"),
    path("<id:tender_id>/tildel/", views.award, name="award"),
    path("<id:tender_id>/afslut/", views.close, name="close"),
    path("tilbud/<id:bid_id>/begrundelse/", views.debrief, name="debrief"),
]
