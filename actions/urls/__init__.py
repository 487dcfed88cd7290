"""The actions app's URLs, one module per area so that each stays small."""

from actions.urls import exchange, steering, timetable

app_name = "actions"
urlpatterns = timetable.urlpatterns + steering.urlpatterns + exchange.urlpatterns
