from django.conf import settings
from django.conf.urls.static import static
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from core.admin import admin_site
from core.ids import IdConverter

# Before the apps' URLs are included: they use `<id:…>` for every primary key.
register_converter(IdConverter, "id")

urlpatterns = [
    path("admin/", admin_site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="core/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/v1/", include("api.urls")),
    path("", include("core.urls")),
    path("k/<str:code>/", include("strategy.urls")),
    path("k/<str:code>/handleplaner/", include("actions.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
