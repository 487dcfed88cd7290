from django.urls import path

from imports import views

app_name = "library"
urlpatterns = [
    path("", views.library, name="search"),
    path("<str:code>/<id:document_import_id>/", views.library_document, name="document"),
]
