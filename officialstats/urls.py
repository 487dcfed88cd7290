from django.urls import path

from officialstats import views

app_name = "officialstats"
urlpatterns = [
    path("", views.series_list, name="series"),
    path("ny/", views.series_create, name="series_create"),
    path("<id:series_id>/hent/", views.series_fetch, name="series_fetch"),
]
