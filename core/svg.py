"""Kurs' server-rendered SVG charts as files of their own: for downloads, PNGs and the PDF report.

On a page a chart is coloured by the site's stylesheets (`static/kurs/*.css`), which a chart on
its own does not have: a downloaded .svg, the PNG made from it and the chart inside the committee
report (WeasyPrint draws inline SVG without the page's stylesheets) would come out black. So
`standalone` puts the rules that apply to the chart inside it, in a `<style>` element:

- the rules are read from the same stylesheets the page links (one source for the colours);
- a rule is kept when every class its selector names occurs in the chart, it has no pseudo-class
  (`:hover`, `:focus`) and it is not inside an at-rule (`@media print`); in a fragment of a
  page (`with_inline_styles`: a chart and its legend), a class of an element around the SVG
  counts too, and is dropped from the selector, since the SVG on its own has no such ancestor
  (`.kurs-legend .target` becomes `.target` in the legend's swatches);
- only the properties SVG draws with are kept (fill, stroke, fonts, …), not the page layout
  (width, max-width, …), and `var(--name)` is replaced by the value `:root` gives it, since not
  every SVG renderer knows custom properties;
- text is set in IBM Plex Sans, the font the pages use (shipped in `static/vendor/dkfds-*`), and
  the SVG gets its own width and height from its viewBox.

`png` draws such a chart with resvg (through resvg-py: no system library, the fonts given
explicitly, so the image is the same on every machine).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import resvg_py
import tinycss2
from django.contrib.staticfiles import finders

STYLESHEETS = ("kurs/kurs.css", "kurs/actions.css", "kurs/steering.css")
FONT_DIR = "vendor/dkfds-11.2.0/fonts/IBMPlexSans/complete"
# resvg reads TrueType; DKFDS ships its other weights as WOFF only, so bold is drawn regular.
PNG_FONT = f"{FONT_DIR}/ttf/IBMPlexSans-Regular.ttf"
FONT_FAMILY = '"IBM Plex Sans", sans-serif'
SVG_NS = "http://www.w3.org/2000/svg"
# The properties an SVG is drawn with; layout properties of the page are left out.
DRAWING_PROPERTIES = {
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "opacity",
    "font-size",
    "font-weight",
    "font-style",
    "letter-spacing",
    "text-transform",
    "text-decoration",
}
PNG_SCALE = 2  # pixels per SVG unit: sharp on a slide or in a Word document
_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
_SELECTOR_CLASS = re.compile(r"\.([A-Za-z0-9_-]+)")
_VIEW_BOX = re.compile(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"')
_SVG_ELEMENT = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_VAR = re.compile(r"var\((--[A-Za-z0-9-]+)\)")


def _static_path(name: str) -> Path:
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(name)
    return Path(found)


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[tuple[frozenset[str], str], ...], ...]:
    """Every plain rule of the stylesheets as (classes of each selector, selector) pairs and its
    drawing declarations, variables resolved. Read once per process."""
    variables: dict[str, str] = {}
    parsed = []
    for name in STYLESHEETS:
        text = _static_path(name).read_text(encoding="utf-8")
        for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue  # at-rules (@media print) do not apply to a chart on its own
            prelude = tinycss2.serialize(rule.prelude).strip()
            declarations = [
                item
                for item in tinycss2.parse_declaration_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                if item.type == "declaration"
            ]
            if prelude == ":root":
                for item in declarations:
                    variables[item.name] = tinycss2.serialize(item.value).strip()
                continue
            parsed.append((prelude, declarations))

    def resolve(value: str) -> str:
        return _VAR.sub(lambda match: variables.get(match.group(1), "initial"), value)

    rules = []
    for prelude, declarations in parsed:
        kept = "; ".join(
            f"{item.name}: {resolve(tinycss2.serialize(item.value).strip())}"
            for item in declarations
            if item.lower_name in DRAWING_PROPERTIES
        )
        if not kept:
            continue
        selectors = tuple(
            (frozenset(_SELECTOR_CLASS.findall(selector)), selector.strip())
            for selector in prelude.split(",")
            if ":" not in selector and _SELECTOR_CLASS.search(selector)
        )
        if selectors:
            rules.append((selectors, kept))
    return tuple(rules)


def _fitted(selector: str, own: set[str], around: set[str]) -> str | None:
    """`selector` as it applies inside an SVG with the classes `own`, placed in an element
    with the classes `around`; None when it does not apply."""
    kept = []
    for part in selector.split():
        classes = set(_SELECTOR_CLASS.findall(part))
        if classes <= own:
            kept.append(part)
        elif not classes <= around:
            return None
    return " ".join(kept) or None


def stylesheet_for(svg: str, around: frozenset[str] = frozenset()) -> str:
    """The CSS rules of the site that apply to `svg` (see the module doc)."""
    own = {name for value in _CLASS_ATTRIBUTE.findall(svg) for name in value.split()}
    lines = [f"text {{ font-family: {FONT_FAMILY}; }}"]
    for selectors, declarations in _rules():
        applying = [
            fitted
            for needed, selector in selectors
            if needed <= own | around and (fitted := _fitted(selector, own, set(around)))
        ]
        if applying:
            lines.append(f"{', '.join(applying)} {{ {declarations} }}")
    return "\n".join(lines)


def standalone(svg: str, around: frozenset[str] = frozenset()) -> str:
    """`svg` (markup starting with `<svg`) with its styles, namespace and size of its own;
    `around` are the classes of the elements around it in the page (see the module doc)."""
    svg = svg.strip()
    head_end = svg.index(">") + 1
    head = svg[:head_end]
    if "xmlns=" not in head:
        head = head.replace("<svg", f'<svg xmlns="{SVG_NS}"', 1)
    size = _VIEW_BOX.search(head)
    if size and " width=" not in head:
        head = head.replace("<svg", f'<svg width="{size.group(1)}" height="{size.group(2)}"', 1)
    return f"{head}<style>{stylesheet_for(svg, around)}</style>{svg[head_end:]}"


def with_inline_styles(fragment: str) -> str:
    """An HTML fragment (a chart and its legend) with every SVG in it styled on its own."""
    around = frozenset(
        name
        for value in _CLASS_ATTRIBUTE.findall(_SVG_ELEMENT.sub("", fragment))
        for name in value.split()
    )
    return _SVG_ELEMENT.sub(lambda match: standalone(match.group(0), around), fragment)


def png(svg: str) -> bytes:
    """The standalone `svg` drawn as a PNG on white, `PNG_SCALE` pixels per unit."""
    return resvg_py.svg_to_bytes(
        svg_string=svg,
        background="#ffffff",
        zoom=PNG_SCALE,
        skip_system_fonts=True,
        font_files=[str(_static_path(PNG_FONT))],
        font_family="IBM Plex Sans",
        sans_serif_family="IBM Plex Sans",
    )
