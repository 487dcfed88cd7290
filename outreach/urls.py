from django.urls import path

from outreach import views

app_name = "outreach"
urlpatterns = [
    path("medieomtale/", views.mentions, name="mentions"),
    path("medieomtale/ny/", views.mention_add, name="mention_add"),
    path("raadgivning/", views.advice, name="advice"),
    path("raadgivning/ny/", views.advice_add, name="advice_add"),
    path(
        "raadgivning/<id:advice_id>/anonymiser/",
        views.advice_anonymise,
        name="advice_anonymise",
    ),
]
