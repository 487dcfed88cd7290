from django.urls import path

from procurement import views

app_name = "procurement_public"
urlpatterns = [
    path("", views.public_list, name="list"),
    path("interesse/", views.public_interest, name="interest"),
]
