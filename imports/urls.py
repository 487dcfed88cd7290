from django.urls import path

from imports import views

app_name = "imports"
urlpatterns = [
    path("", views.import_list, name="list"),
    path("ny/", views.upload, name="upload"),
    path("<id:document_import_id>/", views.review, name="review"),
    path(
        "<id:document_import_id>/forslag/<id:proposal_id>/",
        views.proposal_decide,
        name="decide",
    ),
    path(
        "<id:document_import_id>/godkend-resten/",
        views.accept_remaining,
        name="accept_remaining",
    ),
    path("<id:document_import_id>/opret-plan/", views.create_plan, name="create_plan"),
]
