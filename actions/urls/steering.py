from django.urls import path

from actions.views import steering as views

urlpatterns = [
    path("<int:plan_id>/styring/", views.steering, name="steering"),
    path("<int:plan_id>/ressourcer/", views.resources, name="resources"),
]
