from django.urls import path

from transparency import views

app_name = "public"
urlpatterns = [
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("<str:code>/", views.municipality, name="municipality"),
    path("<str:code>/planer/<id:plan_id>/", views.plan, name="plan"),
    path("<str:code>/maal/<id:goal_id>/", views.goal, name="goal"),
]
