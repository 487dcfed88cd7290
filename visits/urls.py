from django.urls import path

from visits import views

app_name = "visits"
urlpatterns = [
    path("besoeg/", views.visit_list, name="list"),
    path("besoeg/tal/", views.rollup_page, name="rollup"),
    path("besoeg/<id:visit_id>/", views.visit_detail, name="detail"),
    path("besoeg/<id:visit_id>/opfoelgning/", views.follow_up_add, name="follow_up_add"),
    path(
        "besoeg/opfoelgning/<id:follow_up_id>/udfoert/",
        views.follow_up_complete,
        name="follow_up_complete",
    ),
    path("virksomheder/<id:company_id>/besoeg/ny/", views.visit_create, name="create"),
]
