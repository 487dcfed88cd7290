from django.urls import include, path

from core.admin import admin_site

# No route serves MEDIA_ROOT, not even with DEBUG on: uploaded plan documents are fetched through
# strategy.views.plan_document, which applies the plan's rules.
urlpatterns = [
    path("admin/", admin_site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("api.urls")),
    path("", include("core.urls")),
    path("k/<str:code>/", include("strategy.urls")),
    path("k/<str:code>/handleplaner/", include("actions.urls")),
    path("k/<str:code>/rapporter/", include("reports.urls")),
]
