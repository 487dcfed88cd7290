"""One way to answer htmx: part of a page for an htmx request, the whole page otherwise.

htmx asks for a fragment with `HX-Request: true`; when the user goes back to a page that is no
longer in htmx's history cache it asks again with `HX-History-Restore-Request: true` and then
needs the whole page. Since one address answers both ways, every such response says so in `Vary`,
so that neither a browser nor a proxy serves the fragment for the page or the page for the fragment.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

HTMX_HEADERS = ["HX-Request", "HX-History-Restore-Request"]


def wants_partial(request) -> bool:
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render_partial_or_page(request, *, partial: str, page: str, context: dict, status: int = 200):
    """Render `partial` for an htmx request and `page` otherwise; `partial` is in the context."""
    is_partial = wants_partial(request)
    response = render(
        request, partial if is_partial else page, {**context, "partial": is_partial}, status=status
    )
    patch_vary_headers(response, HTMX_HEADERS)
    return response


def render_results(request, *, results: str, page: str, context: dict):
    """Answer with `results`, a rendered (perhaps cached) part, alone for an htmx request, or
    inside `page`, which shows it as `{{ results }}`."""
    if wants_partial(request):
        response = HttpResponse(results)
    else:
        response = render(request, page, {**context, "results": results, "partial": False})
    patch_vary_headers(response, HTMX_HEADERS)
    return response
