from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext


class ContentSecurityPolicyMiddleware:
    """A strict Content-Security-Policy: no inline script, nothing from other hosts."""

    POLICY = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/") and not request.path.startswith("/api/"):
            response.setdefault("Content-Security-Policy", self.POLICY)
        return response


class DanishFirstMiddleware:
    """Danish unless the user picked English with the language switcher (a cookie).

    A municipality's screens are Danish; a browser's Accept-Language header (often English on
    office PCs) must not switch them, so it is dropped before LocaleMiddleware reads it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on every answer to a logged-in user.

    Pages behind the login show a municipality's internal data, which must not stay in a shared
    proxy's cache nor in the browser's after logging out. A view that sets its own policy (the
    public calendar feed of an adopted plan may be cached for an hour) keeps it. Anonymous users
    only ever get public answers or a redirect to the login page, so theirs are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control") and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RejectNullCharactersMiddleware:
    """Answer 400 to a page address whose path or query string holds a NUL character (%00).

    No page of Kurs has one, and PostgreSQL refuses a NUL in any text it is asked to compare,
    so a link like `/k/16%005/…` or `…/afmeld/?t=a%00b` would otherwise end in a server error
    where a view looks the value up. Forms are not concerned: their fields refuse a NUL with a
    message beside the field and keep what was typed. The API (`/api/`) is left alone: it checks
    its own parameters (a NUL in a search is ignored, in a municipality code it is a 404), and its
    OpenAPI description allows any character in a string.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") or not _has_null_character(request):
            return self.get_response(request)
        message = gettext(
            "Adressen indeholder et tegn, som ingen adresse her har (NUL). Kopiér hele linket igen."
        )
        return render(request, "core/bad_address.html", {"message": message}, status=400)


def _has_null_character(request) -> bool:
    """Whether the path, or a query parameter's name or value, holds a NUL."""
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in name or any("\x00" in value for value in values)
        for name, values in request.GET.lists()
    )
