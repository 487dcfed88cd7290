from django.contrib.auth import views as auth_views
from django.urls import path

from core import accounts, views
from core.access import Rule, access

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("k/<str:code>/dialog/", views.dialogue, name="dialogue"),
    path("k/<str:code>/persondata/", views.personal_data, name="personal_data"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", access(Rule.PUBLIC)(auth_views.LogoutView.as_view()), name="logout"),
    path("adgangskode/skift/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path(
        "adgangskode/skift/faerdig/",
        accounts.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("adgangskode/glemt/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "adgangskode/glemt/sendt/",
        accounts.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "adgangskode/ny/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "adgangskode/ny/faerdig/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
