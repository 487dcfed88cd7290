from django.urls import path

from actions.views import timetable as views

urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("<id:plan_id>/", views.gantt, name="gantt"),
    path("<id:plan_id>/aktiviteter/", views.activity_list, name="activities"),
    path("aktiviteter/<id:activity_id>/", views.activity_detail, name="activity"),
    path("aktiviteter/<id:activity_id>/rediger/", views.activity_edit, name="activity_edit"),
    path(
        "aktiviteter/<id:activity_id>/statusopdateringer/",
        views.status_update_create,
        name="status_update_create",
    ),
]
