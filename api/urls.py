from django.urls import path

from api import companies  # noqa: F401  (registers /companies before the API's URLs are read)
from api.views import api

urlpatterns = [path("", api.urls)]
