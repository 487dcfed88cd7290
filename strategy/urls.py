from django.urls import path

from strategy import views

app_name = "strategy"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("planer/", views.plan_list, name="plans"),
    path("planer/<id:plan_id>/", views.plan_detail, name="plan"),
    path("planer/<id:plan_id>/dokument/", views.plan_document, name="plan_document"),
    path("maal/<id:goal_id>/", views.goal_detail, name="goal"),
    path("maal/<id:goal_id>/rediger/", views.goal_edit, name="goal_edit"),
    path("maal/<id:goal_id>/maalinger/", views.measurement_create, name="measurement_create"),
]
