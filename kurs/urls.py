from django.urls import include, path

from core.access import Rule, declare
from core.admin import admin_site

# No route serves MEDIA_ROOT, not even with DEBUG on: uploaded plan documents are fetched through
# strategy.views.plan_document, which applies the plan's rules. Each pattern declares who may open
# it (core.access); the admin declares its own rules (core.admin.KursAdminSite.get_urls).
urlpatterns = [
    path("admin/", admin_site.urls),
    # Django's language switch: a cookie and a redirect, for anyone.
    declare(Rule.PUBLIC, path("i18n/", include("django.conf.urls.i18n"))),
    path("api/v1/", include("api.urls")),
    path("", include("core.urls")),
    path("offentlig/", include("transparency.urls")),
    path("k/<str:code>/", include("strategy.urls")),
    path("k/<str:code>/handleplaner/", include("actions.urls")),
    path("k/<str:code>/virksomheder/", include("businesses.urls")),
    path("k/<str:code>/", include("inquiries.urls")),
    path("k/<str:code>/statistik/", include("officialstats.urls")),
    path("k/<str:code>/rapporter/", include("reports.urls")),
    path("k/<str:code>/", include("visits.urls")),
    path("k/<str:code>/", include("contacts.urls")),
    path("k/<str:code>/", include("events.urls")),
    path("k/<str:code>/indlaesning/", include("imports.urls")),
    path("bibliotek/", include("imports.library_urls")),
    path("k/<str:code>/", include("forum.urls")),
    path("k/<str:code>/", include("newsletter.urls")),
    path("k/<str:code>/partnere/", include("partnerships.urls")),
    path("k/<str:code>/udbud/", include("procurement.urls")),
    path("k/<str:code>/erhverv/udbud/", include("procurement.public_urls")),
    path("k/<str:code>/", include("outreach.urls")),
]
