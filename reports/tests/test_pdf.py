"""The report's PDF: it renders, every goal and status is in its text, and the municipality compared
with other areas; fonts are embedded, it is tagged and titled, its pages are numbered, table
headers repeat, and chart text stays text. Each page is saved as a PNG in test-artifacts/ for a
person to look at."""

import io
import re
from decimal import Decimal

import pdfplumber
import pypdf
import pypdfium2
import pytest

from actions.tests.factories import ActivityFactory
from conftest import ARTIFACTS
from core.locale import format_number
from strategy.enums import GoalStatus
from strategy.models import Goal


@pytest.fixture
def report(plan, benchmarks, staff, build):
    return build(plan, staff)


def _pages_text(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [" ".join((page.extract_text() or "").split()) for page in document.pages]


def _fonts(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Every font the pages use, and whether its program is embedded."""
    found = {}
    for page in reader.pages:
        resources = page["/Resources"]
        fonts = dict(resources.get("/Font", {}))
        for xobject in dict(resources.get("/XObject", {})).values():
            fonts.update(dict(xobject.get_object().get("/Resources", {}).get("/Font", {})))
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            found[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return found


def test_pdf_renders_with_the_page_count_it_records(report):
    reader = pypdf.PdfReader(io.BytesIO(bytes(report.version.pdf)))

    assert bytes(report.version.pdf).startswith(b"%PDF-")
    assert len(reader.pages) == report.version.page_count
    assert report.version.page_count >= 4  # summary, changes, a page per track, resources


def test_pdf_text_contains_every_goal_and_its_status(report):
    text = " ".join(_pages_text(bytes(report.version.pdf)))

    for goal in Goal.objects.filter(pk__in=[int(pk) for pk in report.version.snapshot["goals"]]):
        assert goal.title in text
        assert str(GoalStatus(goal.status).label) in text


def test_pdf_shows_the_municipality_compared_with_other_areas(report, benchmarks):
    pages = _pages_text(bytes(report.version.pdf))
    starts = [n for n, text in enumerate(pages) if "Albertslund Kommune sammenlignet med" in text]
    resources = [n for n, text in enumerate(pages) if "Ressourcer og resultater for hele" in text]

    assert len(starts) == 1 and starts[0] > resources[0]  # after the plan's resources
    compared = " ".join(pages[starts[0] :])
    for area in report.version.snapshot["benchmarks"][str(benchmarks[0].pk)]["areas"]:
        per_thousand = format_number(Decimal(area["per_thousand"]), 1)
        assert f"{area['name']} {format_number(Decimal(area['value']))} {per_thousand}" in compared
    assert all(series.title in compared for series in benchmarks)


def test_pdf_embeds_ibm_plex_sans_and_no_other_font(report):
    fonts = _fonts(pypdf.PdfReader(io.BytesIO(bytes(report.version.pdf))))

    assert fonts
    assert all(fonts.values())  # every font embedded
    assert {re.sub(r"^/[A-Z]{6}\+", "", name) for name in fonts} <= {
        "IBM-Plex-Sans",
        "IBM-Plex-Sans-Semi-Bold",
        "IBM-Plex-Sans-Bold",
        "IBM-Plex-Sans-Italic",
    }


def test_pdf_is_tagged_danish_and_titled(report):
    reader = pypdf.PdfReader(io.BytesIO(bytes(report.version.pdf)))
    catalog = reader.trailer["/Root"]

    assert catalog["/Lang"] == "da"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Status for Handleplan for vækst"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()


def test_pages_are_numbered_side_x_af_y(report):
    pages = _pages_text(bytes(report.version.pdf))

    assert [f"side {n} af {len(pages)}" in text for n, text in enumerate(pages, start=1)] == [
        True
    ] * len(pages)


def test_chart_text_stays_text_in_the_pdf(report):
    text = " ".join(_pages_text(bytes(report.version.pdf)))

    # The events goal's bar for last year is labelled 4.321 in its chart, and nowhere else.
    assert "4.321" in text
    assert "4.321" not in re.sub(r"<svg\b.*?</svg>", "", report.version.html, flags=re.DOTALL)


def test_activity_table_header_repeats_on_every_page_it_spans(plan, staff, build):
    track = plan.tracks.get(title="Rekruttering")
    theme = track.themes.get()
    for number in range(80):
        ActivityFactory(plan=plan, title=f"Virksomhedsbesøg {number}").themes.set([theme])

    report = build(plan, staff)

    pages = _pages_text(bytes(report.version.pdf))
    spanned = [text for text in pages if re.search(r"Virksomhedsbesøg \d+ I gang", text)]
    assert len(spanned) >= 2
    assert all("Aktivitet Status Periode Seneste statusopdatering" in text for text in spanned)


def test_pdf_pages_saved_as_png_for_review(report):
    ARTIFACTS.mkdir(exist_ok=True)
    document = pypdfium2.PdfDocument(bytes(report.version.pdf))
    paths = []
    for index in range(len(document)):
        path = ARTIFACTS / f"committee-report-page-{index + 1}.png"
        document[index].render(scale=1.5).to_pil().save(path)
        paths.append(path)

    assert len(paths) == report.version.page_count
    assert all(path.read_bytes().startswith(b"\x89PNG") for path in paths)
