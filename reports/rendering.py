"""A report's HTML document, and the PDF WeasyPrint makes of it.

The same HTML is kept as the report's HTML version and printed to its PDF, so the two always say
the same. The document is Danish (`<html lang="da">`, a `<title>`), A4 with page numbers
("side 3 af 12") and table headers repeated on every page (`static/kurs/report.css`), and set in
IBM Plex Sans from the DKFDS fonts shipped in `static/` (`@font-face`), which WeasyPrint embeds
(subset) in the PDF. Charts are inline SVG with their styles inside them (`core.svg`), so their
text stays text in the PDF. The PDF is tagged (PDF/UA-1: structure tags, language, title shown
as the window title), as WeasyPrint allows.

WeasyPrint reads only what the document names from Kurs' own static files and data: URIs (the
logo); nothing from the network or the file system (`StaticFilesOnly`).
"""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.svg import FONT_DIR

PDF_VARIANT = "pdf/ua-1"
# The faces the print stylesheet uses: (weight, style) -> the file's name in DKFDS.
FONT_FILES = {
    (400, "normal"): "Regular",
    (400, "italic"): "Italic",
    (600, "normal"): "SemiBold",
    (700, "normal"): "Bold",
}


def font_faces() -> list[dict]:
    """The @font-face declarations of the document: IBM Plex Sans as shipped in static/."""
    return [
        {
            "weight": weight,
            "style": style,
            "url": static(f"{FONT_DIR}/woff/IBMPlexSans-{name}.woff"),
        }
        for (weight, style), name in FONT_FILES.items()
    ]


def render_html(context: dict) -> str:
    """The report as a standalone HTML document, in Danish."""
    with translation.override("da"):
        return render_to_string(
            "reports/document.html",
            context | {"font_faces": font_faces(), "print_css": _print_css()},
        )


def _print_css() -> str:
    return Path(finders.find("kurs/report.css")).read_text(encoding="utf-8")


def base_url() -> str:
    """What the document's relative links point into: the installation (`SITE_URL`), so that a
    link in the PDF opens the page in Kurs. Nothing is fetched from it (`StaticFilesOnly`)."""
    return settings.SITE_URL.rstrip("/") + "/"


class StaticFilesOnly(URLFetcher):
    """Hands WeasyPrint Kurs' static files (by their /static/ URL) and data: URIs, nothing else."""

    def fetch(self, url, headers=None):
        prefix = base_url().rstrip("/") + static("")
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(prefix):
            found = finders.find(url.removeprefix(prefix))
            if found:
                return URLFetcherResponse(url, Path(found).read_bytes())
        raise ValueError(f"Kurs reports fetch nothing else: {url}")


def render_pdf(html: str) -> tuple[bytes, int]:
    """The PDF of the report's HTML and its number of pages."""
    document = HTML(string=html, base_url=base_url(), url_fetcher=StaticFilesOnly()).render(
        font_config=FontConfiguration()
    )
    output = io.BytesIO()
    document.write_pdf(output, pdf_variant=PDF_VARIANT, pdf_tags=True)
    return output.getvalue(), len(document.pages)
