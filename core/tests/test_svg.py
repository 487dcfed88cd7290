"""Charts as files of their own: styled inside, and drawn as PNG."""

import io

from PIL import Image

from core.svg import png, standalone, with_inline_styles

CHART = (
    '<svg class="kurs-chart" viewBox="0 0 720 300" role="img">'
    '<line class="target" x1="0" x2="720" y1="10" y2="10"></line>'
    '<text class="tick" x="10" y="20">1.000</text></svg>'
)


def test_standalone_chart_carries_its_colours_resolved_and_its_size():
    svg = standalone(CHART)

    assert svg.startswith('<svg width="720" height="300" xmlns="http://www.w3.org/2000/svg"')
    assert ".kurs-chart .target { stroke: #008139; stroke-width: 2; stroke-dasharray: 6 4 }" in svg
    assert "var(" not in svg
    assert "max-width" not in svg  # page layout is left out
    assert ":hover" not in svg


def test_legend_swatches_get_the_rules_of_the_list_around_them():
    fragment = (
        '<ul class="kurs-legend"><li><svg viewBox="0 0 28 12">'
        '<line class="target" x1="0" x2="28" y1="6" y2="6"></line></svg>Måltal</li></ul>'
    )

    styled = with_inline_styles(fragment)

    assert ".target { stroke: #008139;" in styled
    assert '<ul class="kurs-legend">' in styled


def test_png_of_a_chart_is_a_png_twice_its_size():
    image = png(standalone(CHART))

    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(io.BytesIO(image)).size == (1440, 600)
