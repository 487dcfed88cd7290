"""Logging in and the user's own password: Django's auth views, with Danish messages, DKFDS forms
and Kurs' own templates (the admin keeps Django's).

A password reset link is built from `SITE_URL`, never from the request's Host header, so a
forged Host cannot send a user a link to someone else's site. The reset page answers the same
whether or not the address belongs to a user, so it does not tell who has an account.

Reset requests are throttled (limits in the settings, defaults in brackets), so Kurs cannot be
made to flood a mailbox or to send mails at a stranger's bidding without end:

- One client address may ask `PASSWORD_RESET_ADDRESS_LIMIT` [5] times an hour; after that the
  form is shown again with an error and status 429. Every request counts, valid or not.
- One e-mail address (lower case) gets at most `PASSWORD_RESET_EMAIL_LIMIT` [3] reset mails an
  hour, whoever asks. Past that the page still says the mail was sent and sends none: an error
  there would tell the asker that the address was asked for before, and the page must answer
  the same whether or not the address has an account. For that reason too the requests for an
  address count alike whether or not it belongs to a user.

Both are counted by `core.ratelimit` (a hash, never the address itself, in the cache) in fixed
windows of an hour.
"""

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core import ratelimit
from core.access import Rule, access
from core.forms import DkfdsFormMixin

RESET_WINDOW = 60 * 60
TOO_MANY_RESETS = _(
    "Der er sendt for mange anmodninger om ny adgangskode fra din adresse. Prøv igen om en time."
)


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


def _may_ask(request) -> bool:
    """Count a reset request from the client's address; whether it is within the hour's limit."""
    return ratelimit.allow(
        request,
        scope="password-reset",
        limit=settings.PASSWORD_RESET_ADDRESS_LIMIT,
        window=RESET_WINDOW,
    )


def _may_mail(email: str) -> bool:
    """Count a reset mail to `email`, known or not; whether it is within the hour's limit."""
    return ratelimit.allow_key(
        email.lower(),
        scope="password-reset-email",
        limit=settings.PASSWORD_RESET_EMAIL_LIMIT,
        window=RESET_WINDOW,
    )


@access(Rule.PUBLIC)
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "core/password_reset.html"
    subject_template_name = "core/emails/password_reset_subject.txt"
    email_template_name = "core/emails/password_reset.txt"
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        if _may_ask(request):
            return super().post(request, *args, **kwargs)
        form = self.get_form()
        form.is_valid()  # add_error needs a cleaned form; the typed address stays in it
        form.add_error(None, TOO_MANY_RESETS)
        return self.render_to_response(self.get_context_data(form=form), status=429)

    def form_valid(self, form):
        if not _may_mail(form.cleaned_data["email"]):
            # The same answer as when a mail is sent (see the module docstring), without the mail.
            return HttpResponseRedirect(self.get_success_url())
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
