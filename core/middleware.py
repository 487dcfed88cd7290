from django.utils.cache import patch_cache_control


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
