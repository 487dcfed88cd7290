from django.urls import path

from actions.views import steering as views

urlpatterns = [
    path("bagud/", views.owners_behind_overview, name="owners_behind"),
    path("<id:plan_id>/styring/", views.steering, name="steering"),
    path("<id:plan_id>/ressourcer/", views.resources, name="resources"),
]
