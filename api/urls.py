from django.urls import path

from api import companies  # noqa: F401  (registers /companies before the API's URLs are read)
from api.views import api
from core.access import Rule, declare

# The read API is public as a whole: each endpoint decides per row what the reader sees (adopted
# plans for anyone, drafts and internal fields for members; see api.views). An endpoint with
# another rule would be mounted on its own NinjaAPI, with its own declaration.
ninja_urls = api.urls
for url in ninja_urls[0]:
    if url.name == "api-root":
        # ninja's root answers 404 to everyone; the OpenAPI description builds its paths from it.
        declare(Rule.UNUSED, url)

urlpatterns = [declare(Rule.PUBLIC, path("", ninja_urls))]
