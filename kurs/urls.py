from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path

from core.admin import admin_site

urlpatterns = [
    path("admin/", admin_site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("api.urls")),
    path("", include("core.urls")),
    path("k/<str:code>/", include("strategy.urls")),
    path("k/<str:code>/handleplaner/", include("actions.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
