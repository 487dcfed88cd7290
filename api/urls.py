from django.urls import path

from api import companies  # noqa: F401  (registers /companies before the API's URLs are read)
from api.views import api
from core.access import Rule, declare

# The read API is public as a whole: each endpoint decides per row what the reader sees (adopted
# plans for anyone, drafts and internal fields for members; see api.views). An endpoint with
# another rule is named here by its operation id.
OTHER_RULES = {
    # ninja's root answers 404 to everyone; the OpenAPI description builds its paths from it.
    "api-root": Rule.UNUSED,
    # Open cases name businesses' contact persons: members of the municipality only.
    "list_open_inquiries": Rule.MEMBERS_ONLY,
}
ninja_urls = api.urls
for url in ninja_urls[0]:
    if url.name in OTHER_RULES:
        declare(OTHER_RULES[url.name], url)

urlpatterns = [declare(Rule.PUBLIC, path("", ninja_urls))]
