"""Logging in and the user's own password: Django's auth views, with Danish messages, DKFDS forms
and Kurs' own templates (the admin keeps Django's).

A password reset link is built from `SITE_URL`, never from the request's Host header, so a
forged Host cannot send a user a link to someone else's site. The reset page answers the same
whether or not the address belongs to a user, so it does not tell who has an account.
"""

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.access import Rule, access
from core.forms import DkfdsFormMixin


class LoginForm(DkfdsFormMixin, auth_forms.AuthenticationForm):
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _("Brugernavn eller adgangskode er forkert."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Skriv dit brugernavn.")
        self.fields["password"].error_messages["required"] = _("Skriv din adgangskode.")


class PasswordChangeForm(DkfdsFormMixin, auth_forms.PasswordChangeForm):
    pass


class PasswordResetForm(DkfdsFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(DkfdsFormMixin, auth_forms.SetPasswordForm):
    pass


@access(Rule.PUBLIC)
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "core/login.html"
    redirect_authenticated_user = True


@access(Rule.LOGIN)
class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "core/password_change.html"
    success_url = reverse_lazy("password_change_done")


@access(Rule.LOGIN)
class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "core/password_change_done.html"


@access(Rule.PUBLIC)
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "core/password_reset.html"
    subject_template_name = "core/emails/password_reset_subject.txt"
    email_template_name = "core/emails/password_reset.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        # Read when the mail is sent, not when the URLs are loaded (settings differ in tests).
        self.extra_email_context = {"site_url": settings.SITE_URL.rstrip("/")}
        return super().form_valid(form)


@access(Rule.PUBLIC)
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "core/password_reset_done.html"


@access(Rule.PUBLIC)
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "core/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


@access(Rule.PUBLIC)
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "core/password_reset_complete.html"
